/**
 * The checks the server makes on credentials (Settings_Input, Api_Url_Policy), run in the browser first
 * so the admin sees each problem next to its field before anything is sent.
 */
import { __ } from '@wordpress/i18n';

import type { EnvironmentType, Settings } from '../../shared/types';
import type { AddressField, CredentialValues, FieldErrors } from './types';

const CLIENT_ID_PATTERN = /^[A-Za-z0-9._:@-]+$/;
// Printable ASCII without spaces, as the route's schema requires.
const SECRET_PATTERN = /^[\x21-\x7E]+$/;

/**
 * Whether the stored secret can't be used, so a new one must be typed.
 *
 * @param settings The profile as the server describes it.
 */
export function needsSecret(
	settings: Pick< Settings, 'hasSecret' | 'secretStatus' >
): boolean {
	return ! settings.hasSecret || settings.secretStatus !== 'ok';
}

export function isLoopbackHost( hostname: string ): boolean {
	const host = hostname.toLowerCase().replace( /^\[|\]$/g, '' );
	return (
		host === 'localhost' ||
		host.endsWith( '.localhost' ) ||
		host === '::1' ||
		/^127(\.\d{1,3}){3}$/.test( host )
	);
}

export function validateClientId( value: string ): string | null {
	const clientId = value.trim();
	if ( clientId === '' ) {
		return __(
			'Enter the client ID shown in the Causerie dashboard.',
			'causerie-connector'
		);
	}
	if ( clientId.length > 191 ) {
		return __(
			'The client ID is at most 191 characters long.',
			'causerie-connector'
		);
	}
	if ( ! CLIENT_ID_PATTERN.test( clientId ) ) {
		return __(
			'The client ID contains only letters, digits and the characters . _ : @ -. Copy it again from the Causerie dashboard.',
			'causerie-connector'
		);
	}
	return null;
}

/**
 * @param value    What the admin typed, already trimmed.
 * @param required Whether an empty field is an error (no usable secret is stored).
 */
export function validateSecret(
	value: string,
	required: boolean
): string | null {
	if ( value === '' ) {
		return required
			? __(
					'Enter the client secret shown in the Causerie dashboard.',
					'causerie-connector'
				)
			: null;
	}
	if ( value.length < 8 || value.length > 512 ) {
		return __(
			'A client secret is 8 to 512 characters long. Copy it again from the Causerie dashboard.',
			'causerie-connector'
		);
	}
	if ( ! SECRET_PATTERN.test( value ) ) {
		return __(
			'A client secret has no spaces or accented letters. Copy it again from the Causerie dashboard.',
			'causerie-connector'
		);
	}
	return null;
}

/**
 * What Api_Url_Policy refuses in any of the three addresses, or null.
 *
 * @param address         The address typed, trimmed and not empty.
 * @param siteEnvironment The site's environment type: plain http to this computer is for local sites.
 */
function addressProblem(
	address: string,
	siteEnvironment: EnvironmentType
): string | null {
	const incomplete = __(
		'Enter a full address, such as https://api.causerie.example.',
		'causerie-connector'
	);
	let url: URL;
	try {
		url = new URL( address );
	} catch {
		return incomplete;
	}
	if ( url.hostname === '' || address.length > 2048 ) {
		return incomplete;
	}
	if ( url.username !== '' || url.password !== '' ) {
		return __(
			'The address must not contain a user name or password. Enter the client ID and secret in their own fields.',
			'causerie-connector'
		);
	}
	if ( address.includes( '?' ) || address.includes( '#' ) ) {
		return __(
			'The address must not contain a query string or fragment.',
			'causerie-connector'
		);
	}
	const localSite =
		siteEnvironment === 'local' || siteEnvironment === 'development';
	const plainLoopback =
		url.protocol === 'http:' && isLoopbackHost( url.hostname );
	if ( url.protocol !== 'https:' && ! ( plainLoopback && localSite ) ) {
		return __(
			'The address must start with https://. Plain http is allowed only for this computer (localhost) on a local or development site.',
			'causerie-connector'
		);
	}
	return null;
}

/**
 * @param value           The address typed.
 * @param siteEnvironment The site's environment type.
 */
export function validateApiUrl(
	value: string,
	siteEnvironment: EnvironmentType
): string | null {
	const address = value.trim();
	if ( address === '' ) {
		return __(
			'Enter the API address, such as https://api.causerie.example.',
			'causerie-connector'
		);
	}
	return addressProblem( address, siteEnvironment );
}

/**
 * The advanced issuer or token endpoint: the same rules, but empty is fine (found from the API address).
 *
 * @param value           The address typed.
 * @param siteEnvironment The site's environment type.
 */
export function validateOptionalAddress(
	value: string,
	siteEnvironment: EnvironmentType
): string | null {
	const address = value.trim();
	return address === '' ? null : addressProblem( address, siteEnvironment );
}

/**
 * The problems of the three addresses, for those the admin may change.
 *
 * @param values   The addresses typed.
 * @param settings The profile as stored: locks and the site's environment.
 */
export function validateAddresses(
	values: Pick< CredentialValues, AddressField >,
	settings: Pick< Settings, 'locked' | 'activeEnvironment' >
): FieldErrors {
	const errors: FieldErrors = {};
	const site = settings.activeEnvironment;
	const problems = {
		apiUrl: () => validateApiUrl( values.apiUrl, site ),
		issuer: () => validateOptionalAddress( values.issuer, site ),
		tokenEndpoint: () =>
			validateOptionalAddress( values.tokenEndpoint, site ),
	};
	for ( const field of [ 'apiUrl', 'issuer', 'tokenEndpoint' ] as const ) {
		const problem = settings.locked[ field ] ? null : problems[ field ]();
		if ( problem ) {
			errors[ field ] = problem;
		}
	}
	return errors;
}

/**
 * Every field's problem, for the fields the admin may change.
 *
 * @param values   The form.
 * @param settings The profile as stored: locks, whether a usable secret exists, the site's environment.
 */
export function validateCredentials(
	values: CredentialValues,
	settings: Settings
): FieldErrors {
	const { locked } = settings;
	const errors: FieldErrors = {};
	const clientId = locked.clientId
		? null
		: validateClientId( values.clientId );
	const secret = locked.clientSecret
		? null
		: validateSecret( values.clientSecret.trim(), needsSecret( settings ) );
	if ( clientId ) {
		errors.clientId = clientId;
	}
	if ( secret ) {
		errors.clientSecret = secret;
	}
	Object.assign( errors, validateAddresses( values, settings ) );
	if ( ! locked.scopes && values.scopes.length === 0 ) {
		errors.scopes = __(
			'Choose at least one permission.',
			'causerie-connector'
		);
	}
	return errors;
}
