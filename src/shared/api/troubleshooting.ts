/**
 * Troubleshooting's requests: the event log, the support report, the token, the public keys and the diagnoses' texts.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE } from './rest';

import type {
	DiagnosisTexts,
	EventQuery,
	LoggedEvent,
	PublicKeys,
	SupportReportResponse,
	TokenDescription,
} from '../types';

export const EVENTS_PATH = `${ REST_NAMESPACE }/events`;
export const REPORT_PATH = `${ REST_NAMESPACE }/report`;

/**
 * The most recent events, newest first, already redacted by the server.
 *
 * @param query Optional kind filter and limit.
 */
export function fetchEvents(
	query: EventQuery = {}
): Promise< LoggedEvent[] > {
	const params = new URLSearchParams();
	if ( query.kind ) {
		params.set( 'kind', query.kind );
	}
	if ( query.limit !== undefined ) {
		params.set( 'limit', String( query.limit ) );
	}
	const search = params.toString();
	return apiFetch< LoggedEvent[] >( {
		path: search ? `${ EVENTS_PATH }?${ search }` : EVENTS_PATH,
	} );
}

/**
 * The redacted support report, as data and as text.
 */
export function fetchReport(): Promise< SupportReportResponse > {
	return apiFetch< SupportReportResponse >( { path: REPORT_PATH } );
}

export const TOKEN_PATH = `${ REST_NAMESPACE }/token`;
export const JWKS_PATH = `${ REST_NAMESPACE }/jwks`;
export const DIAGNOSES_PATH = `${ REST_NAMESPACE }/diagnoses`;

/**
 * The token the plugin holds, with the raw JWT: only the token inspector asks for it, on the admin's request.
 * The server only reads it: without one, it answers with a diagnosis (no_token, renewal_in_progress) and
 * never gets one; getting one is a POST (regenerateToken, runChecks).
 */
export function fetchRevealedToken(): Promise< TokenDescription > {
	return apiFetch< TokenDescription >( {
		path: `${ TOKEN_PATH }?reveal=true`,
	} );
}

/**
 * The API's public keys, as the server caches them.
 *
 * @param kid The key a token names: the server fetches the keys again when its cached set lacks it.
 */
export function fetchPublicKeys( kid?: string ): Promise< PublicKeys > {
	return apiFetch< PublicKeys >( {
		path: kid
			? `${ JWKS_PATH }?kid=${ encodeURIComponent( kid ) }`
			: JWKS_PATH,
	} );
}

export function fetchDiagnosisTexts(): Promise< DiagnosisTexts > {
	return apiFetch< DiagnosisTexts >( { path: DIAGNOSES_PATH } );
}
