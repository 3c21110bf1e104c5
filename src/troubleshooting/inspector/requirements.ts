/**
 * What the plugin needs of a token beyond a valid signature: the scopes its features use and the site's
 * environment. Mirrors Live_Checks and Environment_Match on the server.
 */
import type { DiagnosisCode } from '../../shared/codes';

export interface ScopeComparison {
	/** Needed and granted. */
	granted: string[];
	/** Needed and not granted. */
	missing: string[];
	/** Granted but not needed by the plugin. */
	extra: string[];
}

/**
 * @param granted  The token's scopes.
 * @param required The scopes the settings ask for (by default read:widget write:knowledge).
 */
export function compareScopes(
	granted: string[],
	required: string[]
): ScopeComparison {
	return {
		granted: required.filter( ( scope ) => granted.includes( scope ) ),
		missing: required.filter( ( scope ) => ! granted.includes( scope ) ),
		extra: granted.filter( ( scope ) => ! required.includes( scope ) ),
	};
}

/**
 * The environment claim a token for this site carries: a local site uses development credentials.
 *
 * @param siteEnvironment The settings' environment profile.
 */
export function expectedEnvironment( siteEnvironment: string ): string {
	return siteEnvironment === 'local' ? 'development' : siteEnvironment;
}

/**
 * The diagnoses of a token that doesn't fit the site. A token without an environment claim is not judged,
 * as on the server.
 *
 * @param scopes          The scope comparison.
 * @param claim           The token's environment claim.
 * @param siteEnvironment The settings' environment profile.
 */
export function requirementFindings(
	scopes: ScopeComparison,
	claim: unknown,
	siteEnvironment: string
): DiagnosisCode[] {
	const findings: DiagnosisCode[] = [];
	if ( scopes.missing.length > 0 ) {
		findings.push( 'insufficient_scope' );
	}
	if (
		typeof claim === 'string' &&
		claim !== expectedEnvironment( siteEnvironment )
	) {
		findings.push( 'environment_mismatch' );
	}
	return findings;
}
