/**
 * Consent, in a browser. With the WP Consent API active (its test double, tests/consent-api) and a banner that
 * makes every visitor opt in, the page carries the plugin's small loader but not Causerie's widget script,
 * until the visitor allows the `marketing` category; the choice is a cookie, so a reload keeps the widget, and
 * a visitor who denies never gets it. Without a banner the Consent API consents to everything, so the widget
 * loads at once. Without the Consent API, the owner's `signal` setting waits for the page's `causerie-consent`
 * event (or `window.causerieConsent = true` set before the loader runs). Each test leaves both plugins inactive
 * and the widget off.
 */
import type { Page, Request } from '@playwright/test';

import {
	CONSENT_API,
	OPT_IN_BANNER,
	setPlugins,
	type ConsentApiWindow,
} from '../consent-api';
import { heal } from '../connection';
import { expect, logIn, test } from '../fixtures';
import { showWidget } from '../widget';

/** The widget's script from the (sandbox) CDN, and the plugin's loader that waits to add it. */
const WIDGET_SCRIPT = 'script[src$="/widget/v1/widget.js"]';
const LOADER_SCRIPT = 'script[src*="/build/widget-loader/index.js"]';

const bubble = ( page: Page ) =>
	page.getByRole( 'button', { name: 'Chat', exact: true } );

/**
 * Records every request for the widget's script from the page, so that "not loaded" means not even fetched.
 *
 * @param page A visitor's page.
 */
function widgetFetches( page: Page ): string[] {
	const urls: string[] = [];
	page.on( 'request', ( request: Request ) => {
		if ( request.url().endsWith( '/widget/v1/widget.js' ) ) {
			urls.push( request.url() );
		}
	} );
	return urls;
}

/**
 * Plays the banner's button: the visitor's choice for a category, through the Consent API in the page.
 *
 * @param page     A visitor's page.
 * @param category A consent category.
 * @param value    The choice.
 */
async function choose(
	page: Page,
	category: string,
	value: 'allow' | 'deny'
): Promise< void > {
	await page.evaluate(
		( [ name, choice ] ) =>
			( window as unknown as ConsentApiWindow ).wp_set_consent(
				name,
				choice
			),
		[ category, value ] as const
	);
}

const hasConsent = ( page: Page, category: string ) =>
	page.evaluate(
		( name ) =>
			( window as unknown as ConsentApiWindow ).wp_has_consent( name ),
		category
	);

/** The page's widget configuration (printed as JSON data by Widget_Front). */
const configOf = async ( page: Page ) =>
	JSON.parse(
		( await page
			.locator( 'script#causerie-widget-config' )
			.textContent() ) ?? ''
	) as { loader?: { src: string; category: string | null } };

test.describe( 'Consent', () => {
	let admin: Page;

	test.beforeEach( async ( { browser, baseURL, sandboxURL } ) => {
		const context = await browser.newContext( { baseURL: baseURL! } );
		await logIn( context, baseURL!, 'admin' );
		admin = await context.newPage();
		await heal( admin, sandboxURL );
	} );

	test.afterEach( async ( { baseURL, sandboxURL } ) => {
		await setPlugins( admin, [ OPT_IN_BANNER, CONSENT_API ], 'inactive' );
		await showWidget( baseURL!, sandboxURL, { enabled: false } );
		await admin.context().close();
	} );

	test( 'with the WP Consent API and an opt-in banner, the widget waits for marketing consent, which a reload keeps', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await setPlugins( admin, [ CONSENT_API, OPT_IN_BANNER ], 'active' );
		await showWidget( baseURL!, sandboxURL );
		const fetched = widgetFetches( page );

		// The loader is deferred, so it has run once the page has loaded.
		await page.goto( '/' );
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		expect( ( await configOf( page ) ).loader?.category ).toBe(
			'marketing'
		);
		expect( await hasConsent( page, 'marketing' ) ).toBe( false );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );
		await expect( bubble( page ) ).toHaveCount( 0 );
		expect( fetched ).toEqual( [] );

		// Another category's consent is not the widget's.
		await choose( page, 'statistics', 'allow' );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );

		await choose( page, 'marketing', 'allow' );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 1 );
		await expect( bubble( page ) ).toBeVisible();
		await bubble( page ).click();
		const chat = page.getByRole( 'dialog', { name: 'Chat' } );
		await expect( chat ).toBeVisible();
		await expect( chat.getByRole( 'log' ) ).not.toBeEmpty();

		const cookies = await context.cookies( baseURL );
		expect(
			cookies.find( ( cookie ) => cookie.name === 'wp_consent_marketing' )
				?.value
		).toBe( 'allow' );
		await page.reload();
		await expect( bubble( page ) ).toBeVisible();
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 1 );
		expect( fetched.length ).toBeGreaterThan( 0 );
	} );

	test( 'a visitor who denies marketing consent never gets the widget, even after a reload', async ( {
		page,
		baseURL,
		sandboxURL,
	} ) => {
		await setPlugins( admin, [ CONSENT_API, OPT_IN_BANNER ], 'active' );
		await showWidget( baseURL!, sandboxURL );
		const fetched = widgetFetches( page );

		await page.goto( '/' );
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		await choose( page, 'functional', 'allow' );
		await choose( page, 'marketing', 'deny' );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );

		await page.reload();
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		expect( await hasConsent( page, 'marketing' ) ).toBe( false );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );
		await expect( bubble( page ) ).toHaveCount( 0 );
		expect( fetched ).toEqual( [] );
	} );

	test( 'with the WP Consent API but no banner to ask, the Consent API consents and the widget loads at once', async ( {
		page,
		baseURL,
		sandboxURL,
	} ) => {
		await setPlugins( admin, [ CONSENT_API ], 'active' );
		await showWidget( baseURL!, sandboxURL );

		await page.goto( '/' );
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		expect( await hasConsent( page, 'marketing' ) ).toBe( true );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 1 );
		await expect( bubble( page ) ).toBeVisible();
	} );

	test( 'without the WP Consent API, the signal setting waits for the page’s causerie-consent event on every view', async ( {
		page,
		browser,
		baseURL,
		sandboxURL,
	} ) => {
		await showWidget( baseURL!, sandboxURL, { consent: 'signal' } );

		await page.goto( '/' );
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		expect( ( await configOf( page ) ).loader?.category ).toBeNull();
		expect(
			await page.evaluate(
				() =>
					typeof ( window as unknown as Partial< ConsentApiWindow > )
						.wp_has_consent
			)
		).toBe( 'undefined' );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );
		await expect( bubble( page ) ).toHaveCount( 0 );

		await page.evaluate( () =>
			document.dispatchEvent( new Event( 'causerie-consent' ) )
		);
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 1 );
		await expect( bubble( page ) ).toBeVisible();

		// The plugin keeps no record of the signal: the page gives it again on each view.
		await page.reload();
		await expect( page.locator( LOADER_SCRIPT ) ).toHaveCount( 1 );
		await expect( page.locator( WIDGET_SCRIPT ) ).toHaveCount( 0 );

		// A signal given before the deferred loader runs counts too.
		const early = await browser.newContext( { baseURL: baseURL! } );
		try {
			await early.addInitScript( () => {
				( window as unknown as ConsentApiWindow ).causerieConsent =
					true;
			} );
			const earlyPage = await early.newPage();
			await earlyPage.goto( '/' );
			await expect( earlyPage.locator( WIDGET_SCRIPT ) ).toHaveCount( 1 );
			await expect( bubble( earlyPage ) ).toBeVisible();
		} finally {
			await early.close();
		}
	} );
} );
