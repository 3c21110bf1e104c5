/**
 * The only module that knows the plugin's REST paths.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import type {
	EventQuery,
	LoggedEvent,
	RestError,
	SiteInfo,
	SupportReportResponse,
} from './types';

export const REST_NAMESPACE = '/causerie/v1';
export const SITE_PATH = `${ REST_NAMESPACE }/site`;

export function fetchSite(): Promise< SiteInfo > {
	return apiFetch< SiteInfo >( { path: SITE_PATH } );
}

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
