/**
 * Tabs that load as chunks of their own: WordPress serves them from the plugin's build folder, and their
 * strings are translated although WordPress loads translations only for the script it enqueued.
 */
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { fr } from '../french';

test.describe( 'Lazily loaded tabs', () => {
	test( 'the token inspector arrives when its tab opens, in French for a French administrator', async ( {
		page,
		context,
		baseURL,
	} ) => {
		await logIn( context, baseURL!, 'administrateur' );
		const chunks: string[] = [];
		page.on( 'response', ( response ) => {
			if ( /\/build\/[^/]+\.js/.test( response.url() ) ) {
				chunks.push( new URL( response.url() ).pathname );
			}
		} );

		await page.goto( SCREEN_PATH );
		await expect(
			page.getByRole( 'tab', { name: fr( 'Token inspector' ) } )
		).toBeVisible();
		expect( chunks.some( ( file ) => file.endsWith( '/token.js' ) ) ).toBe(
			false
		);

		const chunk = page.waitForResponse( ( response ) =>
			new URL( response.url() ).pathname.endsWith( '/build/token.js' )
		);
		await page
			.getByRole( 'tab', { name: fr( 'Token inspector' ) } )
			.click();
		expect( ( await chunk ).status() ).toBe( 200 );
		await expect(
			page.getByRole( 'button', {
				name: fr( 'Inspect the current token' ),
			} )
		).toBeVisible();
	} );
} );
