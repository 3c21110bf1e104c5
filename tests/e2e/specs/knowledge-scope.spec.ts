/**
 * Cause 5 met in real use: the app loses the write:knowledge scope at Causerie. The sync pauses instead of
 * failing post after post, the Knowledge tab names the missing permission, the wizard gets the connection back
 * to green, and the sync resumes by itself: the edit made meanwhile reaches the knowledge base.
 */
import { CLIENT, control, heal, recordTally, rest, Tally } from '../connection';
import { expect, logIn, restNonce, SCREEN_PATH, test } from '../fixtures';
import { heldOf, publishPage, queueRun } from '../knowledge';

test.describe( 'The knowledge sync without write:knowledge', () => {
	test( 'pauses, names the permission, and resumes by itself once the wizard is done', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	}, info ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'DELETE', '/counters' );
		const nonce = await restNonce( page.request );
		const postId = await publishPage(
			page,
			'Prices',
			'A coffee is 3 euros.'
		);
		await queueRun( page );
		expect( await heldOf( sandboxURL, postId ) ).toEqual( {
			writes: 1,
			deletes: 0,
		} );

		// At Causerie, the app keeps only read:widget (as `npm run sandbox:break -- scope` does), and the token
		// in hand expires: the next one lacks write:knowledge.
		const state = await control( sandboxURL, 'GET', '/state' );
		const seeded =
			( state.clients as Array< { id: string; scopes: string[] } > ).find(
				( client ) => client.id === CLIENT.id
			)?.scopes ?? [];
		expect( seeded ).toContain( 'write:knowledge' );
		await control( sandboxURL, 'PATCH', `/clients/${ CLIENT.id }`, {
			scopes: [ 'read:widget' ],
		} );
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/expire` );

		// An edit waits, and the run that tries to send it pauses the sync.
		const edited = await page.request.post(
			`/wp-json/wp/v2/pages/${ postId }`,
			{
				headers: { 'X-WP-Nonce': nonce },
				data: {
					content:
						'<!-- wp:paragraph --><p>A coffee is 3.50 euros.</p><!-- /wp:paragraph -->',
				},
			}
		);
		expect( edited.ok() ).toBe( true );
		await queueRun( page );
		const paused = await rest( page, 'GET', '/causerie/v1/sync' );
		expect( ( paused.body.pause as { code: string } | null )?.code ).toBe(
			'insufficient_scope'
		);
		expect( await heldOf( sandboxURL, postId ) ).toEqual( {
			writes: 1,
			deletes: 0,
		} );

		// The screen opens the wizard by itself for a missing scope; the owner first looks at the Knowledge tab.
		await page.goto( `${ SCREEN_PATH }#knowledge` );
		const dialog = page.getByRole( 'dialog', {
			name: 'Fix the connection',
		} );
		await expect( dialog ).toBeVisible();
		await dialog.getByRole( 'button', { name: 'Close' } ).first().click();
		const notice = page.locator(
			'.causerie-knowledge > .components-notice.is-warning'
		);
		await expect( notice ).toContainText( 'write:knowledge' );
		await expect( notice ).toContainText( 'paused' );

		const tally = new Tally( page );
		await tally.click( notice.getByRole( 'button', { name: 'Fix this' } ) );
		await expect(
			dialog.getByRole( 'heading', {
				name: 'Step 1 of 4: What happened',
			} )
		).toBeVisible();
		await tally.click(
			dialog.getByRole( 'button', { name: 'Next: fix it' } )
		);
		await expect(
			dialog.locator( 'code', { hasText: 'write:knowledge' } )
		).toBeVisible();
		// The owner grants the scope again in the Causerie dashboard.
		await control( sandboxURL, 'PATCH', `/clients/${ CLIENT.id }`, {
			scopes: seeded,
		} );
		await tally.click(
			dialog.getByRole( 'button', {
				name: 'I granted them: get a new token',
			} )
		);
		await expect(
			dialog.getByRole( 'heading', { name: 'Step 4 of 4: Done' } )
		).toBeVisible( { timeout: 30_000 } );
		await expect( dialog ).toContainText( 'All checks pass' );
		await dialog.getByRole( 'button', { name: 'Finish' } ).click();

		// Nobody resumes the sync: the checks that proved the scope back lifted the pause.
		const resumed = await rest( page, 'GET', '/causerie/v1/sync' );
		expect( resumed.body.pause ).toBeNull();
		await expect( notice ).toHaveCount( 0 );
		await queueRun( page );
		expect( await heldOf( sandboxURL, postId ) ).toEqual( {
			writes: 2,
			deletes: 0,
		} );

		recordTally(
			info,
			'write:knowledge lost (sync paused)',
			tally,
			'≤ 3 clicks'
		);
		expect( tally.clicks ).toBeLessThanOrEqual( 3 );
		expect( tally.pastes ).toBe( 0 );
	} );
} );
