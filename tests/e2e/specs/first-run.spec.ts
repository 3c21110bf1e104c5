/**
 * The guided first run on a fresh site: from nothing configured to the chatbot live on the front page, with
 * the clicks and pastes counted, axe on every step and a screenshot of each. A site configured outside the
 * screen (the E2E sites are, by bin/wp/connect-sandbox.php, as `wp causerie credentials set` would) never
 * sees it.
 */
import type { Page } from '@playwright/test';

import {
	CLIENT,
	expectAccessible,
	heal,
	recordTally,
	rest,
	shot,
	Tally,
} from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { expectStep, freshSetup, keepSite } from '../first-run';

/** The bound for a fresh site. */
const MOST_CLICKS = 5;
const MOST_PASTES = 3;

/**
 * The chat bubble, inside the widget's shadow root.
 *
 * @param page A page of the site.
 */
const bubbleOf = ( page: Page ) =>
	page.locator( '#causerie-widget' ).getByRole( 'button', { name: 'Chat' } );

test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

test.describe( 'The guided first run', () => {
	test( 'a site configured outside the screen opens on the full screen, never on the first run', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );

		await page.goto( SCREEN_PATH );

		await expect(
			page.getByRole( 'tab', { name: 'Credentials' } )
		).toBeVisible();
		await expect(
			page.getByRole( 'heading', { name: 'Set up your chatbot' } )
		).toHaveCount( 0 );
		expect(
			( await rest( page, 'GET', '/causerie/v1/setup' ) ).body
		).toEqual( { needed: false } );
	} );

	test( 'takes a fresh site to the chatbot live on the front page in at most 5 clicks and 3 pastes', async ( {
		page,
		context,
		browser,
		baseURL,
		sandboxURL,
		wordpressVersion,
	}, info ) => {
		test.setTimeout( 120_000 );
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		const restore = await keepSite( page, sandboxURL );
		freshSetup( baseURL! );
		const tally = new Tally( page );
		const step = async ( name: string ) => {
			await expectAccessible( page, `first run: ${ name }` );
			await shot( page, 'first-run', wordpressVersion, name, 'setup' );
		};

		try {
			await page.goto( SCREEN_PATH );
			await expect(
				page.getByRole( 'heading', { name: 'Set up your chatbot' } )
			).toBeVisible();
			await expect(
				page.getByRole( 'heading', {
					name: 'Where to find your credentials',
				} )
			).toBeVisible();
			await expect( page.getByRole( 'status' ).first() ).toHaveText(
				'Step 1 of 5: Where to find your credentials'
			);
			await step( '1-address' );

			// 1. The address: WordPress finds the server and its page about credentials.
			await tally.paste(
				page.getByRole( 'textbox', { name: 'API address' } ),
				sandboxURL
			);
			const where = page.getByRole( 'link', {
				name: /Get your Client ID and secret/,
			} );
			await expect( where ).toHaveAttribute(
				'href',
				`${ sandboxURL }/docs/credentials`
			);
			await step( '1-address-found' );
			await tally.click(
				page.getByRole( 'button', { name: 'Continue' } )
			);

			// 2. The Client ID and secret: saving verifies them.
			await expectStep( page, 'Paste your Client ID and secret' );
			await step( '2-credentials' );
			await tally.paste(
				page.getByRole( 'textbox', { name: 'Client ID' } ),
				CLIENT.id
			);
			await tally.paste(
				page.getByLabel( 'Client secret' ),
				CLIENT.secret
			);
			await tally.click(
				page.getByRole( 'button', { name: 'Connect' } )
			);

			// 3. The content, with counts.
			await expectStep( page, 'Choose what the chatbot learns from' );
			await expect(
				page.getByRole( 'checkbox', {
					name: /^Pages \(\d+ published\)$/,
				} )
			).toBeChecked();
			await step( '3-content' );
			await tally.click(
				page.getByRole( 'button', {
					name: /^Send \d+ items? to the chatbot$/,
				} )
			);

			// 4. The chatbot, with its preview.
			await expectStep( page, 'Turn the chatbot on' );
			await expect(
				page.getByRole( 'figure', { name: 'Preview' } )
			).toBeVisible();
			await step( '4-chatbot' );
			await tally.click(
				page.getByRole( 'button', { name: 'Turn the chatbot on' } )
			);

			// 5. Done.
			await expectStep( page, 'Your chatbot is ready' );
			await step( '5-done' );
			await tally.click(
				page.getByRole( 'link', { name: 'View your site' } )
			);

			await expect( bubbleOf( page ) ).toBeVisible( { timeout: 20_000 } );
			const visitor = await browser.newPage( { baseURL: baseURL! } );
			await visitor.goto( '/' );
			await expect( bubbleOf( visitor ) ).toBeVisible( {
				timeout: 20_000,
			} );
			await visitor.close();
			expect(
				( await rest( page, 'GET', '/causerie/v1/setup' ) ).body
			).toEqual( { needed: false } );
			const status = await rest( page, 'GET', '/causerie/v1/status' );
			expect( status.body.state, JSON.stringify( status.body ) ).toBe(
				'connected'
			);

			process.stdout.write(
				`first run (WordPress ${ wordpressVersion }): ${ tally.clicks } clicks, ${ tally.pastes } pastes\n`
			);
			recordTally(
				info,
				'first run (fresh site → chatbot live)',
				tally,
				`≤ ${ MOST_CLICKS } clicks, ≤ ${ MOST_PASTES } pastes`
			);
			expect( tally.clicks ).toBeLessThanOrEqual( MOST_CLICKS );
			expect( tally.pastes ).toBeLessThanOrEqual( MOST_PASTES );
		} finally {
			await restore();
		}
	} );
} );
