/**
 * What the knowledge sync's specs share: a queue run, and what the sandbox holds of a post.
 */
import { expect, type Page } from '@playwright/test';

import { control, rest } from './connection';

/**
 * One queue run, through the route the Knowledge tab calls: the same runner WP-Cron starts, without waiting
 * for a visit to spawn WP-Cron (the built-in PHP server drops WP-Cron's non-blocking loopback requests).
 *
 * @param page A page logged in as an administrator.
 */
export async function queueRun( page: Page ): Promise< void > {
	const run = await rest( page, 'POST', '/causerie/v1/sync/run' );
	expect( run.status, JSON.stringify( run.body ) ).toBe( 200 );
}

/** What the sandbox did with one post's document since its counters were cleared. */
export interface Held {
	writes: number;
	deletes: number;
}

/**
 * The sandbox's writes and deletes of a post's document, from its counters.
 *
 * @param sandboxURL The sandbox.
 * @param postId     The post.
 */
export async function heldOf(
	sandboxURL: string,
	postId: number
): Promise< Held > {
	const counters = await control( sandboxURL, 'GET', '/counters' );
	const count = ( name: 'knowledgeWrites' | 'knowledgeDeletes' ) =>
		Object.values(
			( counters[ name ] ?? {} ) as Record<
				string,
				Record< string, number >
			>
		)
			.flatMap( ( perClient ) => Object.entries( perClient ) )
			.filter( ( [ id ] ) => id.endsWith( `:post-${ postId }` ) )
			.reduce( ( sum, [ , n ] ) => sum + n, 0 );
	return {
		writes: count( 'knowledgeWrites' ),
		deletes: count( 'knowledgeDeletes' ),
	};
}
