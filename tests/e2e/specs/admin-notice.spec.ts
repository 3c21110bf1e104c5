/**
 * The admin notice of a broken connection: administrators see it on every admin screen with the cause
 * and a link to the fix, editors never do, it can be dismissed, and it goes once the connection is fixed.
 */

import {
	CLIENT,
	control,
	heal,
	recordTally,
	rest,
	Tally,
	titleOf,
} from '../connection';
import { runCron } from '../cron';
import { expect, logIn, test } from '../fixtures';

const NOTICE = '#causerie-connection-notice';

test.describe( 'The admin notice', () => {
	test( 'shows administrators the cause on other screens, never editors, and goes once fixed', async ( {
		page,
		context,
		browser,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );

		// Broken beyond self-repair: the secret was regenerated at Causerie and the tokens revoked. The checks
		// (the daily cron job, or anyone's visit to the screen) record it.
		const { secret } = await control(
			sandboxURL,
			'POST',
			`/clients/${ CLIENT.id }/secret`,
			{}
		);
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );
		await rest( page, 'POST', '/causerie/v1/checks' );
		const title = await titleOf( page, 'invalid_client' );

		for ( const screen of [ '/wp-admin/', '/wp-admin/edit.php' ] ) {
			await page.goto( screen );
			await expect( page.locator( NOTICE ) ).toContainText( title );
		}
		const editorContext = await browser.newContext( { baseURL: baseURL! } );
		await logIn( editorContext, baseURL!, 'editor' );
		const editorPage = await editorContext.newPage();
		await editorPage.goto( '/wp-admin/' );
		await expect( editorPage.locator( '#wpbody-content' ) ).toBeVisible();
		await expect( editorPage.locator( NOTICE ) ).toHaveCount( 0 );

		// The link opens the fix wizard on the plugin's screen, where the notice itself is not repeated.
		await page.goto( '/wp-admin/' );
		await page
			.locator( NOTICE )
			.getByRole( 'link', { name: 'Fix it' } )
			.click();
		await expect( page ).toHaveURL( /page=causerie-connector#fix$/ );
		await expect(
			page.getByRole( 'dialog', { name: 'Fix the connection' } )
		).toBeVisible();
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );

		// Fixed with the new secret: gone for everyone.
		const saved = await rest( page, 'POST', '/causerie/v1/settings', {
			clientSecret: secret,
		} );
		expect( saved.status ).toBe( 200 );
		await rest( page, 'POST', '/causerie/v1/checks' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );
		await editorContext.close();
	} );

	test( 'a break found by the daily check or by a failing sync call shows on the first dashboard load, and goes with the fix, without opening the screen', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	}, info ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		const tally = new Tally( page );

		// The secret regenerated at Causerie; the daily health check, run by cron, finds it.
		const { secret } = await control(
			sandboxURL,
			'POST',
			`/clients/${ CLIENT.id }/secret`,
			{}
		);
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );
		runCron( baseURL!, 'causerie_connector_health_check' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText(
			await titleOf( page, 'invalid_client' )
		);

		// The new secret saved (proven on the API as it is saved): the next dashboard load is clear.
		const saved = await rest( page, 'POST', '/causerie/v1/settings', {
			clientSecret: secret,
		} );
		expect( saved.status ).toBe( 200 );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );

		// The credentials refused again, met this time by the knowledge sync's call to the API.
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/secret`, {
			secret: 'regenerated-again',
		} );
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );
		runCron( baseURL!, 'causerie_connector_sync_reconcile' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText(
			await titleOf( page, 'invalid_client' )
		);

		// Causerie takes back the secret the site holds; the sync's next call succeeds and ends the break.
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/secret`, {
			secret,
		} );
		runCron( baseURL!, 'causerie_connector_sync_reconcile' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );

		recordTally(
			info,
			'notice without the screen',
			tally,
			'0 clicks',
			'yes'
		);
		expect( tally.clicks ).toBe( 0 );
		expect( tally.pastes ).toBe( 0 );
	} );

	test( 'stays dismissed until the problem changes', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		// A scope withdrawn at Causerie, and the tokens revoked: a new token can't carry the scope.
		await control( sandboxURL, 'PATCH', `/clients/${ CLIENT.id }`, {
			scopes: [ 'read:widget' ],
		} );
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );
		await rest( page, 'POST', '/causerie/v1/checks' );

		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText(
			await titleOf( page, 'invalid_scope' )
		);
		await page
			.locator( NOTICE )
			.getByRole( 'button', { name: /Dismiss/ } )
			.click();
		await expect( page.locator( NOTICE ) ).toBeHidden();
		await page.reload();
		await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
		await expect( page.locator( NOTICE ) ).toHaveCount( 0 );

		// Another cause is another problem: the notice comes back.
		await control(
			sandboxURL,
			'POST',
			`/clients/${ CLIENT.id }/secret`,
			{}
		);
		await rest( page, 'POST', '/causerie/v1/checks' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText(
			await titleOf( page, 'invalid_client' )
		);
	} );
} );
