import apiFetch from '@wordpress/api-fetch';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../src/App';
import { SITE_PATH } from '../../src/api';
import type { SiteInfo } from '../../src/types';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

const SITE: SiteInfo = {
	pluginVersion: '9.8.7',
	wordpressVersion: '7.1.4',
	phpVersion: '8.2.36',
	environmentType: 'staging',
	multisite: false,
};

function valueOf( term: string ): string | null {
	const row = screen.getByText( term ).closest( 'div' );
	return row ? within( row ).getByRole( 'definition' ).textContent : null;
}

describe( 'App', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'shows the plugin version and environment that the REST route returns', async () => {
		mockedApiFetch.mockResolvedValue( SITE );

		render( <App /> );

		expect( await screen.findByText( '9.8.7' ) ).toBeInTheDocument();
		expect( valueOf( 'Plugin version' ) ).toBe( '9.8.7' );
		expect( valueOf( 'Environment' ) ).toBe( 'Staging' );
		expect( valueOf( 'WordPress' ) ).toBe( '7.1.4' );
		expect( mockedApiFetch ).toHaveBeenCalledWith( { path: SITE_PATH } );
	} );

	it( 'announces loading until the answer arrives', async () => {
		let resolve: ( site: SiteInfo ) => void = () => undefined;
		mockedApiFetch.mockReturnValue(
			new Promise< SiteInfo >( ( r ) => {
				resolve = r;
			} )
		);

		render( <App /> );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent( 'Loading' );

		resolve( SITE );
		expect( await screen.findByText( '9.8.7' ) ).toBeInTheDocument();
		expect( screen.queryByRole( 'status' ) ).not.toBeInTheDocument();
	} );

	it( 'shows the REST error message and recovers when the admin tries again', async () => {
		mockedApiFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message:
					'Sorry, you are not allowed to manage the Causerie connection.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( SITE );

		render( <App /> );

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect( retry.closest( '.components-notice' ) ).toHaveTextContent(
			'Sorry, you are not allowed to manage the Causerie connection.'
		);
		await userEvent.click( retry );

		expect( await screen.findByText( '9.8.7' ) ).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'explains a response that is not a WordPress REST error', async () => {
		mockedApiFetch.mockRejectedValue( new TypeError( 'Failed to fetch' ) );

		render( <App /> );

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		const notice = retry.closest( '.components-notice' );
		expect( notice ).toHaveTextContent(
			/WordPress answered with something unexpected/
		);
		expect( notice ).not.toHaveTextContent( 'Failed to fetch' );
	} );
} );
