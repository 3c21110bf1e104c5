/**
 * One spec per cause of a broken connection, as the site owner meets it: the sandbox API breaks, the daily
 * health check (run by cron) finds it, and the first admin page after the break, the dashboard, names the
 * cause in the notice. A token the plugin can replace is replaced by that check itself: the dashboard stays
 * quiet and the screen says what it healed. For the rest, the notice's Fix it opens the wizard, which fixes
 * it, and the next dashboard load is clear. Each counts the clicks and pastes it took, the notice's click
 * included; the clicks reporter prints them as a table.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import type { Locator, Page } from '@playwright/test';

import {
	CLIENT,
	control,
	expectAccessible,
	expectHealthyRows,
	heal,
	recordTally,
	shot,
	Tally,
	titleOf,
} from '../connection';
import { runCron } from '../cron';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { SITES } from '../sites';

interface Context {
	page: Page;
	dialog: Locator;
	tally: Tally;
	sandboxURL: string;
	/** What the break step returned, such as a new secret. */
	broken: Record< string, unknown >;
}

interface Cause {
	name: string;
	/** The diagnosis the screen must name. */
	code: string;
	/** The cron check replaces the token by itself: no notice, no click at all. */
	healsAlone?: boolean;
	/** A warning rather than a break: the notice says the connection needs attention. */
	warning?: boolean;
	/** The plugin can repair it alone: at most 2 clicks. Otherwise a person acts: 1 paste, 3 clicks. */
	alone: boolean;
	breakIt: (
		sandboxURL: string,
		siteDir: string,
		baseURL: string
	) => Promise< Record< string, unknown > >;
	/** The fix step's actions, and what the person does outside the screen. */
	fix: ( context: Context ) => Promise< void >;
	/** Text the done step shows for this cause. */
	done?: string;
}

const ROOT = path.resolve( __dirname, '../../..' );

const DASHBOARD = '/wp-admin/index.php';
const NOTICE = '#causerie-connection-notice';
const DISCONNECTED = 'The Causerie chatbot is disconnected.';
const NEEDS_ATTENTION = 'The Causerie connection needs attention.';

/** Nothing to do: the cron check already replaced the token. */
const nothing = async () => undefined;

/**
 * Makes a token minted by the sandbox the plugin's token in use, as if it had held on to it.
 *
 * @param sandbox The sandbox.
 * @param siteDir The site's directory.
 * @param baseURL The site's address.
 * @param minted  What to mint.
 */
async function plant(
	sandbox: string,
	siteDir: string,
	baseURL: string,
	minted: Record< string, unknown >
): Promise< Record< string, unknown > > {
	const { access_token: token } = await control( sandbox, 'POST', '/tokens', {
		clientId: CLIENT.id,
		...minted,
	} );
	execFileSync(
		'php',
		[ path.join( ROOT, 'bin/wp/plant-token.php' ), String( token ) ],
		{ cwd: siteDir, env: { ...process.env, WP_URL: baseURL } }
	);
	return {};
}

/** Held tokens stop working, so the next call needs a new one: how a change at Causerie shows at once. */
const expireHeld = ( sandbox: string ) =>
	control( sandbox, 'POST', `/clients/${ CLIENT.id }/expire` );

