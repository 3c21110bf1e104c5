/**
 * The whole story of the chatbot on a site: the owner turns it on, a visitor gets an answer drawn from a synced
 * page and leaves an email, the owner sees the conversation and the lead and gets the lead's email. Then the
 * connection breaks: the bubble goes away for visitors (never broken), the owner is told, fixes it, and the
 * bubble comes back.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import {
	CLIENT,
	control,
	heal,
	recordTally,
	rest,
	Tally,
	titleOf,
} from '../connection';
import { runCron } from '../cron';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { heldOf, publishPage, queueRun } from '../knowledge';
import { siteDirOf } from '../widget';

const NOTICE = '#causerie-connection-notice';
const QUESTION = 'How long does shipping take?';

/**
 * The emails the site sent since a given length of its mail log.
 *
 * @param baseURL The site's address.
 * @param from    The log's length before.
 */
function mailSince(
	baseURL: string,
	from: number
): Array< { to: string | string[]; subject: string; message: string } > {
	const log = path.join( siteDirOf( baseURL ), 'wp-content/mail.log' );
	if ( ! existsSync( log ) ) {
		return [];
	}
	return readFileSync( log, 'utf8' )
		.slice( from )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ) => JSON.parse( line ) );
}

/**
 * The mail log's length now.
 *
 * @param baseURL The site's address.
 */
function mailLength( baseURL: string ): number {
	const log = path.join( siteDirOf( baseURL ), 'wp-content/mail.log' );
	return existsSync( log ) ? readFileSync( log, 'utf8' ).length : 0;
}

/**
 * The chat bubble a visitor sees, inside the widget's shadow root.
 *
 * @param page The visitor's page.
 */
const bubbleOf = ( page: Page ) =>
	page.locator( '#causerie-widget' ).getByRole( 'button', { name: 'Chat' } );

