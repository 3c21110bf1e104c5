import { __ } from '@wordpress/i18n';

import type { AuthorizationServer, Settings } from '../../shared/types';
import { AddressInput } from './AddressInput';
import { AdvancedSection } from './AdvancedSection';
import { serverNote } from './serverNote';
import type { AddressField, CredentialValues, FieldErrors } from './types';

interface Props {
	values: Pick< CredentialValues, AddressField >;
	onChange: ( field: AddressField, value: string ) => void;
	errors: FieldErrors;
	settings: Settings;
	/** The sign-in service found for these settings, when known. */
	server?: AuthorizationServer | null;
	/** Opens the advanced fields from the start, as the wizard's address fix does. */
	advancedOpen?: boolean;
}

/** The advanced fields, in order, each with what it is and that it may stay empty. */
const ADVANCED: Array< { field: 'issuer' | 'tokenEndpoint'; note: string } > = [
	{
		field: 'issuer',
		note: __(
			'The address of the service that issues the tokens, such as https://auth.causerie.example. Leave empty to find it from the API address.',
			'causerie-connector'
		),
	},
	{
		field: 'tokenEndpoint',
		note: __(
			'The full address where the plugin asks for tokens, such as https://auth.causerie.example/oauth/token. Leave empty to find it from the API address.',
			'causerie-connector'
		),
	},
];

/**
 * The API address, where its sign-in service was found, and under Advanced the issuer and token endpoint
 * of a server that publishes no metadata. The credentials form and the wizard's address fix share them.
 */
export function AddressFields( {
	values,
	onChange,
	errors,
	settings,
	server = null,
	advancedOpen = false,
}: Props ) {
	const hasAdvancedValue =
		values.issuer.trim() !== '' || values.tokenEndpoint.trim() !== '';
	return (
		<>
			<div className="causerie-address">
				<AddressInput
					field="apiUrl"
					value={ values.apiUrl }
					onChange={ onChange }
					settings={ settings }
					error={ errors.apiUrl }
					note={ __(
						'As shown in the Causerie dashboard.',
						'causerie-connector'
					) }
					placeholder="https://api.causerie.example"
				/>
				{ server && (
					<p className="causerie-address__server">
						{ serverNote( server ) }
					</p>
				) }
			</div>
			<AdvancedSection
				initialOpen={ advancedOpen || hasAdvancedValue }
				forceOpen={ !! ( errors.issuer || errors.tokenEndpoint ) }
			>
				<p className="causerie-advanced__intro">
					{ __(
						'Only needed for a sign-in service that publishes no description of itself (no metadata). Leave these fields empty to find them from the API address.',
						'causerie-connector'
					) }
				</p>
				{ ADVANCED.map( ( { field, note } ) => (
					<AddressInput
						key={ field }
						field={ field }
						value={ values[ field ] }
						onChange={ onChange }
						settings={ settings }
						error={ errors[ field ] }
						note={ note }
					/>
				) ) }
			</AdvancedSection>
		</>
	);
}
