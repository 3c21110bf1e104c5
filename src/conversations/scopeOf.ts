import { CONVERSATIONS_SCOPE } from '../shared/scopes';
import type { RestError } from '../shared/types';

/**
 * The scope a causerie_missing_scope refusal names in its data; the conversations scope, the one these
 * reads need, when it names none.
 *
 * @param error The refusal.
 */
export function scopeOf( error: RestError ): string {
	const scope: unknown = ( error.data as { scope?: unknown } | undefined )
		?.scope;
	return typeof scope === 'string' && scope !== ''
		? scope
		: CONVERSATIONS_SCOPE;
}
