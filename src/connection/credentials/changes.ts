/**
 * What a form sends: only fields the admin may change, and the secret only when one was typed.
 */
import type { Settings, SettingsChanges } from '../../shared/types';
import type { CredentialValues } from './types';

export function valuesOf( settings: Settings ): CredentialValues {
	return {
		clientId: settings.clientId,
		clientSecret: '',
		apiUrl: settings.apiUrl,
		issuer: settings.issuer,
		tokenEndpoint: settings.tokenEndpoint,
		scopes: [ ...settings.scopes ],
	};
}

function sameScopes( a: string[], b: string[] ): boolean {
	return a.length === b.length && a.every( ( scope ) => b.includes( scope ) );
}

/**
 * The candidate credentials, for a verification: every editable field, so the stored ones fill in only
 * what is locked and the secret left empty.
 *
 * @param values   The form.
 * @param settings The profile as stored.
 */
export function candidateOf(
	values: CredentialValues,
	settings: Settings
): SettingsChanges {
	const { locked } = settings;
	const candidate: SettingsChanges = {};
	if ( ! locked.clientId ) {
		candidate.clientId = values.clientId.trim();
	}
	if ( ! locked.clientSecret && values.clientSecret.trim() !== '' ) {
		candidate.clientSecret = values.clientSecret.trim();
	}
	if ( ! locked.apiUrl ) {
		candidate.apiUrl = values.apiUrl.trim();
	}
	// Sent even when empty: empty means "find it from the API address", which is what the form shows.
	if ( ! locked.issuer ) {
		candidate.issuer = values.issuer.trim();
	}
	if ( ! locked.tokenEndpoint ) {
		candidate.tokenEndpoint = values.tokenEndpoint.trim();
	}
	if ( ! locked.scopes ) {
		candidate.scopes = values.scopes;
	}
	return candidate;
}

/**
 * The fields that differ from what is stored, for a save.
 *
 * @param values   The form.
 * @param settings The profile as stored.
 */
export function changesOf(
	values: CredentialValues,
	settings: Settings
): SettingsChanges {
	const candidate = candidateOf( values, settings );
	const changes: SettingsChanges = {};
	if (
		candidate.clientId !== undefined &&
		candidate.clientId !== settings.clientId
	) {
		changes.clientId = candidate.clientId;
	}
	if ( candidate.clientSecret !== undefined ) {
		changes.clientSecret = candidate.clientSecret;
	}
	for ( const field of [ 'apiUrl', 'issuer', 'tokenEndpoint' ] as const ) {
		const value = candidate[ field ];
		if ( value !== undefined && value !== settings[ field ] ) {
			changes[ field ] = value;
		}
	}
	if (
		candidate.scopes !== undefined &&
		! sameScopes( candidate.scopes, settings.scopes )
	) {
		changes.scopes = candidate.scopes;
	}
	return changes;
}
