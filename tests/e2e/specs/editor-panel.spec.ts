/**
 * The block editor's knowledge panel: an editor sees where a page stands in the chatbot's knowledge, and leaves
 * it out with the switch; the next queue run removes it from the knowledge base, and the panel says so.
 */
import type { Page } from '@playwright/test';

import { control, heal, rest } from '../connection';
import { expect, logIn, restNonce, test } from '../fixtures';

/**
 * One WP-Cron run, as the next visit to the site starts it.
 *
 * @param page A page of the site.
 */
async function cronRun( page: Page ): Promise< void > {
	const response = await page.request.get(
		`/wp-cron.php?doing_wp_cron=${ Date.now() / 1000 }`
	);
	expect( response.ok() ).toBe( true );
}

/**
 * Whether the knowledge base holds a post's document: written since the counters were cleared, and not deleted.
 *
 * @param sandboxURL The sandbox.
 * @param postId     The post.
 */
async function held( sandboxURL: string, postId: number ): Promise< boolean > {
	const counters = await control( sandboxURL, 'GET', '/counters' );
	const writes = ( counters.knowledgeWrites ?? {} ) as Record<
		string,
		Record< string, number >
	>;
	const deletes = ( counters.knowledgeDeletes ?? {} ) as Record<
		string,
		Record< string, number >
	>;
	const id = ( map: Record< string, Record< string, number > > ) =>
		Object.values( map ).some( ( perClient ) =>
			Object.keys( perClient ).some( ( key ) =>
				key.endsWith( `:post-${ postId }` )
			)
		);
	return id( writes ) && ! id( deletes );
}

test.describe( 'The editor’s knowledge panel', () => {
	test( 'shows the page in the chatbot’s knowledge, and the switch leaves it out', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'DELETE', '/counters' );
		const nonce = await restNonce( page.request );
		const created = await page.request.post( '/wp-json/wp/v2/pages', {
			headers: { 'X-WP-Nonce': nonce },
			data: {
				title: 'Delivery times',
				content:
					'<!-- wp:paragraph --><p>We deliver within two days.</p><!-- /wp:paragraph -->',
				status: 'publish',
			},
		} );
		expect( created.ok() ).toBe( true );
		const postId = ( ( await created.json() ) as { id: number } ).id;
		await cronRun( page );
		await expect.poll( () => held( sandboxURL, postId ) ).toBe( true );

		await page.goto( `/wp-admin/post.php?post=${ postId }&action=edit` );
		await page.evaluate( () => {
			const wp = ( window as unknown as { wp: any } ).wp;
			wp.data
				.dispatch( 'core/preferences' )
				.set( 'core/edit-post', 'welcomeGuide', false );
		} );
		// The panel sits closed at the bottom of the document sidebar until the editor opens it.
		const toggle = page.getByRole( 'button', {
			name: 'Chatbot knowledge',
		} );
		await toggle.click();
		await expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		const panel = page.locator( '.causerie-knowledge-state' );
		await expect( panel ).toContainText(
			'In the chatbot’s knowledge since'
		);

		await page
			.getByRole( 'checkbox', {
				name: 'Leave out of the chatbot’s knowledge',
			} )
			.check();
		await expect( panel ).toContainText(
			'Left out: it will be removed from the chatbot’s knowledge.'
		);
		await page
			.getByRole( 'region', { name: 'Editor top bar' } )
			.getByRole( 'button', { name: 'Save', exact: true } )
			.click();
		await expect(
			page.getByRole( 'button', { name: 'Dismiss this notice' } ).first()
		).toBeVisible();

		await cronRun( page );
		await expect.poll( () => held( sandboxURL, postId ) ).toBe( false );
		const meta = await rest(
			page,
			'GET',
			`/wp/v2/pages/${ postId }?context=edit`
		);
		expect(
			( meta.body.causerie_knowledge as { state: string } ).state
		).toBe( 'absent' );
		await page.reload();
		await expect( panel ).toHaveText(
			'Left out of the chatbot’s knowledge.'
		);
	} );
} );
