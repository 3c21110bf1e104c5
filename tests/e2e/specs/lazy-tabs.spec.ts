/**
 * Tabs that load as chunks of their own: WordPress serves them from the plugin's build folder, and their
 * strings are translated although WordPress loads translations only for the script it enqueued.
 */
import { expect, logIn, SCREEN_PATH, test } from '../fixtures';
import { fr } from '../french';

test.describe( 'Lazily loaded tabs', () => {
	test( 'Troubleshooting and its token inspector arrive when opened, in French for a French administrator', async ( {
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
			page.getByRole( 'tab', { name: fr( 'Troubleshooting' ) } )
		).toBeVisible();
		expect(
			chunks.filter( ( file ) =>
				/\/(token|troubleshooting)\.js$/.test( file )
			)
		).toEqual( [] );

		// Troubleshooting is a chunk, and the token inspector, which bundles jose, another inside it.
		const troubleshooting = page.waitForResponse( ( response ) =>
			new URL( response.url() ).pathname.endsWith(
				'/build/troubleshooting.js'
			)
		);
		await page
			.getByRole( 'tab', { name: fr( 'Troubleshooting' ) } )
			.click();
		expect( ( await troubleshooting ).status() ).toBe( 200 );
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
