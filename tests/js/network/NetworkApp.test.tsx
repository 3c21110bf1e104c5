import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { NETWORK_SETTINGS_PATH } from '../../../src/shared/api/connection';
import type { NetworkSiteSync } from '../../../src/shared/types';
import { NetworkApp } from '../../../src/network/NetworkApp';
import {
	calls,
	mockedApiFetch,
	route,
	settings,
} from '../connection/credentials/fixtures';

jest.mock( '@wordpress/api-fetch' );

const NETWORK = settings( { clientId: 'wp-network', secretHint: '3f9a1c' } );
const SITES: NetworkSiteSync[] = [
	{
		site: 1,
		name: 'Main site',
		url: 'http://example.test/',
		synced: 3,
		total: 4,
		pending: 1,
		failed: 0,
		pause: null,
	},
	{
		site: 2,
		name: '',
		url: 'http://example.test/second/',
		synced: 0,
		total: 2,
		pending: 0,
		failed: 2,
		pause: { code: 'quota_exceeded', title: 'The plan’s quota is used up' },
	},
];

function renderApp() {
	render( <NetworkApp initial={ { settings: NETWORK, sites: SITES } } /> );
	return userEvent.setup();
}

describe( 'The network screen, the app in its network mode', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'shows the network’s credentials from the preloaded answer, without asking again', () => {
		renderApp();

		expect(
			screen.getByText(
				/Every site of the network uses these credentials/
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'textbox', { name: 'Client ID' } )
		).toHaveValue( 'wp-network' );
		expect( mockedApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'saves through the network’s route, which verifies before saving, and offers no test of its own', async () => {
		const saved = settings( { clientId: 'wp-network-2' } );
		route( { [ `POST ${ NETWORK_SETTINGS_PATH }` ]: () => saved } );
		const user = renderApp();

		expect(
			screen.queryByRole( 'button', { name: 'Test without saving' } )
		).not.toBeInTheDocument();
		const clientId = screen.getByRole( 'textbox', { name: 'Client ID' } );
		await user.clear( clientId );
		await user.type( clientId, 'wp-network-2' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect(
				within(
					screen.getByRole( 'form', {
						name: 'Production credentials',
					} )
				).getByRole( 'status' )
			).toHaveTextContent(
				'Saved. Causerie accepted the credentials, and they are now in use.'
			)
		);
		expect( calls() ).toEqual( [
			{
				path: NETWORK_SETTINGS_PATH,
				method: 'POST',
				data: { environment: 'production', clientId: 'wp-network-2' },
			},
		] );
	} );

	it( 'reads another profile from the network’s route', async () => {
		route( {
			[ `GET ${ NETWORK_SETTINGS_PATH }?environment=staging` ]: () =>
				settings( { environment: 'staging', clientId: 'wp-staging' } ),
		} );
		const user = renderApp();

		await user.selectOptions(
			screen.getByRole( 'combobox', {
				name: 'Credentials the network’s sites use when they run as',
			} ),
			'staging'
		);

		expect(
			await screen.findByDisplayValue( 'wp-staging' )
		).toBeInTheDocument();
	} );

	it( 'words the profile for the network’s sites, never as “this site”', () => {
		renderApp();

		expect(
			screen.getByRole( 'combobox', {
				name: 'Credentials the network’s sites use when they run as',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText( /The network’s sites run as Production/ )
		).toBeInTheDocument();
		expect( document.body ).not.toHaveTextContent( /this site/i );
	} );

	it( 'lists each site’s knowledge sync, and what pauses it', () => {
		renderApp();

		const table = screen.getByRole( 'table' );
		const rows = within( table ).getAllByRole( 'row' ).slice( 1 );
		expect( rows.map( ( row ) => row.textContent ) ).toEqual( [
			'Main site3 of 410Nothing',
			'http://example.test/second/0 of 202The plan’s quota is used up',
		] );
		expect(
			within( table ).getByRole( 'link', { name: 'Main site' } )
		).toHaveAttribute( 'href', 'http://example.test/' );
		// The plain words only: the code is for support, not for the network's administrator.
		expect( table ).not.toHaveTextContent( 'quota_exceeded' );
	} );
} );
