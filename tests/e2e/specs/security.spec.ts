/**
 * Where the secret may go, as an administrator can try it from the screen: a new API address without the
 * secret sends nothing to the new server and changes nothing; an address written to reach the cloud
 * metadata service is refused; the page shows a fingerprint of the secret, never its characters; and a
 * paused copy of the site calls nothing, whatever the admin clicks.
 */
import type { Page } from '@playwright/test';

import { CLIENT, control, heal, openSection, rest, shot } from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';

/**
 * Every request a sandbox received, all endpoint groups together.
 *
 * @param sandboxURL The sandbox's control address.
 */
async function requestsAt( sandboxURL: string ): Promise< number > {
	const counters = await control( sandboxURL, 'GET', '/counters' );
	return Object.values(
		counters.requests as Record< string, number >
	).reduce( ( total, count ) => total + count, 0 );
}

/**
 * The stored settings of the active profile, as the screen reads them.
 *
 * @param page A page logged in as an administrator.
 */
async function settings( page: Page ): Promise< Record< string, unknown > > {
	return ( await rest( page, 'GET', '/causerie/v1/settings' ) ).body;
}

test.describe( 'The secret goes only where it was saved for', () => {
	test.beforeEach( async ( { page, context, baseURL, sandboxURL } ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
	} );

	test.afterEach( async ( { page, sandboxURL } ) => {
		await heal( page, sandboxURL );
	} );

	test( 'a new API address without the secret is refused, and the other server hears nothing', async ( {
		page,
		splitIssuerURL,
		wordpressVersion,
	} ) => {
		const before = await settings( page );
		await control( splitIssuerURL, 'POST', '/reset' );
		await page.goto( `${ SCREEN_PATH }#credentials` );
		const form = page.getByRole( 'form', { name: /credentials/ } );
		await form
			.getByLabel( 'API address' )
			.fill( 'https://api.elsewhere.test' );
		await form.getByRole( 'button', { name: 'Save' } ).click();

		await expect( form ).toContainText(
			'Enter the client secret again to use it with the new address.'
		);
		await shot( page, 'security', wordpressVersion, 'secret-required' );
		expect( await settings( page ) ).toEqual( before );

		// The same through REST, to a server that would answer: nothing reaches it.
		const probe = await rest(
			page,
			'POST',
			'/causerie/v1/settings/verify',
			{
				apiUrl: splitIssuerURL,
			}
		);
		expect( probe.status ).toBe( 400 );
		expect( ( probe.body.data as { field: string } ).field ).toBe(
			'clientSecret'
		);
		expect( await requestsAt( splitIssuerURL ) ).toBe( 0 );
		expect( await settings( page ) ).toEqual( before );
	} );

	test( 'an address written to reach the metadata service is refused in every form', async ( {
		page,
		sandboxURL,
	} ) => {
		const before = await settings( page );
		await control( sandboxURL, 'POST', '/reset' );
		for ( const apiUrl of [
			'https://0xa9fea9fe',
			'https://2852039166',
			'https://[::ffff:a9fe:a9fe]',
			'https://169.254.169.254.',
		] ) {
			const refused = await rest(
				page,
				'POST',
				'/causerie/v1/settings/verify',
				{
					apiUrl,
					clientSecret: CLIENT.secret,
				}
			);
			expect( refused.status, apiUrl ).toBe( 400 );
			expect(
				( refused.body.data as { field: string } ).field,
				apiUrl
			).toBe( 'apiUrl' );
		}
		expect( await requestsAt( sandboxURL ) ).toBe( 0 );
		expect( await settings( page ) ).toEqual( before );
	} );

	test( 'the screen shows a fingerprint of the secret, never its characters', async ( {
		page,
	} ) => {
		await page.goto( `${ SCREEN_PATH }#credentials` );
		const form = page.getByRole( 'form', { name: /credentials/ } );
		await expect( form ).toContainText( /fingerprint [0-9a-f]{6}/ );
		const html = await page.content();
		expect( html ).not.toContain( CLIENT.secret );
		expect( html ).not.toContain( CLIENT.secret.slice( -8 ) );
	} );

	test( 'a paused copy calls nothing, whatever the admin clicks', async ( {
		page,
		sandboxURL,
	} ) => {
		await rest( page, 'POST', '/causerie/v1/binding', { action: 'pause' } );
		await control( sandboxURL, 'POST', '/reset' );

		await page.goto( SCREEN_PATH );
		await page
			.getByRole( 'button', { name: /Check again|Run checks/ } )
			.first()
			.click();
		await expect( page.locator( '.causerie-status' ) ).toContainText(
			/paused/i
		);
		await openSection( page, 'Token inspector' );
		await page.waitForLoadState( 'networkidle' );

		expect( await requestsAt( sandboxURL ) ).toBe( 0 );
	} );
} );
