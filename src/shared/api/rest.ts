/**
 * The plugin's REST namespace and the reading of its errors, which every feature's requests share. The files
 * of this folder are the only place that knows the plugin's REST paths, one file per feature.
 */
import { __ } from '@wordpress/i18n';

import { isDiagnosisCode } from '../codes';

import type { Diagnosis, RestError } from '../types';

export const REST_NAMESPACE = '/causerie/v1';

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
