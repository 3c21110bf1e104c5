/**
 * The only module that knows the plugin's REST paths.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import type { RestError, SiteInfo } from './types';

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
