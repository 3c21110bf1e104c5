/**
 * Which fix the regeneration wizard offers for a diagnosis, and which diagnoses open it on their own. Both
 * are read from codes.json (Catalog::codes() on the server), the one home of every cause.
 */
import { catalogEntry, isDiagnosisCode } from '../../shared/codes';

export const FIX_KINDS = [
	// The plugin repairs it alone: get a new token, prove it, revoke the old one.
	'renew',
	// A person pastes a new secret from the Causerie dashboard.
	'secret',
	// A person grants scopes in the dashboard; then a new token carries them.
	'scopes',
	// The credentials belong to another environment: enter this environment's.
	'environment',
	// The API address, or the advanced issuer or token endpoint, leads to the wrong place: correct it.
	'address',
	// The server's clock is off: only the host can fix it.
	'clock',
	// The site answers at a new address: is it the same site, or a copy?
	'site',
	// This copy was paused: resume if it is the real site.
	'paused',
	// The API or the network is failing: nothing to change here, check again later.
	'wait',
] as const;

export type FixKind = ( typeof FIX_KINDS )[ number ];

export function isFixKind( value: string ): value is FixKind {
	return ( FIX_KINDS as readonly string[] ).includes( value );
}

/**
 * The fix for a code. A code this build does not know (a newer server) only gets "check again later".
 *
 * @param code A diagnosis code, as the server sent it.
 */
export function fixKindOf( code: string ): FixKind {
	if ( ! isDiagnosisCode( code ) ) {
		return 'wait';
	}
	const { fix } = catalogEntry( code );
	return isFixKind( fix ) ? fix : 'wait';
}

/**
 * Whether the wizard opens by itself for a code when the screen loads: the 401 and 403 causes, which stop
 * the chatbot and have a fix here.
 *
 * @param code A diagnosis code, as the server sent it.
 */
export function opensWizard( code: string ): boolean {
	return isDiagnosisCode( code ) && catalogEntry( code ).wizard;
}
