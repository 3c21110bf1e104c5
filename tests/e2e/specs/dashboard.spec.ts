/**
 * Where the site owner meets Causerie outside its screen: the dashboard widget (the connection, the week's
 * conversations and leads, the knowledge), and Settings → Connectors on the WordPress versions that have it.
 */
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { request as playwrightRequest, type Page } from '@playwright/test';

import { CLIENT, control, heal, SCREENSHOTS } from '../connection';
import { runCron } from '../cron';
import { expect, logIn, test } from '../fixtures';

const WIDGET = '#causerie_connector_dashboard';
const SCREEN = /options-general\.php\?page=causerie-connector/;

/**
 * A visitor chats with the site's bot and leaves an email, through the chat service as the widget would.
 *
 * @param baseURL    The site, whose origin the bot accepts.
 * @param sandboxURL Its sandbox API.
 */
async function visitorLeavesALead(
	baseURL: string,
	sandboxURL: string
): Promise< void > {
	const { access_token: token } = await control(
		sandboxURL,
		'POST',
		'/tokens',
		{ clientId: CLIENT.id }
	);
	const origin = new URL( baseURL ).origin;
	const api = await playwrightRequest.newContext( {
		baseURL: sandboxURL,
		extraHTTPHeaders: { Authorization: `Bearer ${ String( token ) }` },
	} );
	try {
		expect(
			(
				await api.put(
					`/v1/widget/origins/${ encodeURIComponent( origin ) }`
				)
			).ok()
		).toBe( true );
		const bot = ( await ( await api.get( '/v1/widget' ) ).json() ) as {
			bot_id: string;
			chat_url: string;
		};
		// The visitor's browser sends no token, only its origin.
		const browser = await playwrightRequest.newContext();
		const said = await browser.post(
			`${ bot.chat_url }/bots/${ bot.bot_id }/messages`,
			{
				headers: { Origin: origin },
				data: { text: 'Please write to me at jane@example.com' },
			}
		);
		expect( said.ok(), await said.text() ).toBe( true );
		await browser.dispose();
	} finally {
		await api.dispose();
	}
}

/**
 * Axe on one part of the page: no serious or critical violation.
 *
 * @param page     The page.
 * @param selector The part.
 * @param state    What is on screen, for the message.
 */
async function expectAccessible(
	page: Page,
	selector: string,
	state: string
): Promise< void > {
	const results = await new AxeBuilder( { page } )
		.include( selector )
		.analyze();
	const serious = results.violations
		.filter(
			( violation ) =>
				violation.impact === 'serious' ||
				violation.impact === 'critical'
		)
		.map( ( violation ) => `${ violation.id }: ${ violation.help }` );
	expect( serious, `axe on ${ state }` ).toEqual( [] );
}

test.describe( 'Causerie outside its screen', () => {
	test( 'the dashboard widget shows the connection, the week counted by cron and the knowledge, with links into the screen', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'DELETE', '/conversations' );
		await visitorLeavesALead( baseURL!, sandboxURL );
		// The lead poll's event counts the week; the dashboard only reads what it kept.
		runCron( baseURL!, 'causerie_connector_lead_poll' );

		await page.goto( '/wp-admin/' );
		const widget = page.locator( WIDGET );
		await expect(
			widget.getByRole( 'heading', { name: 'Causerie chatbot' } )
		).toBeVisible();
		await expect( widget ).toContainText( 'Connected.' );
		await expect( widget ).toContainText(
			'1 conversation and 1 lead in the last 7 days.'
		);
		await expect( widget ).toContainText( /in the chatbot's knowledge\./ );
		await expect( widget ).not.toContainText( 'read:conversations' );
		await expectAccessible( page, WIDGET, 'the dashboard widget' );
		await widget.screenshot( {
			path: path.join(
				SCREENSHOTS,
				`dashboard-widget-wp${ wordpressVersion }.png`
			),
		} );

		await widget
			.getByRole( 'link', { name: 'See the conversations' } )
			.click();
		await expect( page ).toHaveURL(
			/page=causerie-connector#conversations$/
		);
		await page.goto( '/wp-admin/' );
		await page
			.locator( WIDGET )
			.getByRole( 'link', { name: 'See the knowledge' } )
			.click();
		await expect( page ).toHaveURL( /page=causerie-connector#knowledge$/ );
	} );

	test( 'Settings → Connectors lists Causerie with its logo and a link to its screen where WordPress has it, and 6.8 is unchanged', async ( {
		page,
		context,
		baseURL,
		wordpressVersion,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await page.goto( '/wp-admin/options-general.php' );
		const settingsMenu = page.locator( '#menu-settings .wp-submenu' );
		await expect(
			settingsMenu.getByRole( 'link', { name: 'Causerie' } )
		).toHaveAttribute( 'href', SCREEN );

		// WordPress 7.0 brought the Connectors API; 6.8 has neither the page nor its hooks.
		if ( Number.parseFloat( wordpressVersion ) < 7 ) {
			await expect(
				settingsMenu.getByRole( 'link', { name: 'Connectors' } )
			).toHaveCount( 0 );
			return;
		}
		await settingsMenu.getByRole( 'link', { name: 'Connectors' } ).click();
		const row = page.getByRole( 'group', { name: 'Causerie chatbot' } );
		await expect( row ).toBeVisible( { timeout: 20_000 } );
		await expect( row ).toContainText(
			'An AI chatbot that answers your visitors from your own pages.'
		);
		await expect( row.locator( 'img' ) ).toHaveAttribute(
			'src',
			/\/assets\/logo\.svg$/
		);
		await expectAccessible(
			page,
			'.connector-item--causerie',
			'the Connectors row'
		);
		await page.screenshot( {
			path: path.join(
				SCREENSHOTS,
				`connectors-wp${ wordpressVersion }.png`
			),
			fullPage: true,
		} );
		await row
			.getByRole( 'link', { name: 'Open Causerie settings' } )
			.click();
		await expect( page ).toHaveURL( SCREEN );
	} );
} );
