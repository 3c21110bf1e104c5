/**
 * The screen's tabs against the real site and sandbox: credentials that fail verification change
 * nothing, the token inspector verifies in the browser and never sends a pasted token, the event log
 * filters, and the support report holds no secret. axe runs on each.
 */
import { readFile } from 'node:fs/promises';

import {
	CLIENT,
	control,
	expectAccessible,
	heal,
	openSection,
	rest,
	shot,
} from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';

test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

test.describe( 'The tabs of Settings → Causerie', () => {
	test.beforeEach( async ( { page, context, baseURL, sandboxURL } ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
	} );

	test( 'credentials the API refuses are not saved, and the form says why', async ( {
		page,
		wordpressVersion,
	} ) => {
		await page.goto( `${ SCREEN_PATH }#credentials` );
		const form = page.getByRole( 'form', { name: /credentials/ } );
		await expect( form.getByLabel( 'Client ID' ) ).toHaveValue( CLIENT.id );
		await expectAccessible( page, 'credentials tab' );

		await form.getByLabel( 'Client secret' ).fill( 'not-the-right-secret' );
		await form.getByRole( 'button', { name: 'Save' } ).click();

		const refused = await rest( page, 'GET', '/causerie/v1/diagnoses' );
		// A secret typed now never worked: mistyped, not "probably regenerated".
		const title = ( refused.body.secret_mismatch as { title: string } )
			.title;
		await expect( form ).toContainText( title );
		await shot( page, 'credentials', wordpressVersion, 'refused' );
		await expectAccessible( page, 'credentials refused' );
		// The stored secret still works: the connection stays green.
		await rest( page, 'POST', '/causerie/v1/checks' );
		const status = await rest( page, 'GET', '/causerie/v1/status' );
		expect( status.body.state ).toBe( 'connected' );
	} );

	test( 'the inspector verifies the current token in the browser', async ( {
		page,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await page.goto( SCREEN_PATH );
		await openSection( page, 'Token inspector' );
		await page
			.getByRole( 'button', { name: 'Inspect the current token' } )
			.click();

		await expect(
			page.getByText(
				'Signature: verified in this browser with the keys Causerie publishes.'
			)
		).toBeVisible();
		await expect(
			page.locator( 'tr', { hasText: 'Issuer' } ).first()
		).toContainText( sandboxURL );
		await shot( page, 'inspector', wordpressVersion, 'current' );
		await expectAccessible( page, 'token inspector, current token' );
	} );

	test( 'a pasted token is judged in the browser and never sent to the server', async ( {
		page,
		sandboxURL,
		wordpressVersion,
	} ) => {
		const minted = await control( sandboxURL, 'POST', '/tokens', {
			clientId: CLIENT.id,
			audience: 'https://someone-else.example/v1',
		} );
		const token = String( minted.access_token );
		const sent: string[] = [];
		page.on( 'request', ( request ) => {
			const payload = `${ request.url() } ${ request.postData() ?? '' }`;
			if ( payload.includes( token.split( '.' )[ 1 ] ?? token ) ) {
				sent.push( request.url() );
			}
		} );
		await page.goto( SCREEN_PATH );
		await openSection( page, 'Token inspector' );

		await page.getByLabel( 'Or paste a token' ).fill( token );
		await page
			.getByRole( 'button', { name: 'Inspect the pasted token' } )
			.click();

		const diagnoses = await rest( page, 'GET', '/causerie/v1/diagnoses' );
		const title = (
			diagnoses.body.token_audience_mismatch as { title: string }
		 ).title;
		await expect( page.getByText( title ).first() ).toBeVisible();
		await shot( page, 'inspector', wordpressVersion, 'pasted' );
		await expectAccessible( page, 'token inspector, pasted token' );
		expect( sent ).toEqual( [] );
	} );

	test( 'the event log lists what happened and filters by kind', async ( {
		page,
		wordpressVersion,
	} ) => {
		await page.goto( SCREEN_PATH );
		await openSection( page, 'Event log' );
		const table = page.getByRole( 'table', {
			name: 'Recent events, newest first',
		} );
		// heal() saved the credentials and regenerated the token.
		await expect( table ).toContainText( 'Credentials were saved' );
		await expect( table ).toContainText( 'regenerated' );

		await page.getByLabel( 'Kind of event' ).selectOption( 'settings' );

		await expect( table ).toContainText( 'Credentials were saved' );
		await expect( table ).not.toContainText( 'regenerated' );
		await shot( page, 'event-log', wordpressVersion, 'settings' );
		await expectAccessible( page, 'event log' );
	} );

	test( 'the support report can be downloaded and holds no secret or token', async ( {
		page,
		wordpressVersion,
	} ) => {
		const described = await rest( page, 'GET', '/causerie/v1/token' );
		expect( described.status ).toBe( 200 );
		const revealed = await rest(
			page,
			'GET',
			'/causerie/v1/token?reveal=true'
		);
		const token = String( revealed.body.token );
		await page.goto( SCREEN_PATH );
		await openSection( page, 'Support report' );
		await page.getByRole( 'button', { name: 'Create the report' } ).click();
		const preview = page.getByLabel( 'Report preview' );
		await expect( preview ).toHaveValue(
			/Causerie Connector support report/
		);

		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			page.getByRole( 'button', { name: 'Download' } ).click(),
		] );
		const text = await readFile( ( await download.path() )!, 'utf8' );

		expect( text ).toContain( 'Causerie Connector support report' );
		for ( const secret of [ CLIENT.secret, token ] ) {
			expect( text ).not.toContain( secret );
			expect( await preview.inputValue() ).not.toContain( secret );
		}
		await shot( page, 'support-report', wordpressVersion, 'preview' );
		await expectAccessible( page, 'support report' );
	} );

	test( 'every tab passes axe', async ( { page } ) => {
		await page.goto( SCREEN_PATH );
		await expect(
			page.getByRole( 'button', { name: 'Check again' } )
		).toBeVisible( { timeout: 30_000 } );
		const tabs = page.getByRole( 'tab' );
		expect( await tabs.count() ).toBeGreaterThanOrEqual( 7 );
		// Troubleshooting, the last tab, adds its sections' tabs after it: they are walked too.
		for ( let index = 0; index < ( await tabs.count() ); index++ ) {
			const tab = tabs.nth( index );
			await tab.click();
			await expect( tab ).toHaveAttribute( 'aria-selected', 'true' );
			await expectAccessible( page, `tab ${ await tab.innerText() }` );
		}
	} );
} );
