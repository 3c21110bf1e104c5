import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { SecretReplaceForm } from '../../../src/components/credentials/SecretReplaceForm';
import { SETTINGS_PATH, SETTINGS_VERIFY_PATH } from '../../../src/api';
import {
	INVALID_CLIENT,
	calls,
	mockedApiFetch,
	route,
	settings,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const SAVE = `POST ${ SETTINGS_PATH }`;
const VERIFY = `POST ${ SETTINGS_VERIFY_PATH }`;
const NEW_SECRET = 'n3w-s3cret-from-the-dashboard';
const ACCEPTED = { verified: true, scopes: [ 'read:widget' ], expiresIn: 3600 };

function renderForm( routes: Parameters< typeof route >[ 0 ] ) {
	route( routes );
	const onVerified = jest.fn();
	render(
		<SecretReplaceForm environment="staging" onVerified={ onVerified } />
	);
	return { onVerified, user: userEvent.setup() };
}

const secretField = () => screen.getByLabelText( 'New client secret' );
const submit = () =>
	screen.getByRole( 'button', { name: 'Verify and replace' } );

describe( 'SecretReplaceForm', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'verifies the pasted secret first, and only then replaces the stored one', async () => {
		const saved = settings( {
			environment: 'staging',
			secretHint: '••••oard',
		} );
		const { user, onVerified } = renderForm( {
			[ VERIFY ]: () => ACCEPTED,
			[ SAVE ]: () => saved,
		} );

		expect( secretField() ).toHaveValue( '' );
		await user.type( secretField(), NEW_SECRET );
		await user.click( submit() );

		await waitFor( () =>
			expect( onVerified ).toHaveBeenCalledWith( saved )
		);
		expect( calls() ).toEqual( [
			{
				path: SETTINGS_VERIFY_PATH,
				method: 'POST',
				data: { environment: 'staging', clientSecret: NEW_SECRET },
			},
			{
				path: SETTINGS_PATH,
				method: 'POST',
				data: { environment: 'staging', clientSecret: NEW_SECRET },
			},
		] );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Causerie accepted the new secret, and it replaced the old one.'
		);
		expect( secretField() ).toHaveValue( '' );
	} );

	it( 'shows the diagnosis of a refused secret and never saves it', async () => {
		const save = jest.fn();
		const { user, onVerified } = renderForm( {
			[ VERIFY ]: () => {
				throw INVALID_CLIENT;
			},
			[ SAVE ]: save,
		} );

		await user.type( secretField(), NEW_SECRET );
		await user.click( submit() );

		expect(
			await screen.findByRole( 'heading', {
				name: 'Causerie refused the client ID and secret',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'The old secret is still the one in use.' )
		).toBeInTheDocument();
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'The new secret was not saved.'
		);
		expect( save ).not.toHaveBeenCalled();
		expect( onVerified ).not.toHaveBeenCalled();
		expect( secretField() ).toHaveValue( NEW_SECRET );
	} );

	it( 'asks for a secret before sending anything', async () => {
		const { user } = renderForm( {} );

		await user.click( submit() );

		expect( secretField() ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( secretField() ).toHaveAccessibleDescription(
			/Enter the client secret shown in the Causerie dashboard/
		);
		expect( secretField() ).toHaveFocus();
		expect( calls() ).toEqual( [] );
	} );

	it( 'puts a server refusal of the value on the field', async () => {
		const { user } = renderForm( {
			[ VERIFY ]: () => {
				throw {
					code: 'causerie_field_locked',
					message:
						'The clientSecret setting is set in wp-config.php or the server environment, and can only be changed there.',
					data: { status: 400, field: 'clientSecret' },
				};
			},
		} );

		await user.type( secretField(), NEW_SECRET );
		await user.click( submit() );

		await waitFor( () =>
			expect( secretField() ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( secretField() ).toHaveAccessibleDescription(
			/can only be changed there/
		);
	} );
} );
