/**
 * What the first run asks for once more after Causerie refused a permission (invalid_scope, RFC 6749 §5.2).
 */
import {
	FIRST_RUN_SCOPES,
	REQUIRED_SCOPES,
	type ScopeId,
} from '../shared/scopes';

/**
 * The scopes to ask for on the one retry: every first-run scope but those the server named as refused, so a
 * client allowed only the widget connects with the widget. A server that names none (the RFC asks it to name
 * none) gets what the plugin can't work without; null when nothing is left to ask for.
 *
 * @param evidence The invalid_scope diagnosis's evidence; `refused` lists the scopes the server named.
 */
export function scopesAfterRefusal(
	evidence: Record< string, unknown >
): readonly ScopeId[] | null {
	const refused = Array.isArray( evidence.refused )
		? evidence.refused.filter(
				( scope ): scope is string => typeof scope === 'string'
			)
		: [];
	if ( refused.length === 0 ) {
		return REQUIRED_SCOPES;
	}
	const left = FIRST_RUN_SCOPES.filter(
		( scope ) => ! refused.includes( scope )
	);
	return left.length > 0 ? left : null;
}
