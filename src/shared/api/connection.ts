/**
 * The connection's requests: the site, the status and checks, the token's renewal, the binding, the credentials and the alert emails.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE } from './rest';

import type {
	AlertSettings,
	Binding,
	ChecksRun,
	ConnectionStatus,
	EnvironmentType,
	Regeneration,
	Settings,
	SettingsChanges,
	SettingsLevel,
	SiteInfo,
	VerifyResult,
} from '../types';

export const SITE_PATH = `${ REST_NAMESPACE }/site`;

export const STATUS_PATH = `${ REST_NAMESPACE }/status`;
export const CHECKS_PATH = `${ REST_NAMESPACE }/checks`;
export const REGENERATE_PATH = `${ REST_NAMESPACE }/token/regenerate`;
export const BINDING_PATH = `${ REST_NAMESPACE }/binding`;

export function fetchSite(): Promise< SiteInfo > {
	return apiFetch< SiteInfo >( { path: SITE_PATH } );
}

export function fetchStatus(): Promise< ConnectionStatus > {
	return apiFetch< ConnectionStatus >( { path: STATUS_PATH } );
}

/**
 * The last checks, or null before the first run.
 */
export async function fetchLastChecks(): Promise< ChecksRun | null > {
	const last = await apiFetch< Partial< ChecksRun > >( {
		path: CHECKS_PATH,
	} );
	return last.checks && last.checkedAt
		? { ...last, checks: last.checks, checkedAt: last.checkedAt }
		: null;
}

/**
 * Runs the live checks on the server, which bounds every call to the API by its timeouts.
 *
 * @param signal Aborts the wait in the browser when WordPress itself does not answer.
 */
export function runChecks(
	signal: AbortSignal | null = null
): Promise< ChecksRun > {
	return apiFetch< ChecksRun >( {
		path: CHECKS_PATH,
		method: 'POST',
		signal,
	} );
}

/**
 * Gets a new token, proves it against the API, swaps it in and revokes the old one.
 *
 * @param requestId Repeating it answers from the first run, so a retried click renews once.
 */
export function regenerateToken( requestId: string ): Promise< Regeneration > {
	return apiFetch< Regeneration >( {
		path: REGENERATE_PATH,
		method: 'POST',
		data: { requestId },
	} );
}

export function updateBinding(
	action: 'rebind' | 'pause'
): Promise< Binding > {
	return apiFetch< Binding >( {
		path: BINDING_PATH,
		method: 'POST',
		data: { action },
	} );
}

export const SETTINGS_PATH = `${ REST_NAMESPACE }/settings`;
export const SETTINGS_VERIFY_PATH = `${ SETTINGS_PATH }/verify`;

export const NETWORK_SETTINGS_PATH = `${ REST_NAMESPACE }/network/settings`;

/**
 * Where the credentials of a level are read and saved: the site's own, or the network's that every site
 * of a multisite network uses unless it sets its own.
 *
 * @param level The site's or the network's.
 */
export function settingsPathOf( level: SettingsLevel ): string {
	return level === 'network' ? NETWORK_SETTINGS_PATH : SETTINGS_PATH;
}

/**
 * The credentials of a profile, the secret only as `hasSecret` and a hint. Without a profile, the path is
 * exactly the preloaded one, so the first paint needs no request.
 *
 * @param environment Profile; the level's own when omitted.
 * @param level       The site's credentials or the network's.
 */
export function fetchSettings(
	environment?: EnvironmentType,
	level: SettingsLevel = 'site'
): Promise< Settings > {
	const base = settingsPathOf( level );
	const path = environment
		? `${ base }?environment=${ encodeURIComponent( environment ) }`
		: base;
	return apiFetch< Settings >( { path } );
}

/**
 * Saves changes to a profile. The server verifies them with the API first for the site's own profile,
 * and for every profile of the network.
 *
 * @param environment Profile.
 * @param changes     Only the fields to change; an absent secret keeps the stored one.
 * @param level       The site's credentials or the network's.
 */
export function saveSettings(
	environment: EnvironmentType,
	changes: SettingsChanges,
	level: SettingsLevel = 'site'
): Promise< Settings > {
	return apiFetch< Settings >( {
		path: settingsPathOf( level ),
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

export const ALERTS_PATH = `${ REST_NAMESPACE }/alerts`;

export function fetchAlertSettings(): Promise< AlertSettings > {
	return apiFetch< AlertSettings >( { path: ALERTS_PATH } );
}

/**
 * Chooses the address of the alert emails.
 *
 * @param alertEmail An email address, or empty for the site's admin email.
 */
export function saveAlertSettings(
	alertEmail: string
): Promise< AlertSettings > {
	return apiFetch< AlertSettings >( {
		path: ALERTS_PATH,
		method: 'POST',
		data: { alertEmail },
	} );
}