const CAUSES: Cause[] = [
	{
		name: 'expired',
		code: 'token_expired',
		healsAlone: true,
		alone: true,
		breakIt: ( sandbox, siteDir, baseURL ) =>
			plant( sandbox, siteDir, baseURL, { expiresIn: -60 } ),
		fix: nothing,
	},
	{
		name: 'revoked',
		code: 'token_revoked',
		healsAlone: true,
		alone: true,
		breakIt: ( sandbox ) =>
			control( sandbox, 'POST', `/clients/${ CLIENT.id }/revoke` ),
		fix: nothing,
	},
	{
		name: 'key-rotated',
		code: 'signing_key_unknown',
		healsAlone: true,
		alone: true,
		breakIt: ( sandbox ) =>
			control( sandbox, 'POST', '/keys/rotate', { keepOld: false } ),
		fix: nothing,
	},
	{
		name: 'tampered',
		code: 'token_signature_invalid',
		healsAlone: true,
		alone: true,
		breakIt: async ( _sandbox, siteDir, baseURL ) => {
			execFileSync(
				'php',
				[ path.join( ROOT, 'bin/wp/tamper-token.php' ) ],
				{ cwd: siteDir, env: { ...process.env, WP_URL: baseURL } }
			);
			return {};
		},
		fix: nothing,
	},
	{
		// The refresh token still works, and its new access token lacks the withdrawn scope.
		name: 'scope-removed',
		code: 'insufficient_scope',
		alone: false,
		breakIt: async ( sandbox ) => {
			const state = await control( sandbox, 'GET', '/state' );
			const clients = state.clients as Array< {
				id: string;
				scopes: string[];
			} >;
			const seeded =
				clients.find( ( client ) => client.id === CLIENT.id )?.scopes ??
				[];
			await control( sandbox, 'PATCH', `/clients/${ CLIENT.id }`, {
				scopes: [ 'read:widget' ],
			} );
			await expireHeld( sandbox );
			return { seeded };
		},
		fix: async ( { dialog, tally, sandboxURL, broken } ) => {
			await expect(
				dialog.locator( 'code', { hasText: 'write:knowledge' } )
			).toBeVisible();
			// The person grants the scope in the Causerie dashboard.
			await control( sandboxURL, 'PATCH', `/clients/${ CLIENT.id }`, {
				scopes: broken.seeded,
			} );
			await tally.click(
				dialog.getByRole( 'button', {
					name: 'I granted them: get a new token',
				} )
			);
		},
	},
	{
		// Two causes at once, as the README's recipe makes them: the environment leads, as a new token can't fix it.
		name: 'wrong-environment-and-expired',
		code: 'environment_mismatch',
		alone: false,
		breakIt: async ( sandbox ) => {
			await control( sandbox, 'PATCH', `/clients/${ CLIENT.id }`, {
				environment: 'production',
			} );
			return expireHeld( sandbox );
		},
		fix: async ( { dialog, tally, sandboxURL } ) => {
			// The person creates a client for this (development) environment in the dashboard, with the
			// permissions the site asks for, and copies it.
			const created = await control( sandboxURL, 'POST', '/clients', {
				id: 'wp-development-site',
				secret: 'development-site-secret',
				scopes: [
					'read:widget',
					'write:knowledge',
					'read:conversations',
				],
				environment: 'development',
			} );
			await tally.paste(
				dialog.getByRole( 'textbox', { name: 'Client ID' } ),
				`${ String( created.id ) }:development-site-secret`
			);
			await tally.click(
				dialog.getByRole( 'button', { name: 'Verify and save' } )
			);
		},
	},
	{
		name: 'secret-changed',
		code: 'invalid_client',
		alone: false,
		breakIt: async ( sandbox ) => {
			const regenerated = await control(
				sandbox,
				'POST',
				`/clients/${ CLIENT.id }/secret`,
				{}
			);
			await expireHeld( sandbox );
			return regenerated;
		},
		fix: async ( { dialog, tally, sandboxURL, broken } ) => {
			// The step done in the Causerie dashboard links the page the server publishes for people.
			await expect(
				dialog.getByRole( 'link', {
					name: /Where to find it at Causerie/,
				} )
			).toHaveAttribute( 'href', `${ sandboxURL }/docs/credentials` );
			await tally.paste(
				dialog.getByLabel( 'New client secret' ),
				String( broken.secret )
			);
			await tally.click(
				dialog.getByRole( 'button', { name: 'Verify and save' } )
			);
		},
	},
	{
		name: 'clock-skew',
		code: 'clock_skew',
		warning: true,
		alone: false,
		breakIt: ( sandbox ) =>
			control( sandbox, 'PUT', '/clock', { skewSeconds: 600 } ),
		fix: async ( { dialog, tally, sandboxURL } ) => {
			// Both clocks, and by how much they differ: which one is wrong is for a person to tell.
			await expect( dialog ).toContainText(
				/differ by (9 min 5\d sec|10 min)/
			);
			await expect( dialog ).toContainText( 'Causerie’s time' );
			// The host sets the server's clock right.
			await control( sandboxURL, 'PUT', '/clock', { skewSeconds: 0 } );
			await tally.click(
				dialog.getByRole( 'button', { name: 'Check again' } )
			);
		},
	},
	{
		name: 'api-down',
		code: 'server_error',
		alone: false,
		breakIt: ( sandbox ) =>
			control( sandbox, 'POST', '/faults', {
				endpoint: 'all',
				mode: '503',
				count: 1_000_000,
			} ),
		fix: async ( { dialog, tally, sandboxURL } ) => {
			// The API comes back.
			await control( sandboxURL, 'DELETE', '/faults' );
			await tally.click(
				dialog.getByRole( 'button', { name: 'Check again' } )
			);
		},
	},
];

test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

