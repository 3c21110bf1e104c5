/**
 * Network Admin → Settings → Causerie on a real multisite network (bin/e2e-sites.sh serves it): the site
 * screen's React app in its network mode, which saves the network's credentials through the network's
 * route once the API accepted them, and whose credentials a site without its own then uses.
 */
import type { Page } from '@playwright/test';

import {
	CLIENT,
	control,
	expectAccessible,
	rest,
	shot,
	titleOf,
} from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';

const NETWORK_SCREEN_PATH =
	'/wp-admin/network/settings.php?page=causerie-connector';
const NETWORK_SETTINGS_ROUTE = '/causerie/v1/network/settings';
/** The network's second site (bin/wp/install.php), administered by siteadmin. */
const SECOND = '/second';
const FROM_NETWORK =
	'From the network’s settings. A value saved here applies to this site only.';

/**
 * Whether a request is a save through the network's settings route, however apiFetch spells the path.
 *
 * @param url    The request's address.
 * @param method Its method.
 */
function isNetworkSave( url: string, method: string ): boolean {
	return (
		method === 'POST' &&
		decodeURIComponent( url ).includes( NETWORK_SETTINGS_ROUTE )
	);
}

/**
 * Fills the network's form and saves it; resolves with the network route's answer.
 *
 * @param page                The network's screen.
 * @param fields              What to type.
 * @param fields.clientId     The client ID.
 * @param fields.clientSecret The client secret.
 * @param fields.apiUrl       The API address.
 */
async function saveNetworkCredentials(
	page: Page,
	fields: { clientId: string; clientSecret: string; apiUrl: string }
): Promise< { status: number; body: Record< string, unknown > } > {
	const form = page.locator( '#causerie-connector-root form' );
	await form
		.getByRole( 'textbox', { name: 'Client ID' } )
		.fill( fields.clientId );
	await form.getByLabel( 'Client secret' ).fill( fields.clientSecret );
	await form
		.getByRole( 'textbox', { name: 'API address' } )
		.fill( fields.apiUrl );
	const [ response ] = await Promise.all( [
		page.waitForResponse( ( r ) =>
			isNetworkSave( r.url(), r.request().method() )
		),
		form.getByRole( 'button', { name: 'Save' } ).click(),
	] );
	return { status: response.status(), body: await response.json() };
}

