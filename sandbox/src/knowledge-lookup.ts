import { isSourceId } from './knowledge-documents';
import { MAX_LOOKUP_IDS } from './knowledge-limits';

/** The listing's query string; Fastify makes a repeated parameter an array, as `source_id` is meant to be. */
export interface ListingQuery {
	cursor?: string;
	limit?: string;
	source_id?: string | string[];
}

export type Lookup =
	{ ok: true; sourceIds: string[] } | { ok: false; description: string };

/** How long a refused value may be echoed in a description. */
const ECHO_LENGTH = 60;

/**
 * Checks a lookup by source ids (`?source_id=a&source_id=b`). A lookup is one answer, not a page, so the
 * listing's paging parameters are refused with it rather than ignored.
 */
export function parseLookup( query: ListingQuery ): Lookup {
	const paging = ( [ 'cursor', 'limit' ] as const ).find(
		( name ) => query[ name ] !== undefined
	);
	if ( paging !== undefined ) {
		return {
			ok: false,
			description: `source_id cannot be combined with ${ paging }: a lookup is not paged`,
		};
	}
	const sourceIds = [ query.source_id ?? [] ].flat();
	if ( sourceIds.length > MAX_LOOKUP_IDS ) {
		return {
			ok: false,
			description: `At most ${ MAX_LOOKUP_IDS } source_id values; ${ sourceIds.length } were sent`,
		};
	}
	const bad = sourceIds.findIndex( ( id ) => ! isSourceId( id ) );
	if ( bad !== -1 ) {
		const echo = JSON.stringify(
			String( sourceIds[ bad ] ).slice( 0, ECHO_LENGTH )
		);
		return {
			ok: false,
			description: `source_id ${ bad + 1 } (${ echo }) is not a source id: 1 to 200 of [A-Za-z0-9._:~-], starting with a letter or digit`,
		};
	}
	return { ok: true, sourceIds };
}