test.describe( 'Fixing a broken connection through the screen', () => {
	for ( const cause of CAUSES ) {
		test( `${ cause.name }: ${
			cause.healsAlone
				? `the check repairs it alone and the screen names ${ cause.code }`
				: `the dashboard names ${ cause.code } and the wizard fixes it`
		}`, async ( {
			page,
			context,
			baseURL,
			sandboxURL,
			wordpressVersion,
		}, info ) => {
			const site = SITES.find(
				( entry ) => entry.wordpressVersion === wordpressVersion
			);
			const siteDir = path.join(
				ROOT,
				'.cache/sites',
				`e2e-${ site?.suite ?? 'sid' }`
			);
			await logIn( context, baseURL!, 'admin' );
			await heal( page, sandboxURL );
			const title = await titleOf( page, cause.code );
			const broken = await cause.breakIt( sandboxURL, siteDir, baseURL! );
			// The daily health check, run by cron, finds the break; the screen later opens from the state it left,
			// as that check is fresh, without checking again on load.
			runCron( baseURL!, 'causerie_connector_health_check' );

			const tally = new Tally( page );
			// The first admin page after the break: the dashboard, where WordPress lands after logging in.
			await page.goto( DASHBOARD );
			await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
			const notice = page.locator( NOTICE );
			const dialog = page.getByRole( 'dialog', {
				name: 'Fix the connection',
			} );
			if ( cause.healsAlone ) {
				// Nothing for the owner to do: the check replaced the token, and the screen says what was wrong with it.
				await expect( notice ).toHaveCount( 0 );
				await page.goto( SCREEN_PATH );
				const header = page.locator( '.causerie-status' );
				await expect( header ).toContainText( title );
				await expect(
					header.getByRole( 'heading', { name: 'Connected' } )
				).toBeVisible();
				await expect( dialog ).toBeHidden();
				await shot( page, cause.name, wordpressVersion, '5-healed' );
				await expectAccessible( page, `${ cause.name }: healed` );
				await expectHealthyRows( page );
				recordTally(
					info,
					cause.name,
					tally,
					'no click',
					'none (healed)'
				);
				expect( tally.clicks ).toBe( 0 );
				expect( tally.pastes ).toBe( 0 );
				return;
			}
			// The notice names the cause by its title, under the headline of a break or of a warning.
			await expect( notice ).toContainText(
				cause.warning ? NEEDS_ATTENTION : DISCONNECTED
			);
			await expect( notice ).toContainText( title );
			await shot( page, cause.name, wordpressVersion, '0-notice' );
			await expectAccessible(
				page,
				`${ cause.name }: the notice`,
				NOTICE
			);
			await tally.click( notice.getByRole( 'link', { name: 'Fix it' } ) );
			await expect( page ).toHaveURL( /page=causerie-connector#fix$/ );
			await expect( dialog ).toBeVisible();
			await expect(
				dialog.getByRole( 'heading', {
					name: 'Step 1 of 4: What happened',
				} )
			).toBeVisible();
			await expect( dialog ).toContainText( title );
			await shot( page, cause.name, wordpressVersion, '1-what-happened' );
			await expectAccessible( page, `${ cause.name }: what happened` );

			await tally.click(
				dialog.getByRole( 'button', { name: 'Next: fix it' } )
			);
			await expect(
				dialog.getByRole( 'heading', { name: 'Step 2 of 4: Fix' } )
			).toBeFocused();
			await shot( page, cause.name, wordpressVersion, '2-fix' );
			await expectAccessible( page, `${ cause.name }: fix` );
			await cause.fix( { page, dialog, tally, sandboxURL, broken } );

			await expect(
				dialog.getByRole( 'heading', { name: 'Step 4 of 4: Done' } )
			).toBeVisible( { timeout: 30_000 } );
			await expect( dialog ).toContainText( 'All checks pass' );
			if ( cause.done ) {
				await expect( dialog ).toContainText( cause.done );
			}
			await shot( page, cause.name, wordpressVersion, '4-done' );
			await expectAccessible( page, `${ cause.name }: done` );
			// Closing is not part of the fix: the connection is green once Done shows.
			await dialog.getByRole( 'button', { name: 'Finish' } ).click();

			await expect(
				page
					.locator( '.causerie-status' )
					.getByRole( 'heading', { name: 'Connected' } )
			).toBeVisible();
			await shot( page, cause.name, wordpressVersion, '5-green' );
			await expectHealthyRows( page );
			// Fixed: the next admin page is clear, without another check.
			await page.goto( DASHBOARD );
			await expect( page.locator( '#wpbody-content' ) ).toBeVisible();
			await expect( notice ).toHaveCount( 0 );

			recordTally(
				info,
				cause.name,
				tally,
				cause.alone ? '≤ 2 clicks' : '≤ 1 paste, ≤ 3 clicks',
				'yes'
			);
			if ( cause.alone ) {
				expect( tally.clicks ).toBeLessThanOrEqual( 2 );
				expect( tally.pastes ).toBe( 0 );
			} else {
				expect( tally.clicks ).toBeLessThanOrEqual( 3 );
				expect( tally.pastes ).toBeLessThanOrEqual( 1 );
			}
		} );
	}
} );