test.describe.serial( 'Network Admin → Settings → Causerie', () => {
	test( 'a site administrator who is no network administrator can neither open it nor use its route', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await control( sandboxURL, 'POST', '/reset' );
		await logIn( context, baseURL!, 'siteadmin' );

		const response = await page.goto( NETWORK_SCREEN_PATH );
		expect( response?.status() ).toBe( 403 );
		await expect( page.locator( '#causerie-connector-root' ) ).toHaveCount(
			0
		);
		await expect( page.getByText( /not allowed/ ) ).toBeVisible();

		// Not through the REST route either, with a nonce of the site they do administer.
		const nonce = (
			await (
				await page.request.get(
					`${ SECOND }/wp-admin/admin-ajax.php?action=rest-nonce`
				)
			).text()
		).trim();
		const headers = { 'X-WP-Nonce': nonce, Accept: 'application/json' };
		const read = await page.request.get(
			`/wp-json${ NETWORK_SETTINGS_ROUTE }`,
			{ headers }
		);
		expect( read.status() ).toBe( 403 );
		const write = await page.request.post(
			`/wp-json${ NETWORK_SETTINGS_ROUTE }`,
			{
				headers,
				data: {
					clientId: CLIENT.id,
					clientSecret: CLIENT.secret,
					apiUrl: sandboxURL,
				},
			}
		);
		expect( write.status() ).toBe( 403 );
	} );

	test( 'a network administrator saves the network’s credentials in the app, which the API checks first', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await page.goto( '/wp-admin/network/settings.php' );
		await page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Causerie', exact: true } )
			.click();
		await expect( page ).toHaveURL(
			/network\/settings\.php\?page=causerie-connector$/
		);

		// The React app in its network mode, not a PHP form posting to edit.php.
		const root = page.locator( '#causerie-connector-root' );
		await expect( root ).toHaveAttribute( 'data-screen', 'network' );
		const form = root.getByRole( 'form', { name: 'Local credentials' } );
		await expect( form ).toBeVisible();
		await expect( page.locator( 'form[action*="edit.php"]' ) ).toHaveCount(
			0
		);
		await expect(
			form.getByRole( 'textbox', { name: 'Client ID' } )
		).toHaveValue( '' );
		await expectAccessible( page, 'the network screen, nothing saved' );
		await shot( page, 'screen', wordpressVersion, '1-empty', 'network' );

		// A wrong secret: the API refuses it, the screen says so in words, and nothing is stored.
		const refused = await saveNetworkCredentials( page, {
			clientId: CLIENT.id,
			clientSecret: 'not-the-secret',
			apiUrl: sandboxURL,
		} );
		expect( refused.status, JSON.stringify( refused.body ) ).toBe( 422 );
		const diagnosis = (
			refused.body.data as { diagnosis?: { code?: string } }
		 )?.diagnosis;
		expect( diagnosis?.code, JSON.stringify( refused.body ) ).toBeTruthy();
		const title = await titleOf( page, diagnosis?.code ?? '' );
		await expect( page.getByRole( 'status' ) ).toHaveText(
			`Not saved: ${ title }`
		);
		const notice = form.locator( '.causerie-diagnosis' );
		await expect( notice.getByRole( 'heading' ) ).toHaveText( title );
		await expect( notice ).toContainText(
			'Nothing was saved: the credentials in use are unchanged.'
		);
		const unchanged = await rest( page, 'GET', NETWORK_SETTINGS_ROUTE );
		expect( unchanged.body ).toMatchObject( {
			clientId: '',
			hasSecret: false,
			apiUrl: '',
		} );
		await expectAccessible( page, 'the network screen, secret refused' );
		await shot( page, 'screen', wordpressVersion, '2-refused', 'network' );

		// The right one is saved, once the API accepted it.
		const saved = await saveNetworkCredentials( page, {
			clientId: CLIENT.id,
			clientSecret: CLIENT.secret,
			apiUrl: sandboxURL,
		} );
		expect( saved.status, JSON.stringify( saved.body ) ).toBe( 200 );
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'Saved. Causerie accepted the credentials, and they are now in use.'
		);
		const stored = await rest( page, 'GET', NETWORK_SETTINGS_ROUTE );
		expect( stored.body ).toMatchObject( {
			clientId: CLIENT.id,
			hasSecret: true,
			secretStatus: 'ok',
			apiUrl: sandboxURL,
		} );

		// Each site's knowledge sync, with a link to the site.
		await page.reload();
		await expect(
			form.getByRole( 'textbox', { name: 'Client ID' } )
		).toHaveValue( CLIENT.id );
		await expect(
			form.getByLabel( 'Client secret' )
		).toHaveAccessibleDescription( /A secret is saved/ );
		const sync = page.locator( 'section', {
			has: page.getByRole( 'heading', {
				name: 'Knowledge sync of each site',
			} ),
		} );
		const rows = sync.getByRole( 'table' ).locator( 'tbody tr' );
		await expect( rows ).toHaveCount( 2 );
		await expect(
			sync.getByRole( 'link', { name: 'Causerie Dev' } )
		).toHaveAttribute( 'href', `${ baseURL }/` );
		await expect(
			sync.getByRole( 'link', { name: 'Second site' } )
		).toHaveAttribute( 'href', `${ baseURL }${ SECOND }/` );
		await expect(
			rows.filter( { hasText: 'Second site' } ).getByRole( 'cell' )
		).toHaveText( [ /^\d+ of \d+$/, /^\d+$/, /^\d+$/, 'Nothing' ] );
		await expectAccessible( page, 'the network screen, saved' );
		await shot( page, 'screen', wordpressVersion, '3-saved', 'network' );
	} );

	test( 'the second site uses the network’s credentials, and its screen says where they come from', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await logIn( context, baseURL!, 'siteadmin' );
		// The Credentials tab, wherever the screen opens by default.
		await page.goto( `${ SECOND }${ SCREEN_PATH }#credentials` );

		// No guided first run: the site takes its credentials from the network, and the check finds them working.
		await expect(
			page
				.locator( '.causerie-status' )
				.getByRole( 'heading', { name: 'Connected' } )
		).toBeVisible( { timeout: 30_000 } );
		const form = page.getByRole( 'form', { name: /credentials/ } );
		const clientId = form.getByRole( 'textbox', { name: 'Client ID' } );
		await expect( clientId ).toHaveValue( CLIENT.id );
		await expect( clientId ).toHaveAccessibleDescription( FROM_NETWORK );
		await expect(
			form.getByRole( 'textbox', { name: 'API address' } )
		).toHaveValue( sandboxURL );
		await expect(
			form.getByRole( 'textbox', { name: 'API address' } )
		).toHaveAccessibleDescription( new RegExp( FROM_NETWORK ) );
		await expect(
			form.getByLabel( 'Client secret' )
		).toHaveAccessibleDescription( new RegExp( FROM_NETWORK ) );
		await expectAccessible(
			page,
			'the second site, on the network’s credentials'
		);
		await shot(
			page,
			'screen',
			wordpressVersion,
			'4-second-site',
			'network'
		);

		// The site stored none of its own: each field is the network's, and the site holds its own token.
		const [ settings, status ] = await page.evaluate( () => {
			const { apiFetch } = (
				window as unknown as {
					wp: {
						apiFetch: ( o: {
							path: string;
						} ) => Promise< Record< string, unknown > >;
					};
				}
			 ).wp;
			return Promise.all( [
				apiFetch( { path: '/causerie/v1/settings' } ),
				apiFetch( { path: '/causerie/v1/status' } ),
			] );
		} );
		expect( settings ).toMatchObject( {
			clientId: CLIENT.id,
			hasSecret: true,
			inherited: {
				clientId: 'network',
				clientSecret: 'network',
				apiUrl: 'network',
			},
		} );
		expect( status.state, JSON.stringify( status ) ).toBe( 'connected' );
	} );
} );
