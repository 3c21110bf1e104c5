import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../src/components/CredentialsPanel';
import { SETTINGS_PATH } from '../../../src/api';
import { calls, mockedApiFetch, route, settings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const NOTE =
	/From the network’s settings\. A value saved here applies to this site only\./;

// A site of a network that sets only its own scopes; the rest comes from the network's settings.
const INHERITING = settings( {
	secretHint: '••••',
	scopes: [ 'read:widget' ],
	inherited: {
		clientId: 'network',
		clientSecret: 'network',
		apiUrl: 'network',
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
			screen.getByRole( 'group', { name: 'Permissions (scopes)' } )
		).not.toHaveAccessibleDescription( NOTE );
	} );

	it( 'saves only the field changed, so the others keep following the network', async () => {
		route( {
			[ `GET ${ SETTINGS_PATH }` ]: () => INHERITING,
			[ `POST ${ SETTINGS_PATH }` ]: () => INHERITING,
		} );
		render( <CredentialsPanel /> );
		const user = userEvent.setup();

		await user.click(
			await screen.findByRole( 'checkbox', { name: 'write:knowledge' } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( calls().at( -1 ) ).toEqual( {
				path: SETTINGS_PATH,
				method: 'POST',
				data: {
					environment: 'production',
					scopes: [ 'write:knowledge', 'read:widget' ],
				},
			} )
		);
	} );
} );
