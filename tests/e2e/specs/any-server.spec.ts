/**
 * A server whose sign-in service and API are on two origins, as an independent OAuth 2.0 deployment may be:
 * the admin enters the API address only and is connected; a revocation, then a key change, are healed by
 * "Check again" alone, and the screen says what it healed.
 */
import type { Page } from '@playwright/test';

import {
	CLIENT,
	control,
	expectAccessible,
	expectHealthyRows,
	heal,
	recordTally,
	rest,
	shot,
	Tally,
	titleOf,
} from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';

/**
 * Token requests a sandbox received, for every client.
 *
 * @param sandboxURL The sandbox.
 */
async function tokenRequests( sandboxURL: string ): Promise< number > {
	const counters = await control( sandboxURL, 'GET', '/counters' );
	return Object.values(
		counters.tokenRequests as Record< string, Record< string, number > >
	).reduce(
		( total, methods ) =>
			total + Object.values( methods ).reduce( ( a, b ) => a + b, 0 ),
		0
	);
}

/**
 * The newest event's id: the site's event log holds what the specs before this one did too, so a spec reads
 * only the events after it.
 *
 * @param page A logged-in page.
 */
async function lastEventId( page: Page ): Promise< number > {
	const { body } = await rest( page, 'GET', '/causerie/v1/events?limit=1' );
	const [ newest ] = body as unknown as Array< { id: number } >;
	return newest?.id ?? 0;
}

/**
 * The status header, once it says the connection works.
 *
 * @param page The screen.
 */
async function expectConnected( page: Page ) {
	const header = page.locator( '.causerie-status' );
	await expect(
		header.getByRole( 'heading', { name: 'Connected' } )
	).toBeVisible( { timeout: 30_000 } );
	await expectHealthyRows( page );
	return header;
}

test.describe( 'A server on two origins', () => {
	test.afterEach( async ( { page, sandboxURL } ) => {
		await heal( page, sandboxURL );
	} );

	test( 'the API address alone connects, and Check again heals a revocation and a key change', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
		splitIssuerURL,
		splitApiURL,
		wordpressVersion,
	}, info ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( splitIssuerURL, 'POST', '/reset', { full: true } );
		const since = await lastEventId( page );
		const connect = new Tally( page );
		const revoked = new Tally( page );
		const rotated = new Tally( page );

		await page.goto( SCREEN_PATH );
		await expectConnected( page );
		await page
			.getByRole( 'tab', { name: 'Credentials', exact: true } )
			.click();
		const form = page.getByRole( 'form', { name: /credentials/ } );
		// What the admin copies from the provider: the API address and the client's credentials, nothing else.
		await form.getByLabel( 'API address' ).fill( splitApiURL );
		await form.getByLabel( 'Client secret' ).fill( CLIENT.secret );
		await connect.click( form.getByRole( 'button', { name: 'Save' } ) );
		const header = await expectConnected( page );
		await shot( page, 'split-origins', wordpressVersion, '1-connected' );
		await expectAccessible( page, 'split origins: connected' );

		const status = await rest( page, 'GET', '/causerie/v1/status' );
		const server = status.body.server as Record< string, unknown >;
		expect( server.issuer ).toBe( splitIssuerURL );
		expect( server.resource ).toBe( `${ splitApiURL }/v1` );
		expect( await tokenRequests( splitIssuerURL ) ).toBe( 1 );

		// Causerie's side withdraws every token of the client.
		await control(
			splitIssuerURL,
			'POST',
			`/clients/${ CLIENT.id }/revoke`
		);
		await revoked.click(
			header.getByRole( 'button', { name: 'Check again' } )
		);
		await expect( header ).toContainText(
			await titleOf( page, 'token_revoked' ),
			{ timeout: 30_000 }
		);
		await expectConnected( page );
		await shot( page, 'split-origins', wordpressVersion, '2-revoked' );
		await expectAccessible( page, 'split origins: healed a revocation' );

		// The authorization server changes its signing key, as some do on every restart.
		await control( splitIssuerURL, 'POST', '/keys/rotate', {
			keepOld: false,
		} );
		await rotated.click(
			header.getByRole( 'button', { name: 'Check again' } )
		);
		await expect( header ).toContainText(
			await titleOf( page, 'signing_key_unknown' ),
			{ timeout: 30_000 }
		);
		await expectConnected( page );
		await shot( page, 'split-origins', wordpressVersion, '3-key-changed' );

		// One each: saving, and the key change; two for the revocation, whose refresh token is refused first.
		expect( await tokenRequests( splitIssuerURL ) ).toBe( 4 );
		const events = await rest(
			page,
			'GET',
			'/causerie/v1/events?kind=token'
		);
		const healed = (
			events.body as unknown as Array< {
				id: number;
				code: string;
				context: { cause?: string };
			} >
		 )
			.filter( ( event ) => event.id > since && event.code === 'healed' )
			.map( ( event ) => event.context.cause );
		// Each cause healed is told once, newest first, and nothing else: requests refused the same token share one
		// renewal, and only the one that renewed tells it (tests/php/Api/Shared_Renewal_Test.php).
		expect( healed ).toEqual( [ 'signing_key_unknown', 'token_revoked' ] );
		recordTally( info, 'split origins: connect', connect, '1 click' );
		recordTally( info, 'split origins: revoked', revoked, '1 click' );
		recordTally( info, 'split origins: key changed', rotated, '1 click' );
		for ( const tally of [ connect, revoked, rotated ] ) {
			expect( tally.clicks ).toBe( 1 );
			expect( tally.pastes ).toBe( 0 );
		}
	} );
} );
