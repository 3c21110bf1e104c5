/** Keyset paging for the conversation and lead listings: a cursor names the last item seen, never a position. */

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export type Parsed< T > =
	{ ok: true; value: T } | { ok: false; description: string };

export function parseLimit( value: string | undefined ): Parsed< number > {
	let size = DEFAULT_PAGE;
	if ( value !== undefined ) {
		size = /^\d{1,3}$/.test( value ) ? Number( value ) : 0;
	}
	return size >= 1 && size <= MAX_PAGE
		? { ok: true, value: size }
		: {
				ok: false,
				description: `limit must be an integer from 1 to ${ MAX_PAGE }`,
			};
}

/** `kind` keeps a conversations cursor from being taken for a leads one. */
export function cursorOf( kind: 'c' | 'l', seq: number ): string {
	return Buffer.from( `${ kind }:${ seq }`, 'utf8' ).toString( 'base64url' );
}

export function parseCursor(
	kind: 'c' | 'l',
	value: string | undefined
): Parsed< number | undefined > {
	if ( value === undefined ) {
		return { ok: true, value: undefined };
	}
	const match = new RegExp( `^${ kind }:(\\d{1,15})$` ).exec(
		Buffer.from( value, 'base64url' ).toString( 'utf8' )
	);
	return match?.[ 1 ]
		? { ok: true, value: Number( match[ 1 ] ) }
		: { ok: false, description: 'cursor is not one this API gave' };
}

/** A listing's `limit` and `cursor`, or why one of them is refused (the limit's reason first). */
export function parsePage(
	kind: 'c' | 'l',
	query: { limit?: string; cursor?: string }
): Parsed< { limit: number; cursor: number | undefined } > {
	const limit = parseLimit( query.limit );
	if ( ! limit.ok ) {
		return limit;
	}
	const cursor = parseCursor( kind, query.cursor );
	return cursor.ok
		? { ok: true, value: { limit: limit.value, cursor: cursor.value } }
		: cursor;
}

/**
 * A listing's `since`: an RFC 3339 date-time with its offset (`2026-12-01T00:00:00Z`), as milliseconds; absent
 * when not sent.
 */
export function parseSince(
	value: string | undefined
): Parsed< number | undefined > {
	if ( value === undefined ) {
		return { ok: true, value: undefined };
	}
	const ms =
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i.test(
			value
		)
			? Date.parse( value )
			: NaN;
	return Number.isNaN( ms )
		? {
				ok: false,
				description: 'since must be an RFC 3339 date-time',
			}
		: { ok: true, value: ms };
}
