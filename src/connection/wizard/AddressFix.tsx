import { Button, Flex, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { AddressFields } from '../credentials/AddressFields';
import { changesOf, valuesOf } from '../credentials/changes';
import { SecretField } from '../credentials/SecretField';
import type { AddressField, FieldErrors } from '../credentials/types';
import { validateAddresses } from '../credentials/validation';
import type {
	CredentialField,
	Settings,
	SettingsChanges,
} from '../../shared/types';
import { RefusalNotice } from './RefusalNotice';
import { useWizardSave } from '../hooks/useWizardSave';

interface Props {
	/** The site's own profile, as stored. */
	settings: Settings;
	/** What the engine saw: the address it called, and the descriptions that were not found. */
	evidence: Record< string, unknown >;
	onSaved: ( settings: Settings ) => void;
	onCheckAgain: () => void;
}

const SHOWN: CredentialField[] = [
	'apiUrl',
	'issuer',
	'tokenEndpoint',
	'clientSecret',
];

/**
 * Why the changes can't be sent: the saved secret goes only to the address it was saved with, so a new
 * address needs it typed again (the server refuses otherwise).
 *
 * @param changes  What would be sent.
 * @param settings The profile as stored.
 */
function secretProblem(
	changes: SettingsChanges,
	settings: Settings
): string | null {
	const moved = ( [ 'apiUrl', 'issuer', 'tokenEndpoint' ] as const ).some(
		( field ) => changes[ field ] !== undefined
	);
	return moved && settings.hasSecret && changes.clientSecret === undefined
		? __(
				'Enter the client secret again to use it with the new address.',
				'causerie-connector'
			)
		: null;
}

function triedAddresses( evidence: Record< string, unknown > ): string[] {
	const listed = [ evidence.url, evidence.unpublished ].flat();
	return [
		...new Set(
			listed.filter(
				( url ): url is string => typeof url === 'string' && url !== ''
			)
		),
	];
}

/**
 * Correct the API address, or the issuer and token endpoint of a server that publishes no metadata. The
 * server verifies them before it saves anything.
 *
 * @param props              Component props.
 * @param props.settings     The stored settings.
 * @param props.evidence     What the engine saw.
 * @param props.onSaved      Called with the profile once verified and stored.
 * @param props.onCheckAgain Goes on to the checks without changing anything.
 */
export function AddressFix( {
	settings,
	evidence,
	onSaved,
	onCheckAgain,
}: Props ) {
	const [ values, setValues ] = useState( () => valuesOf( settings ) );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ unchanged, setUnchanged ] = useState( false );
	const { isSaving, failure, save } = useWizardSave( SHOWN );
	const tried = triedAddresses( evidence );

	const secretLocked = !! settings.locked.clientSecret;

	const onChange = ( field: AddressField, value: string ) => {
		setValues( ( previous ) => ( { ...previous, [ field ]: value } ) );
		// The message was about the old value.
		setErrors( ( { [ field ]: _dropped, ...rest } ) => rest );
		setUnchanged( false );
	};
	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		const changes = changesOf( values, settings );
		const invalid: FieldErrors = validateAddresses( values, settings );
		const secret = secretLocked ? null : secretProblem( changes, settings );
		if ( secret ) {
			invalid.clientSecret = secret;
		}
		const nothing = Object.keys( changes ).length === 0;
		setErrors( invalid );
		setUnchanged( nothing && Object.keys( invalid ).length === 0 );
		if ( nothing || Object.keys( invalid ).length > 0 ) {
			return;
		}
		const outcome = await save( settings.activeEnvironment, changes );
		if ( outcome.ok ) {
			onSaved( outcome.settings );
		} else {
			setErrors( outcome.failure.fieldErrors );
		}
	};

	return (
		<form onSubmit={ submit } className="causerie-wizard__form" noValidate>
			{ tried.length > 0 && (
				<>
					<p>
						{ __(
							'The plugin tried these addresses:',
							'causerie-connector'
						) }
					</p>
					<ul className="causerie-wizard__tried">
						{ tried.map( ( url ) => (
							<li key={ url }>
								<code>{ url }</code>
							</li>
						) ) }
					</ul>
				</>
			) }
			<AddressFields
				values={ values }
				onChange={ onChange }
				errors={ errors }
				settings={ settings }
				advancedOpen
			/>
			{ ! secretLocked && (
				<SecretField
					value={ values.clientSecret }
					onChange={ ( value ) => {
						setValues( ( previous ) => ( {
							...previous,
							clientSecret: value,
						} ) );
						setErrors(
							( { clientSecret: _dropped, ...rest } ) => rest
						);
					} }
					stored={ settings }
					error={ errors.clientSecret }
					note={ __(
						'The plugin sends the saved secret only to the address it was saved with: enter it again with a new address.',
						'causerie-connector'
					) }
				/>
			) }
			{ failure && (
				<RefusalNotice
					diagnosis={ failure.diagnosis }
					message={ failure.message }
				/>
			) }
			{ unchanged && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'Nothing to save: no address was changed.',
						'causerie-connector'
					) }
				</Notice>
			) }
			<Flex justify="flex-start" gap={ 2 }>
				<Button
					variant="primary"
					type="submit"
					isBusy={ isSaving }
					disabled={ isSaving }
					accessibleWhenDisabled
				>
					{ isSaving
						? __( 'Verifying…', 'causerie-connector' )
						: __( 'Verify and save', 'causerie-connector' ) }
				</Button>
				<Button
					variant="secondary"
					onClick={ onCheckAgain }
					disabled={ isSaving }
					accessibleWhenDisabled
				>
					{ __( 'Check again', 'causerie-connector' ) }
				</Button>
			</Flex>
		</form>
	);
}
