/**
 * The block editor's knowledge panel: an editor sees where a page stands in the chatbot's knowledge, and leaves
 * it out with the switch; the next queue run removes it from the knowledge base, and the panel says so.
 */
import { control, heal, rest } from '../connection';
import { expect, logIn, test } from '../fixtures';
import { heldOf, openEditor, publishPage, queueRun } from '../knowledge';

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
		const postId = await publishPage(
			page,
			'Delivery times',
			'We deliver within two days.'
		);
		await queueRun( page );
		expect( await heldOf( sandboxURL, postId ) ).toEqual( {
			writes: 1,
			deletes: 0,
		} );

		await openEditor(
			page,
			`/wp-admin/post.php?post=${ postId }&action=edit`
		);
		// The panel sits closed at the bottom of the document sidebar until the editor opens it.
		const toggle = page.getByRole( 'button', {
			name: 'Chatbot knowledge',
		} );
		await toggle.click();
		await expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		const panel = page.locator( '.causerie-knowledge-state' );
		await expect( panel ).toContainText(
			'In the chatbot’s knowledge (last sent'
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

		await queueRun( page );
		expect( await heldOf( sandboxURL, postId ) ).toEqual( {
			writes: 1,
			deletes: 1,
		} );
		const state = await rest(
			page,
			'GET',
			`/wp/v2/pages/${ postId }?context=edit`
		);
		expect(
			( state.body.causerie_knowledge as { state: string } ).state
		).toBe( 'absent' );
		await page.reload();
		// The editor remembers the panel open, or not, from one visit to the next.
		await expect( toggle ).toBeVisible();
		if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await toggle.click();
		}
		await expect( panel ).toHaveText(
			'Left out of the chatbot’s knowledge.'
		);
	} );
} );
