/**
 * The overview, the screen's first tab, in each state a site owner meets: connected, broken, not set up and a
 * warning. Each state is kept as a picture (artifacts/e2e/screenshots/overview-*.png) and passes axe.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import type { Page } from '@playwright/test';

import {
	control,
	expectAccessible,
	heal,
	overviewShot,
	rest,
	titleOf,
} from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { siteDirOf } from '../widget';

const ROOT = path.resolve( __dirname, '../../..' );

/**
 * Opens the screen and waits for its checks and its cards: the state the owner reads.
 *
 * @param page  A logged-in page.
 * @param state The status heading expected once the checks ran.
 */
async function openOverview( page: Page, state: string ) {
	await page.goto( SCREEN_PATH );
	await expect(
		page.getByRole( 'tab', { name: 'Overview', selected: true } )
	).toBeVisible();
	const status = page.locator( '.causerie-status' );
	await expect( status.getByRole( 'heading', { name: state } ) ).toBeVisible(
		{ timeout: 30_000 }
	);
	await expect(
		status.getByRole( 'button', { name: 'Check again' } )
	).toBeVisible( { timeout: 30_000 } );
	for ( const title of [
		'Chatbot on your site',
		'Knowledge',
		'Conversations this week',
	] ) {
		await expect(
			page.getByRole( 'heading', { name: title, exact: true } )
		).toBeVisible();
	}
	await expect(
		page.locator( '.causerie-overview__card [aria-busy="true"]' )
	).toHaveCount( 0 );
	// One "Check again" on the screen.
	await expect(
		page.getByRole( 'button', { name: /^(Check again|Run checks)$/ } )
	).toHaveCount( 1 );
	return status;
}

test.describe( 'The overview', () => {
	test.beforeEach( async ( { page, context, baseURL, sandboxURL } ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
	} );

	test.afterEach( async ( { page, sandboxURL } ) => {
		await heal( page, sandboxURL );
	} );

	test( 'connected: four cards, the connection healthy, each card linking to its tab', async ( {
		page,
		wordpressVersion,
	} ) => {
		await openOverview( page, 'Connected' );
		await expect(
			page.getByRole( 'button', { name: 'Fix it' } )
		).toHaveCount( 0 );
		await overviewShot( page, 'connected', wordpressVersion );
		await expectAccessible( page, 'overview: connected' );

		await page.getByRole( 'link', { name: 'Knowledge settings' } ).click();
		await expect(
			page.getByRole( 'tab', { name: 'Knowledge', selected: true } )
		).toBeVisible();
	} );

	test( 'broken: what is wrong in plain words, and Fix it opens the wizard', async ( {
		page,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await control( sandboxURL, 'POST', '/faults', {
			endpoint: 'all',
			mode: '503',
			count: 1_000_000,
		} );
		// A check finds the break, as the cron's would: the screen opens from that last known state.
		await rest( page, 'POST', '/causerie/v1/checks' );

		const status = await openOverview( page, 'Not working' );
		await expect( status ).toContainText(
			await titleOf( page, 'server_error' )
		);
		await overviewShot( page, 'broken', wordpressVersion );
		await expectAccessible( page, 'overview: broken' );

		await status.getByRole( 'button', { name: 'Fix it' } ).click();
		await expect(
			page.getByRole( 'dialog', { name: 'Fix the connection' } )
		).toBeVisible();
		await control( sandboxURL, 'DELETE', '/faults' );
	} );

	test( 'not configured: after leaving the guided setup, the overview says so and offers Fix it', async ( {
		page,
		baseURL,
		wordpressVersion,
	} ) => {
		execFileSync(
			'php',
			[ path.join( ROOT, 'bin/wp/forget-credentials.php' ) ],
			{
				cwd: siteDirOf( baseURL! ),
				env: { ...process.env, WP_URL: baseURL },
			}
		);

		const status = page.locator( '.causerie-status' );
		await page.goto( SCREEN_PATH );
		// Nothing configured opens the guided first run; an owner who leaves it lands on the overview.
		await page
			.getByRole( 'button', {
				name: 'Leave the guided setup and use the full settings',
			} )
			.click();
		await expect(
			page.getByRole( 'tab', { name: 'Overview', selected: true } )
		).toBeVisible();
		await expect( status ).toContainText(
			await titleOf( page, 'not_configured' ),
			{ timeout: 30_000 }
		);
		await expect(
			status.getByRole( 'button', { name: 'Fix it' } )
		).toBeVisible();
		await expect(
			page.locator( '.causerie-overview__card [aria-busy="true"]' )
		).toHaveCount( 0 );
		await overviewShot( page, 'not-configured', wordpressVersion );
		await expectAccessible( page, 'overview: not configured' );
	} );

	test( 'warning: needs attention, and the chatbot still works', async ( {
		page,
		sandboxURL,
		wordpressVersion,
	} ) => {
		await control( sandboxURL, 'PUT', '/clock', { skewSeconds: 600 } );
		await rest( page, 'POST', '/causerie/v1/checks' );

		const status = await openOverview( page, 'Needs attention' );
		await expect( status ).toContainText(
			await titleOf( page, 'clock_skew' )
		);
		await overviewShot( page, 'warning', wordpressVersion );
		await expectAccessible( page, 'overview: warning' );
		await control( sandboxURL, 'PUT', '/clock', { skewSeconds: 0 } );
	} );
} );
