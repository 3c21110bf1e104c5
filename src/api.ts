/**
 * The only module that knows the plugin's REST paths.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import type {
	EnvironmentType,
	RestError,
	Settings,
	SettingsChanges,
	SiteInfo,
	VerifyResult,
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

export const SETTINGS_PATH = `${ REST_NAMESPACE }/settings`;
export const SETTINGS_VERIFY_PATH = `${ SETTINGS_PATH }/verify`;

/**
 * The credentials of a profile, the secret only as `hasSecret` and a hint. Without a profile, the path is
 * exactly the preloaded one, so the first paint needs no request.
 *
 * @param environment Profile; the site's own when omitted.
 */
export function fetchSettings(
	environment?: EnvironmentType
): Promise< Settings > {
	const path = environment
		? `${ SETTINGS_PATH }?environment=${ encodeURIComponent( environment ) }`
		: SETTINGS_PATH;
	return apiFetch< Settings >( { path } );
}

/**
 * Saves changes to a profile; for the site's own profile the server verifies them with the API first.
 *
 * @param environment Profile.
 * @param changes     Only the fields to change; an absent secret keeps the stored one.
 */
export function saveSettings(
	environment: EnvironmentType,
	changes: SettingsChanges
): Promise< Settings > {
	return apiFetch< Settings >( {
		path: SETTINGS_PATH,
		method: 'POST',
		data: { environment, ...changes },
	} );
}

/**
 * Tries candidate credentials against the API without saving anything.
 *
 * @param environment Profile whose stored values fill in the fields not sent.
 * @param changes     Candidate values.
 */
export function verifySettings(
	environment: EnvironmentType,
	changes: SettingsChanges
): Promise< VerifyResult > {
	return apiFetch< VerifyResult >( {
		path: SETTINGS_VERIFY_PATH,
		method: 'POST',
		data: { environment, ...changes },
	} );
}
