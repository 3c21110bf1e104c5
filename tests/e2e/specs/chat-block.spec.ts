/**
 * The chat block: an editor inserts it, sees its preview and sets it to a button, publishes, and a visitor sees
 * the button on the published page, which opens the chat; with the widget placed nowhere by itself (manual),
 * the block alone loads it. With the widget off, the page shows no trace of it.
 */
import { heal } from '../connection';
import { expect, logIn, test } from '../fixtures';
import { openEditor } from '../knowledge';
import { showWidget } from '../widget';

test.describe( 'The chat block', () => {
	test( 'is previewed in the editor and opens the chat on the published page', async ( {
		page,
		context,
		baseURL,
		sandboxURL,
	} ) => {
		await logIn( context, baseURL!, 'admin' );
		await heal( page, sandboxURL );
		await showWidget( baseURL!, sandboxURL, { placement: 'manual' } );

		const canvas = await openEditor(
			page,
			'/wp-admin/post-new.php?post_type=page'
		);
		await canvas
			.getByRole( 'textbox', { name: 'Add title' } )
			.fill( 'Talk to us' );
		await canvas
			.getByRole( 'textbox', { name: 'Add title' } )
			.press( 'Enter' );
		await page.keyboard.type( '/chatbot' );
		await page.getByRole( 'option', { name: 'Chatbot' } ).click();

		const block = canvas.locator( '.wp-block-causerie-chat' );
		await expect( block ).toContainText( 'Chat with the site’s chatbot' );
		await page
			.getByRole( 'combobox', { name: 'Show' } )
			.selectOption( 'button' );
		await page
			.getByRole( 'textbox', { name: 'Button text' } )
			.fill( 'Ask the shop' );
		await expect(
			block.getByRole( 'button', { name: 'Ask the shop' } )
		).toBeVisible();

		await page
			.getByRole( 'region', { name: 'Editor top bar' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await page
			.getByRole( 'region', { name: 'Editor publish' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await expect(
			page
				.getByRole( 'region', { name: 'Editor publish' } )
				.getByText( 'is now live' )
		).toBeVisible();
		const link = await page.evaluate( () =>
			(
				window as unknown as {
					wp: {
						data: {
							select: ( store: string ) => {
								getPermalink: () => string;
							};
						};
					};
				}
			 ).wp.data
				.select( 'core/editor' )
				.getPermalink()
		);

		await context.clearCookies();
		await page.goto( link );
		const button = page.getByRole( 'button', { name: 'Ask the shop' } );
		await expect( button ).toBeVisible();
		// One deferred widget script and its configuration as data, even though the placement is manual.
		await expect( page.locator( 'script[src*="widget.js"]' ) ).toHaveCount(
			1
		);
		await expect(
			page.locator( 'script[src*="widget.js"]' )
		).toHaveAttribute( 'defer', '' );
		await expect(
			page.locator(
				'script#causerie-widget-config[type="application/json"]'
			)
		).toHaveCount( 1 );
		await button.click();
		const chat = page.getByRole( 'dialog', { name: 'Chat' } );
		await expect( chat ).toBeVisible();
		await expect( chat.getByRole( 'log' ) ).not.toBeEmpty();

		await showWidget( baseURL!, sandboxURL, {
			enabled: false,
			placement: 'manual',
		} );
		await page.reload();
		await expect(
			page.getByRole( 'heading', { name: 'Talk to us' } )
		).toBeVisible();
		await expect( button ).toHaveCount( 0 );
		await expect( page.locator( 'script[src*="widget.js"]' ) ).toHaveCount(
			0
		);
		await expect( page.locator( '#causerie-widget-config' ) ).toHaveCount(
			0
		);
	} );
} );
