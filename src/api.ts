/**
 * The only module that knows the plugin's REST paths.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import { isDiagnosisCode } from './diagnosis/codes';

import type {
	ChecksRun,
	Diagnosis,
	DiagnosisTexts,
	PublicKeys,
	RestError,
	Settings,
	SiteInfo,
	TokenDescription,
} from './types';

export const REST_NAMESPACE = '/causerie/v1';
export const SITE_PATH = `${ REST_NAMESPACE }/site`;

export function fetchSite(): Promise< SiteInfo > {
	return apiFetch< SiteInfo >( { path: SITE_PATH } );
}

function isRestError( value: unknown ): value is RestError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as RestError ).code === 'string' &&
		typeof ( value as RestError ).message === 'string'
	);
}

/**
 * Turns whatever apiFetch rejected with into a normalised error the UI can show and switch on.
 *
 * @param reason The rejection value.
 */
export function toRestError( reason: unknown ): RestError {
	if ( isRestError( reason ) ) {
		return reason;
	}
	return {
		code: 'causerie_unexpected_response',
		message: __(
			'WordPress answered with something unexpected. Reload the page; if this persists, check the PHP error log.',
			'causerie-connector'
		),
	};
}

export const TOKEN_PATH = `${ REST_NAMESPACE }/token`;
export const JWKS_PATH = `${ REST_NAMESPACE }/jwks`;
export const SETTINGS_PATH = `${ REST_NAMESPACE }/settings`;
export const CHECKS_PATH = `${ REST_NAMESPACE }/checks`;
export const DIAGNOSES_PATH = `${ REST_NAMESPACE }/diagnoses`;

/** The token in use, with the raw JWT: only the token inspector asks for it, on the admin's request. */
export function fetchRevealedToken(): Promise< TokenDescription > {
	return apiFetch< TokenDescription >( {
		path: `${ TOKEN_PATH }?reveal=true`,
	} );
}

export function fetchPublicKeys(): Promise< PublicKeys > {
	return apiFetch< PublicKeys >( { path: JWKS_PATH } );
}

export function fetchSettings(): Promise< Settings > {
	return apiFetch< Settings >( { path: SETTINGS_PATH } );
}

export function runChecks(): Promise< ChecksRun > {
	return apiFetch< ChecksRun >( { path: CHECKS_PATH, method: 'POST' } );
}

export function fetchDiagnosisTexts(): Promise< DiagnosisTexts > {
	return apiFetch< DiagnosisTexts >( { path: DIAGNOSES_PATH } );
}

/**
 * The diagnosis a failed request carries (status 409, 422 or 502), if any.
 *
 * @param error A normalised REST error.
 */
export function diagnosisOf( error: RestError ): Diagnosis | null {
	const diagnosis: unknown = (
		error.data as { diagnosis?: unknown } | undefined
	 )?.diagnosis;
	if (
		typeof diagnosis !== 'object' ||
		diagnosis === null ||
		! isDiagnosisCode( String( ( diagnosis as Diagnosis ).code ) ) ||
		typeof ( diagnosis as Diagnosis ).title !== 'string' ||
		! Array.isArray( ( diagnosis as Diagnosis ).steps )
	) {
		return null;
	}
	return diagnosis as Diagnosis;
}
