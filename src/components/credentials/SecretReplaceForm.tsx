import { Button, Notice } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { saveSettings, verifySettings } from '../../api';
import type { EnvironmentType, Settings } from '../../types';
import { DiagnosisNotice } from './DiagnosisNotice';
import { ProgressStatus } from './ProgressStatus';
import { SecretField } from './SecretField';
import { readFailure } from './serverErrors';
import type { Failure } from './types';
import { validateSecret } from './validation';
import './credentials.scss';

interface Props {
	/** The profile whose secret is replaced. */
	environment: EnvironmentType;
	/** Told of the profile once the API accepted the new secret and it replaced the old one. */
	onVerified: ( settings: Settings ) => void;
}

type Step = 'idle' | 'verifying' | 'saving' | 'done';

const NO_HINT = {
	hasSecret: false,
	secretHint: '',
	secretStatus: 'missing',
} as const;

/**
 * Paste a new client secret, check it with the API, and only then replace the stored one: the same
 * verification a save makes, asked first so a refused secret never reaches the settings of any profile.
 */
export function SecretReplaceForm( { environment, onVerified }: Props ) {
	const [ secret, setSecret ] = useState( '' );
	const [ error, setError ] = useState< string | undefined >();
	const [ step, setStep ] = useState< Step >( 'idle' );
	const [ failure, setFailure ] = useState< Failure | null >( null );
	const fieldRef = useRef< HTMLDivElement >( null );
	const busy = step === 'verifying' || step === 'saving';

	const fail = ( next: Failure ) => {
		setFailure( next );
		setError( next.fieldErrors.clientSecret );
		setStep( 'idle' );
	};

	const submit = () => {
		if ( busy ) {
			return;
		}
		const value = secret.trim();
		const invalid = validateSecret( value, true ) ?? undefined;
		setError( invalid );
		setFailure( null );
		if ( invalid ) {
			fieldRef.current?.querySelector( 'input' )?.focus();
			return;
		}
		setStep( 'verifying' );
		verifySettings( environment, { clientSecret: value } )
			.then( () => {
				setStep( 'saving' );
				return saveSettings( environment, { clientSecret: value } );
			} )
			.then(
				( saved ) => {
					setSecret( '' );
					setStep( 'done' );
					onVerified( saved );
				},
				( reason: unknown ) => fail( readFailure( reason ) )
			);
	};

	const messages: Record< Step, string > = {
		idle: failure
			? __( 'The new secret was not saved.', 'causerie-connector' )
			: '',
		verifying: __(
			'Checking the new secret with Causerie…',
			'causerie-connector'
		),
		saving: __(
			'Causerie accepted the new secret. Saving it…',
			'causerie-connector'
		),
		done: __(
			'Causerie accepted the new secret, and it replaced the old one.',
			'causerie-connector'
		),
	};

	return (
		<form
			className="causerie-secret-replace"
			noValidate
			onSubmit={ ( event ) => {
				event.preventDefault();
				submit();
			} }
		>
			<div ref={ fieldRef }>
				<SecretField
					label={ __( 'New client secret', 'causerie-connector' ) }
					value={ secret }
					onChange={ ( value ) => {
						setSecret( value );
						setError( undefined );
					} }
					stored={ NO_HINT }
					error={ error }
				/>
			</div>
			<Button
				variant="primary"
				type="submit"
				isBusy={ busy }
				disabled={ busy }
				accessibleWhenDisabled
			>
				{ __( 'Verify and replace', 'causerie-connector' ) }
			</Button>
			<ProgressStatus busy={ busy } message={ messages[ step ] } />
			{ failure?.diagnosis && (
				<DiagnosisNotice
					diagnosis={ failure.diagnosis }
					lead={ __(
						'The old secret is still the one in use.',
						'causerie-connector'
					) }
				/>
			) }
			{ failure && ! failure.diagnosis && failure.message && (
				<Notice
					status="error"
					isDismissible={ false }
					spokenMessage={ null }
				>
					<p>{ failure.message }</p>
				</Notice>
			) }
		</form>
	);
}
