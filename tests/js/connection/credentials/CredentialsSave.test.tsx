import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../../src/connection/CredentialsPanel';
import {
	SETTINGS_PATH,
	SETTINGS_VERIFY_PATH,
} from '../../../../src/shared/api/connection';
import {
	INVALID_CLIENT,
	SETTINGS,
	calls,
	mockedApiFetch,
	route,
	settings,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const GET = `GET ${ SETTINGS_PATH }`;
const SAVE = `POST ${ SETTINGS_PATH }`;
const VERIFY = `POST ${ SETTINGS_VERIFY_PATH }`;
const NEW_SECRET = 'n3w-s3cret-from-the-dashboard';

async function renderPanel( routes: Parameters< typeof route >[ 0 ] ) {
	const onSaved = jest.fn();
	route( { [ GET ]: () => SETTINGS, ...routes } );
	render( <CredentialsPanel onSaved={ onSaved } /> );
	await screen.findByRole( 'textbox', { name: 'Client ID' } );
	return { onSaved, user: userEvent.setup() };
}

const field = ( name: string ) => screen.getByRole( 'textbox', { name } );
const secretField = () => screen.getByLabelText( 'Client secret' );
const liveRegion = () =>
	within(
		screen.getByRole( 'form', { name: 'Production credentials' } )
	).getByRole( 'status' );
const posts = () => calls().filter( ( call ) => call.method === 'POST' );

describe( 'Saving and testing credentials', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'sends only what changed, then shows success, empties the secret and tells the screen', async () => {
		const saved = settings( { secretHint: '0a1b2c' } );
		let finish: ( value: unknown ) => void = () => undefined;
		const { user, onSaved } = await renderPanel( {
			[ SAVE ]: () =>
				new Promise( ( resolve ) => {
					finish = resolve;
				} ),
		} );

		await user.type( secretField(), NEW_SECRET );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( liveRegion() ).toHaveTextContent(
			'Checking the credentials with Causerie…'
		);
		expect( posts() ).toEqual( [
			{
				path: SETTINGS_PATH,
				method: 'POST',
				data: { environment: 'production', clientSecret: NEW_SECRET },
			},
		] );

		finish( saved );

		await waitFor( () =>
			expect( liveRegion() ).toHaveTextContent(
				'Saved. Causerie accepted the credentials, and they are now in use.'
			)
		);
		expect( secretField() ).toHaveValue( '' );
		expect( secretField() ).toHaveAttribute( 'placeholder', '••••••••' );
		expect( secretField() ).toHaveAccessibleDescription(
			/A secret is saved \(fingerprint 0a1b2c\)/
		);
		expect( onSaved ).toHaveBeenCalledWith( saved );
	} );

	it( 'leaves the form as typed and shows the diagnosis when the API refuses', async () => {
		const { user, onSaved } = await renderPanel( {
			[ SAVE ]: () => {
				throw INVALID_CLIENT;
			},
		} );

		await user.clear( field( 'Client ID' ) );
		await user.type( field( 'Client ID' ), 'wp-typo' );
		await user.type( secretField(), NEW_SECRET );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		const title = await screen.findByRole( 'heading', {
			name: 'Causerie refused the client ID and secret',
		} );
		const notice = title.closest( '.components-notice' ) as HTMLElement;
		expect( notice ).toHaveTextContent(
			'Nothing was saved: the credentials in use are unchanged.'
		);
		expect( notice ).toHaveTextContent(
			'The secret was probably regenerated in the dashboard.'
		);
		expect(
			within( notice )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent )
		).toEqual( INVALID_CLIENT.data.diagnosis.steps );
		expect( liveRegion() ).toHaveTextContent(
			'Not saved: Causerie refused the client ID and secret'
		);
		expect( field( 'Client ID' ) ).toHaveValue( 'wp-typo' );
		expect( secretField() ).toHaveValue( NEW_SECRET );
		expect( onSaved ).not.toHaveBeenCalled();
	} );

	it( 'tests the whole candidate on the verify route, without saving', async () => {
		const { user, onSaved } = await renderPanel( {
			[ VERIFY ]: () => ( {
				verified: true,
				scopes: [ 'read:widget' ],
				expiresIn: 3600,
			} ),
		} );

		await user.type( secretField(), NEW_SECRET );
		await user.click(
			screen.getByRole( 'button', { name: 'Test without saving' } )
		);

		await waitFor( () =>
			expect( liveRegion() ).toHaveTextContent(
				'Causerie accepted these credentials. Nothing was saved.'
			)
		);
		expect( posts() ).toEqual( [
			{
				path: SETTINGS_VERIFY_PATH,
				method: 'POST',
				data: {
					environment: 'production',
					clientId: 'wp-production',
					clientSecret: NEW_SECRET,
					apiUrl: 'https://api.causerie.example',
					// Empty: found from the API address, as the form shows.
					issuer: '',
					tokenEndpoint: '',
					scopes: [ 'write:knowledge', 'read:widget' ],
				},
			},
		] );
		expect(
			screen.getByText( /Not granted, but needed by the plugin/ )
				.nextElementSibling
		).toHaveTextContent(
			'Update the chatbot’s knowledge (write:knowledge)'
		);
		expect( secretField() ).toHaveValue( NEW_SECRET );
		expect( onSaved ).not.toHaveBeenCalled();
	} );

	it( 'shows the diagnosis of a failed test, and saves nothing', async () => {
		const { user } = await renderPanel( {
			[ VERIFY ]: () => {
				throw INVALID_CLIENT;
			},
		} );

		await user.click(
			screen.getByRole( 'button', { name: 'Test without saving' } )
		);

		const title = await screen.findByRole( 'heading', {
			name: 'Causerie refused the client ID and secret',
		} );
		expect( title.closest( '.components-notice' ) ).toHaveTextContent(
			'Nothing was saved.'
		);
		expect( liveRegion() ).toHaveTextContent(
			'The test failed: Causerie refused the client ID and secret'
		);
		expect( posts().map( ( call ) => call.path ) ).toEqual( [
			SETTINGS_VERIFY_PATH,
		] );
	} );

	it( 'says there is nothing to save when no field changed, without a request', async () => {
		const { user } = await renderPanel( {} );

		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( liveRegion() ).toHaveTextContent(
			'Nothing to save: no field was changed.'
		);
		expect( posts() ).toEqual( [] );
	} );
} );
