/**
 * The screen in French: an administrator whose language is French sees the plugin's French strings, reads
 * in French what the plugin repaired by itself, and fixes a regenerated secret through the wizard in French.
 * The expected words are read from the shipped .po, so the spec checks that the translation loads, not a
 * second copy of it.
 */
import {
	CLIENT,
	control,
	expectAccessible,
	heal,
	recordTally,
	rest,
	shot,
	Tally,
} from '../connection';
import { runCron } from '../cron';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { fr } from '../french';

test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

test.describe( 'En français', () => {
	test( 'a French administrator reads a self-repair in French, and fixes a regenerated secret', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
		wordpressVersion,
	}, info ) => {
		// Two flows, each waiting on live checks.
		test.setTimeout( 120_000 );
		// An administrator whose admin language is French (bin/wp/install.php): the others stay in English.
		await logIn( context, baseURL!, 'administrateur' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );

		await page.goto( SCREEN_PATH );
		await expect(
			page.getByRole( 'tab', { name: fr( 'Overview' ), selected: true } )
		).toBeVisible();
		await expect(
			page.getByRole( 'heading', { name: fr( 'Chatbot on your site' ) } )
		).toBeVisible();
		await expect(
			page.getByRole( 'tab', { name: fr( 'Troubleshooting' ) } )
		).toBeVisible();
		// The diagnosis comes from PHP, translated there; the note around it from the admin app.
		const { body } = await rest(
			page,
			'GET',
			// As apiFetch asks: REST answers in the user's language only when told to.
			'/causerie/v1/diagnoses?_locale=user'
		);
		expect( ( body.token_revoked as { title: string } ).title ).toBe(
			fr( 'The access token was revoked.' )
		);
		const header = page.locator( '.causerie-status' );
		await expect( header ).toContainText(
			fr( 'The access token was revoked.' ),
			{ timeout: 30_000 }
		);
		await expect( header ).toContainText(
			fr( 'Repaired on its own: %1$s A new token was obtained at %2$s.' )
				.split( '%1$s' )[ 0 ]
				?.trim() ?? ''
		);
		await shot( page, 'french', wordpressVersion, '0-repaired' );
		await expectAccessible( page, 'French: repaired on its own' );

		// The secret is regenerated in the dashboard, and the token in hand stops working.
		const { secret } = await control(
			sandboxURL,
			'POST',
			`/clients/${ CLIENT.id }/secret`,
			{}
		);
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/expire` );
		// The daily check, run by cron, finds the break: the screen opens from the state it left.
		runCron( baseURL!, 'causerie_connector_health_check' );
		const tally = new Tally( page );
		await page.goto( SCREEN_PATH );
		const dialog = page.getByRole( 'dialog', {
			name: fr( 'Fix the connection' ),
		} );
		await expect( dialog ).toBeVisible( { timeout: 30_000 } );
		await expect( dialog ).toContainText(
			fr(
				'Causerie does not accept this client id and secret. The secret may have been regenerated.'
			)
		);
		await shot( page, 'french', wordpressVersion, '1-what-happened' );
		await expectAccessible( page, 'French: what happened' );

		await tally.click(
			dialog.getByRole( 'button', { name: fr( 'Next: fix it' ) } )
		);
		await tally.paste(
			dialog.getByLabel( fr( 'New client secret' ) ),
			String( secret )
		);
		await tally.click(
			dialog.getByRole( 'button', { name: fr( 'Verify and save' ) } )
		);
		await expect( dialog ).toContainText(
			fr( 'All checks pass: the chatbot is connected.' ),
			{ timeout: 30_000 }
		);
		await shot( page, 'french', wordpressVersion, '4-done' );
		await expectAccessible( page, 'French: done' );
		recordTally(
			info,
			'secret changed (fr_FR)',
			tally,
			'≤ 1 paste, ≤ 3 clicks'
		);
		expect( tally.clicks ).toBeLessThanOrEqual( 3 );
		expect( tally.pastes ).toBe( 1 );
	} );
} );
