/**
 * What the knowledge sync's specs share: a queue run, and what the sandbox holds of a post.
 */
import { expect, type Page } from '@playwright/test';

import { control, rest } from './connection';
import { restNonce } from './fixtures';

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

/**
 * Runs the queue until the sandbox holds what is expected of a post, exactly. Publishing, saving and trashing
 * also ask WP-Cron for a run, which the site may start in the same second as the spec's own run: that run then
 * holds the post's row (a claim is a lease), the spec's run finds nothing to send, and counters read after it
 * miss the write WP-Cron is still sending. So the counters are read again after each run, not after the first.
 *
 * @param page       A page logged in as an administrator.
 * @param sandboxURL The sandbox.
 * @param postId     The post.
 * @param expected   The writes and deletes the sandbox must have counted.
 */
export async function expectHeld(
	page: Page,
	sandboxURL: string,
	postId: number,
	expected: Held
): Promise< void > {
	await expect
		.poll( async () => {
			await queueRun( page );
			return heldOf( sandboxURL, postId );
		} )
		.toEqual( expected );
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

/**
 * The block editor's canvas: an iframe in recent WordPress, the page itself in some setups.
 *
 * @param page The editor's page.
 */
export async function canvasOf( page: Page ) {
	await expect(
		page.locator( '.edit-post-layout, .editor-editor-interface' ).first()
	).toBeVisible();
	return ( await page.locator( 'iframe[name="editor-canvas"]' ).count() ) > 0
		? page.frameLocator( 'iframe[name="editor-canvas"]' )
		: page;
}

/**
 * Opens the editor as an author who has already closed its welcome guide and its starter patterns (the
 * editor keeps both choices in the user's persisted preferences).
 *
 * @param page The page.
 * @param url  The editor's address.
 */
export async function openEditor( page: Page, url: string ) {
	const saved = await page.request.post( '/wp-json/wp/v2/users/me', {
		headers: { 'X-WP-Nonce': await restNonce( page.request ) },
		data: {
			meta: {
				persisted_preferences: {
					core: { enableChoosePatternModal: false },
					'core/edit-post': { welcomeGuide: false },
					_modified: new Date().toISOString(),
				},
			},
		},
	} );
	expect( saved.ok() ).toBe( true );
	await page.goto( url );
	return canvasOf( page );
}

/**
 * Publishes a page through the REST API, as a setup step before the flow under test.
 *
 * @param page    A page logged in as an administrator.
 * @param title   The page's title.
 * @param content Its one paragraph.
 * @return The page's id.
 */
export async function publishPage(
	page: Page,
	title: string,
	content: string
): Promise< number > {
	const created = await page.request.post( '/wp-json/wp/v2/pages', {
		headers: { 'X-WP-Nonce': await restNonce( page.request ) },
		data: {
			title,
			content: `<!-- wp:paragraph --><p>${ content }</p><!-- /wp:paragraph -->`,
			status: 'publish',
		},
	} );
	expect( created.ok() ).toBe( true );
	return ( ( await created.json() ) as { id: number } ).id;
}
