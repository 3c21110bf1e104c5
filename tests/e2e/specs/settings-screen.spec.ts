import path from 'node:path';

import {
	expect,
	logIn,
	PLUGIN_VERSION,
	restNonce,
	SCREEN_PATH,
	SITE_ROUTE,
	test,
} from '../fixtures';
import { openSection } from '../connection';

const SCREENSHOTS = path.resolve(
	__dirname,
	'../../../artifacts/e2e/screenshots'
);

test.describe( 'Settings → Causerie', () => {
	test( 'an administrator opens it from the Settings menu and sees what the REST route reports', async ( {
		page,
		context,
		baseURL,
		wordpressVersion,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await page.goto( '/wp-admin/options-general.php' );

		await page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Causerie', exact: true } )
			.click();

		await expect( page ).toHaveURL(
			/options-general\.php\?page=causerie-connector$/
		);
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Causerie' } )
		).toBeVisible();
		await openSection( page, 'This site' );
		const summary = page.locator( '.causerie-site-summary' );
		const valueOf = ( term: string ) =>
			summary
				.locator( 'div', {
					has: page.getByText( term, { exact: true } ),
				} )
				.locator( 'dd' );
		await expect( valueOf( 'Plugin version' ) ).toHaveText(
			PLUGIN_VERSION
		);
		await expect( valueOf( 'Environment' ) ).toHaveText( 'Local' );
		await expect( valueOf( 'WordPress' ) ).toHaveText(
			new RegExp( `^${ wordpressVersion.replace( '.', '\\.' ) }\\.` )
		);

		await page.screenshot( {
			path: path.join(
				SCREENSHOTS,
				`settings-wordpress-${ wordpressVersion }.png`
			),
			fullPage: true,
		} );
	} );

	test( 'the app calls the route through apiFetch with the REST nonce', async ( {
		page,
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await page.goto( SCREEN_PATH );
		await expect( page.locator( '.causerie-status' ) ).toBeVisible();

		// The first answer was preloaded into the page; a second call goes over the network.
		const [ request, body ] = await Promise.all( [
			page.waitForRequest( ( r ) =>
				r.url().includes( 'causerie/v1/site' )
			),
			page.evaluate( () =>
				(
					window as unknown as {
						wp: {
							apiFetch: ( o: {
								path: string;
							} ) => Promise< unknown >;
						};
					}
				 ).wp.apiFetch( {
					path: '/causerie/v1/site',
				} )
			),
		] );

		expect( ( await request.allHeaders() )[ 'x-wp-nonce' ] ).toMatch(
			/^[0-9a-f]{10}$/
		);
		expect( ( await request.response() )?.status() ).toBe( 200 );
		expect( body ).toMatchObject( {
			pluginVersion: PLUGIN_VERSION,
			environmentType: 'local',
		} );
	} );

	test( 'the first paint reads only preloaded answers', async ( {
		page,
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		const reads: string[] = [];
		page.on( 'request', ( request ) => {
			if (
				request.method() === 'GET' &&
				/causerie\/v1\/(site|status|checks|settings|diagnoses)\b/.test(
					decodeURIComponent( request.url() )
				)
			) {
				reads.push( request.url() );
			}
		} );

		await page.goto( SCREEN_PATH );

		const header = page.locator( '.causerie-status' );
		await expect(
			header.getByRole( 'heading', { level: 2 } )
		).toBeVisible();
		await expect( header.locator( '.components-spinner' ) ).toHaveCount(
			0
		);
		// The live checks then run in the background; reading the status again after them is expected.
		await expect(
			header.getByRole( 'button', { name: /^(Check again|Run checks)$/ } )
		).toBeVisible( { timeout: 30_000 } );
		expect( reads.filter( ( url ) => ! url.includes( 'status' ) ) ).toEqual(
			[]
		);
	} );

	test( 'its script loads on its own screen and on no other', async ( {
		page,
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		const appScript = page.locator(
			'script[src*="causerie-connector/build/index.js"]'
		);

		await page.goto( '/wp-admin/options-general.php' );
		await expect( appScript ).toHaveCount( 0 );
		await page.goto( '/wp-admin/' );
		await expect( appScript ).toHaveCount( 0 );

		await page.goto( SCREEN_PATH );
		await expect( appScript ).toHaveCount( 1 );
	} );
} );

test.describe( 'The causerie/v1/site route', () => {
	test( 'refuses anonymous visitors', async ( { request } ) => {
		const response = await request.get( SITE_ROUTE );

		expect( response.status() ).toBe( 401 );
		expect( await response.json() ).toMatchObject( {
			code: 'rest_forbidden',
		} );
	} );

	test( 'treats a logged-in administrator without the REST nonce as anonymous', async ( {
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );

		const response = await context.request.get(
			`${ baseURL }${ SITE_ROUTE }`
		);

		expect( response.status() ).toBe( 401 );
	} );

	test( 'refuses a subscriber, and so does the screen', async ( {
		page,
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'subscriber' );
		const nonce = await restNonce( context.request );

		const response = await context.request.get(
			`${ baseURL }${ SITE_ROUTE }`,
			{
				headers: { 'X-WP-Nonce': nonce },
			}
		);
		expect( response.status() ).toBe( 403 );
		expect( await response.json() ).toMatchObject( {
			code: 'rest_forbidden',
		} );

		await page.goto( SCREEN_PATH );
		await expect(
			page.getByText( 'Sorry, you are not allowed to access this page.' )
		).toBeVisible();
		await expect( page.locator( '.causerie-site-summary' ) ).toHaveCount(
			0
		);
	} );

	test( 'answers an administrator who sends the nonce', async ( {
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		const nonce = await restNonce( context.request );

		const response = await context.request.get(
			`${ baseURL }${ SITE_ROUTE }`,
			{
				headers: { 'X-WP-Nonce': nonce },
			}
		);

		expect( response.status() ).toBe( 200 );
		expect( await response.json() ).toEqual( {
			pluginVersion: PLUGIN_VERSION,
			wordpressVersion: expect.stringMatching( /^\d+\.\d+/ ),
			phpVersion: expect.any( String ),
			environmentType: 'local',
			multisite: false,
		} );
	} );
} );
