/**
 * The Chatbot tab in a real WordPress against the sandbox API: its code arrives as a chunk of its own when the
 * tab first opens, and the owner turns the chatbot on from it, which registers the site with Causerie.
 */
import { expectAccessible, heal, rest } from '../connection';
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';

test.describe( 'The Chatbot tab', () => {
	test( 'turns the chatbot on, and says that visitors see it', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		const off = await rest( page, 'PUT', '/causerie/v1/widget', {
			settings: { enabled: false },
		} );
		expect( off.status, JSON.stringify( off.body ) ).toBe( 200 );

		const chunk = page.waitForResponse( ( response ) =>
			new URL( response.url() ).pathname.endsWith( '/build/chatbot.js' )
		);
		await page.goto( SCREEN_PATH );
		await page.getByRole( 'tab', { name: 'Chatbot' } ).click();
		expect( ( await chunk ).status() ).toBe( 200 );

		const toggle = page.getByRole( 'checkbox', {
			name: 'Show the chatbot on the site',
		} );
		await expect( toggle ).not.toBeChecked();
		await expect(
			page.getByText( 'Visitors do not see the chatbot.' )
		).toBeVisible();
		await toggle.click();

		await expect(
			page.getByText( 'Visitors see the chatbot.' )
		).toBeVisible( { timeout: 30_000 } );
		await expect( toggle ).toBeChecked();
		await expect(
			page.getByRole( 'link', { name: /View the site/ } )
		).toHaveAttribute( 'href', new RegExp( `^${ baseURL }/?$` ) );
		await expectAccessible( page, 'Chatbot tab: on' );

		// What the server holds, not only what the tab shows.
		const { body } = await rest( page, 'GET', '/causerie/v1/widget' );
		expect( body.state ).toBe( 'on' );
		await page.goto( `${ SCREEN_PATH }#chatbot` );
		await expect( toggle ).toBeChecked();

		await toggle.click();
		await expect(
			page.getByText( 'Visitors do not see the chatbot.' )
		).toBeVisible();
	} );
} );
