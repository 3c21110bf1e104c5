/**
 * The knowledge sync as a site owner meets it: a page published in the block editor reaches the chatbot's
 * knowledge within one queue run and shows on the Knowledge tab; its edit follows; trashing it removes it.
 * A full sync started from the tab runs to the end with its progress bar.
 */
import { control, heal } from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { canvasOf, expectHeld, openEditor } from '../knowledge';

test.describe( 'The knowledge sync', () => {
	test( 'a published page reaches the chatbot’s knowledge, its edit follows, and trashing removes it', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'DELETE', '/counters' );

		const canvas = await openEditor(
			page,
			'/wp-admin/post-new.php?post_type=page'
		);
		const title = canvas.getByRole( 'textbox', { name: 'Add title' } );
		await title.fill( 'Opening hours' );
		await title.press( 'Enter' );
		await page.keyboard.type( 'We open at nine on weekdays.' );
		const topBar = page.getByRole( 'region', { name: 'Editor top bar' } );
		await topBar
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await page
			.getByRole( 'region', { name: 'Editor publish' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await expect( page ).toHaveURL( /post=(\d+)/ );
		const postId = Number( /post=(\d+)/.exec( page.url() )?.[ 1 ] );

		await expectHeld( page, sandboxURL, postId, {
			writes: 1,
			deletes: 0,
		} );
		// The pages list says so in its Chatbot column, and the Knowledge tab counts it.
		await page.goto( '/wp-admin/edit.php?post_type=page' );
		await expect(
			page.locator( `#post-${ postId } td.column-causerie_knowledge` )
		).toContainText( 'In the knowledge base' );
		await page.goto( SCREEN_PATH );
		await page.getByRole( 'tab', { name: 'Knowledge' } ).click();
		await expect(
			page.locator( '.causerie-knowledge-count' )
		).toContainText(
			/^[1-9]\d* of \d+ pages are in the chatbot's knowledge\. Last sent/
		);

		// An edit: one more write of the same document, never a second document.
		await openEditor(
			page,
			`/wp-admin/post.php?post=${ postId }&action=edit`
		);
		const paragraph = ( await canvasOf( page ) ).getByText(
			'We open at nine on weekdays.'
		);
		await paragraph.click();
		await page.keyboard.press( 'End' );
		await page.keyboard.type( ' Closed on Sundays.' );
		await page
			.getByRole( 'region', { name: 'Editor top bar' } )
			.getByRole( 'button', { name: 'Save', exact: true } )
			.click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.filter( { hasText: 'Page updated' } )
		).toBeVisible();
		await expectHeld( page, sandboxURL, postId, {
			writes: 2,
			deletes: 0,
		} );

		// Trashed from the editor: gone from the knowledge base. The editor always asks first (6.8 and 7.1 alike),
		// so the spec waits for its question rather than glancing once, which could miss it and trash nothing.
		await page.getByRole( 'tab', { name: 'Page' } ).click();
		await page.getByRole( 'button', { name: 'Move to trash' } ).click();
		const confirm = page.getByRole( 'dialog' );
		await expect( confirm ).toContainText( 'Are you sure' );
		await confirm.getByRole( 'button', { name: 'Move to trash' } ).click();
		// Where the editor sends the author: the pages list, which says the page went to the trash (WordPress then
		// strips trashed=1 from the address, so the address alone is the wrong thing to wait on).
		await expect( page.locator( '#message' ) ).toContainText(
			'moved to the Trash'
		);
		await expectHeld( page, sandboxURL, postId, {
			writes: 2,
			deletes: 1,
		} );
	} );

	test( 'a full sync started from the Knowledge tab runs to the end', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await page.goto( SCREEN_PATH );
		await page.getByRole( 'tab', { name: 'Knowledge' } ).click();
		const count = page.locator( '.causerie-knowledge-count' );
		await expect( count ).toBeVisible();
		const eligible = Number(
			/of (\d+) pages/.exec( ( await count.textContent() ) ?? '' )?.[ 1 ]
		);
		expect( eligible ).toBeGreaterThan( 0 );

		// Each batch takes three seconds at the API, so the bar is seen moving on a small site too.
		await control( sandboxURL, 'PUT', '/latency', {
			ms: 3000,
			endpoint: 'api',
		} );
		await page
			.getByRole( 'button', { name: 'Send all content now' } )
			.click();
		const full = page.locator( '.causerie-knowledge-full' );
		await expect( full ).toContainText(
			/Sending all content: \d+ of \d+, 0 failed/
		);
		await expect(
			full.getByRole( 'progressbar', { name: 'Full sync' } )
		).toBeAttached();
		// The tab sends the queue itself while it is open, so the bar moves without waiting for WP-Cron.
		await expect( count ).toContainText(
			`${ eligible } of ${ eligible } pages`,
			{ timeout: 60_000 }
		);
		await expect(
			page.getByRole( 'button', { name: 'Send all content now' } )
		).toBeVisible();
		await control( sandboxURL, 'DELETE', '/faults' );
		const documents = await control( sandboxURL, 'GET', '/knowledge' );
		expect(
			Object.values( documents.documents as Record< string, number > )
		).toContain( eligible );
	} );
} );