test.describe( 'The chatbot on the site', () => {
	test( 'answers a visitor from a synced page, brings the owner a lead, and hides while the connection is broken', async ( {
		page,
		context,
		browser,
		baseURL,
		sandboxURL,
	}, info ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await control( sandboxURL, 'DELETE', '/conversations' );
		const off = await rest( page, 'PUT', '/causerie/v1/widget', {
			settings: { enabled: false, placement: 'everywhere' },
		} );
		expect( off.status, JSON.stringify( off.body ) ).toBe( 200 );
		const mails = await rest(
			page,
			'PUT',
			'/causerie/v1/leads/notifications',
			{
				mode: 'instant',
				email: 'owner@example.com',
			}
		);
		expect( mails.status, JSON.stringify( mails.body ) ).toBe( 200 );
		// What the chatbot knows: a page of the site, synced.
		const postId = await publishPage(
			page,
			'Shipping and returns',
			'We ship every order within two working days from our workshop in Lyon.'
		);
		await queueRun( page );
		expect( ( await heldOf( sandboxURL, postId ) ).writes ).toBe( 1 );
		const pageUrl = (
			( await (
				await page.request.get( `/wp-json/wp/v2/pages/${ postId }` )
			).json() ) as { link: string }
		 ).link;

		// 1. The owner turns the chatbot on.
		const tally = new Tally( page );
		await page.goto( SCREEN_PATH );
		await tally.click( page.getByRole( 'tab', { name: 'Chatbot' } ) );
		await tally.click(
			page.getByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		);
		await expect(
			page.getByText( 'Visitors see the chatbot.' )
		).toBeVisible( {
			timeout: 15_000,
		} );

		// 2. A visitor opens the home page, asks, and gets the answer with the page's link.
		const visitorContext = await browser.newContext( {
			baseURL: baseURL!,
		} );
		const visitor = await visitorContext.newPage();
		await visitor.goto( '/' );
		await bubbleOf( visitor ).click();
		const question = visitor.getByRole( 'textbox', {
			name: 'Your question',
		} );
		await question.fill( QUESTION );
		await visitor.getByRole( 'button', { name: 'Send' } ).click();
		const log = visitor.locator( '#causerie-widget' ).getByRole( 'log' );
		await expect( log ).toContainText( 'two working days' );
		await expect(
			log.getByRole( 'link', { name: 'Shipping and returns' } )
		).toHaveAttribute( 'href', pageUrl );

		// 3. The visitor leaves an email.
		await question.fill( 'Please write to me at jane@example.com' );
		await visitor.getByRole( 'button', { name: 'Send' } ).click();
		await expect( log ).toContainText( 'jane@example.com' );

		// 4. The lead poll picks it up and emails the owner; the owner sees the conversation and the lead.
		const before = mailLength( baseURL! );
		runCron( baseURL!, 'causerie_connector_lead_poll' );
		const sent = mailSince( baseURL!, before );
		expect( sent.map( ( mail ) => mail.to ).flat() ).toContain(
			'owner@example.com'
		);
		expect( sent.map( ( mail ) => mail.message ).join( '\n' ) ).toContain(
			'jane@example.com'
		);
		// A second poll finds nothing new: each lead once.
		const again = mailLength( baseURL! );
		runCron( baseURL!, 'causerie_connector_lead_poll' );
		expect( mailSince( baseURL!, again ) ).toEqual( [] );

		await tally.click( page.getByRole( 'tab', { name: 'Conversations' } ) );
		const conversations = page.getByRole( 'table', {
			name: /Recent conversations/,
		} );
		const row = conversations.getByRole( 'row' ).filter( {
			hasText: QUESTION,
		} );
		await expect( row ).toBeVisible();
		await expect(
			row.getByRole( 'link', { name: 'Shipping and returns' } )
		).toBeVisible();
		await expect( row ).toContainText( 'Yes' );
		await tally.click( page.getByRole( 'button', { name: 'Leads' } ) );
		await expect(
			page.getByRole( 'table', { name: /Leads/ } )
		).toContainText( 'jane@example.com' );

		// The connection breaks beyond self-repair (the secret changed at Causerie); the cron check finds it.
		const { secret } = await control(
			sandboxURL,
			'POST',
			`/clients/${ CLIENT.id }/secret`,
			{}
		);
		await control( sandboxURL, 'POST', `/clients/${ CLIENT.id }/revoke` );
		runCron( baseURL!, 'causerie_connector_health_check' );
		// Visitors see no bubble, and no error either.
		await visitor.goto( '/' );
		await expect( visitor.locator( 'body' ) ).toBeVisible();
		await expect( visitor.locator( '#causerie-widget' ) ).toHaveCount( 0 );
		expect( await visitor.content() ).not.toContain(
			'causerie-widget-config'
		);
		// The owner is told on the next admin page, and fixes it from there.
		const title = await titleOf( page, 'invalid_client' );
		await page.goto( '/wp-admin/' );
		await expect( page.locator( NOTICE ) ).toContainText( title );
		await tally.click(
			page.locator( NOTICE ).getByRole( 'link', { name: 'Fix it' } )
		);
		const dialog = page.getByRole( 'dialog', {
			name: 'Fix the connection',
		} );
		await tally.click(
			dialog.getByRole( 'button', { name: 'Next: fix it' } )
		);
		await tally.paste(
			dialog.getByLabel( 'New client secret' ),
			String( secret )
		);
		await tally.click(
			dialog.getByRole( 'button', { name: 'Verify and save' } )
		);
		await expect(
			dialog.getByRole( 'heading', { name: 'Step 4 of 4: Done' } )
		).toBeVisible( { timeout: 30_000 } );

		// The bubble is back for visitors.
		await visitor.goto( '/' );
		await expect( bubbleOf( visitor ) ).toBeVisible();
		await visitorContext.close();

		recordTally(
			info,
			'chatbot: on, lead seen, broken and fixed',
			tally,
			'≤ 10 clicks'
		);
		expect( tally.clicks ).toBeLessThanOrEqual( 10 );
		expect( tally.pastes ).toBe( 1 );

		// Leave the site as other specs expect it: the chatbot off, no lead emails.
		await rest( page, 'PUT', '/causerie/v1/widget', {
			settings: { enabled: false },
		} );
		await rest( page, 'PUT', '/causerie/v1/leads/notifications', {
			mode: 'off',
		} );
	} );
} );
