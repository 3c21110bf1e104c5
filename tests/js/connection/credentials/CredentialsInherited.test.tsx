import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../../src/connection/CredentialsPanel';
import { SETTINGS_PATH } from '../../../../src/shared/api/connection';
import { calls, mockedApiFetch, route, settings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const NOTE =
	/From the network’s settings\. A value saved here applies to this site only\./;

const SCOPES_NOTE =
	/a site that uses the network’s client secret uses its permissions too/;

// A site of a network that sets nothing of its own: with the network's secret come the network's scopes.
const INHERITING = settings( {
	secretHint: '',
	inherited: {
		clientId: 'network',
		clientSecret: 'network',
		apiUrl: 'network',
		scopes: 'network',
	},
} );

describe( 'CredentialsPanel on a site of a network', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'says which fields come from the network, and only those', async () => {
		route( { [ `GET ${ SETTINGS_PATH }` ]: () => INHERITING } );
		render( <CredentialsPanel /> );

		const clientId = await screen.findByRole( 'textbox', {
			name: 'Client ID',
		} );
		expect( clientId ).toHaveAccessibleDescription( NOTE );
		expect(
			screen.getByRole( 'textbox', { name: 'API address' } )
		).toHaveAccessibleDescription( NOTE );
		expect(
			screen.getByLabelText( 'Client secret' )
		).toHaveAccessibleDescription( NOTE );
		expect(
			screen.getByRole( 'group', { name: 'Permissions' } )
		).toHaveAccessibleDescription( SCOPES_NOTE );
	} );

	it( 'shows no fingerprint of the network’s secret', async () => {
		route( { [ `GET ${ SETTINGS_PATH }` ]: () => INHERITING } );
		render( <CredentialsPanel /> );

		expect(
			await screen.findByLabelText( 'Client secret' )
		).toHaveAccessibleDescription(
			/^A secret is saved\. Leave this empty to keep it/
		);
	} );

	it( 'saves only the field changed, so the others keep following the network', async () => {
		route( {
			[ `GET ${ SETTINGS_PATH }` ]: () => INHERITING,
			[ `POST ${ SETTINGS_PATH }` ]: () => INHERITING,
		} );
		render( <CredentialsPanel /> );
		const user = userEvent.setup();

		const clientId = await screen.findByRole( 'textbox', {
			name: 'Client ID',
		} );
		await user.clear( clientId );
		await user.type( clientId, 'wp-this-site' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( calls().at( -1 ) ).toEqual( {
				path: SETTINGS_PATH,
				method: 'POST',
				data: {
					environment: 'production',
					clientId: 'wp-this-site',
				},
			} )
		);
	} );
} );
