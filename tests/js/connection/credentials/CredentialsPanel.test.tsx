import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../../src/connection/CredentialsPanel';
import { SETTINGS_PATH } from '../../../../src/shared/api/connection';
import type { Settings } from '../../../../src/shared/types';
import { SETTINGS, calls, mockedApiFetch, route, settings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const GET = `GET ${ SETTINGS_PATH }`;
const SAVE = `POST ${ SETTINGS_PATH }`;

async function renderPanel(
	stored: Settings = SETTINGS,
	routes: Parameters< typeof route >[ 0 ] = {},
	onSaved = jest.fn()
) {
	route( { [ GET ]: () => stored, ...routes } );
	render( <CredentialsPanel onSaved={ onSaved } /> );
	await screen.findByRole( 'textbox', { name: 'Client ID' } );
	return { onSaved, user: userEvent.setup() };
}

const field = ( name: string ) => screen.getByRole( 'textbox', { name } );
// Password inputs have no role; their label still names them.
const secretField = () => screen.getByLabelText( 'Client secret' );
const save = () => screen.getByRole( 'button', { name: 'Save' } );

describe( 'CredentialsPanel', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'shows the stored values but never the secret, only its masked hint', async () => {
		await renderPanel();

		expect( field( 'Client ID' ) ).toHaveValue( 'wp-production' );
		expect( field( 'API address' ) ).toHaveValue(
			'https://api.causerie.example'
		);
		expect( secretField() ).toHaveValue( '' );
		expect( secretField() ).toHaveAttribute( 'type', 'password' );
		expect( secretField() ).toHaveAttribute( 'placeholder', '••••••••' );
		expect( secretField() ).toHaveAccessibleDescription(
			/A secret is saved \(fingerprint 3f9a1c\)\. Leave this empty to keep it/
		);
		expect(
			screen.getByRole( 'checkbox', { name: 'Show the chat widget' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'checkbox', { name: 'Read conversations' } )
		).not.toBeChecked();
	} );

	it( 'says which credentials the site uses as it runs now, and names WP_ENVIRONMENT_TYPE only in small print', async () => {
		await renderPanel();

		const profile = screen.getByRole( 'combobox', {
			name: 'Credentials used when this site runs as',
		} );
		expect( profile ).toHaveValue( 'production' );
		expect(
			within( profile ).getByRole( 'option', {
				name: 'Production (as it runs now)',
			} )
		).toBeInTheDocument();
		expect( profile ).toHaveAccessibleDescription(
			/^This site runs as Production, so these are the credentials in use\./
		);
		expect(
			screen.getByText( /WP_ENVIRONMENT_TYPE/, { selector: 'small' } )
		).toHaveTextContent( '(now: production)' );
		expect( screen.queryByText( /Environment profile/ ) ).toBeNull();
	} );

	it( 'loads another profile when it is chosen, and says it is saved without a check', async () => {
		const { user } = await renderPanel( SETTINGS, {
			[ `${ GET }?environment=staging` ]: () =>
				settings( {
					environment: 'staging',
					clientId: 'wp-staging',
					hasSecret: false,
					secretHint: '',
					secretStatus: 'missing',
				} ),
		} );

		await user.selectOptions(
			screen.getByRole( 'combobox', {
				name: 'Credentials used when this site runs as',
			} ),
			'staging'
		);

		await waitFor( () =>
			expect( field( 'Client ID' ) ).toHaveValue( 'wp-staging' )
		);
		expect(
			screen.getByRole( 'combobox', {
				name: 'Credentials used when this site runs as',
			} )
		).toHaveAccessibleDescription( /saved without a check/ );
		expect( secretField() ).not.toHaveAttribute(
			'placeholder',
			'••••••••'
		);
	} );

	it.each( [
		[
			'clientId',
			'constant',
			'Client ID',
			/Set by the CAUSERIE_CLIENT_ID constant \(or CAUSERIE_PRODUCTION_CLIENT_ID\) in wp-config\.php/,
		],
		[
			'apiUrl',
			'environment',
			'API address',
			/Set by the CAUSERIE_API_URL environment variable \(or CAUSERIE_PRODUCTION_API_URL\) on the server/,
		],
	] as const )(
		'shows %s, set by a %s, as read-only with the reason',
		async ( name, source, label, reason ) => {
			await renderPanel( settings( { locked: { [ name ]: source } } ) );

			expect( field( label ) ).toBeDisabled();
			expect( field( label ) ).toHaveAccessibleDescription( reason );
		}
	);

	it( 'shows a locked secret and locked scopes as read-only, and never sends locked fields', async () => {
		const { user } = await renderPanel(
			settings( {
				locked: { clientSecret: 'constant', scopes: 'constant' },
			} ),
			{
				[ SAVE ]: ( { data } ) =>
					settings( { clientId: String( data?.clientId ) } ),
			}
		);

		expect( secretField() ).toBeDisabled();
		expect( secretField() ).toHaveAccessibleDescription(
			/CAUSERIE_CLIENT_SECRET constant/
		);
		expect(
			screen.getByRole( 'checkbox', { name: 'Show the chat widget' } )
		).toBeDisabled();
		expect(
			screen.getByRole( 'group', { name: 'Permissions' } )
		).toHaveAccessibleDescription( /CAUSERIE_SCOPES constant/ );

		await user.clear( field( 'Client ID' ) );
		await user.type( field( 'Client ID' ), 'wp-other' );
		await user.click( save() );

		await waitFor( () =>
			expect( calls().at( -1 ) ).toEqual( {
				path: SETTINGS_PATH,
				method: 'POST',
				data: { environment: 'production', clientId: 'wp-other' },
			} )
		);
	} );

	it( 'warns that the encryption key changed and asks for the secret again', async () => {
		const { user } = await renderPanel(
			settings( { secretStatus: 'key_changed' } )
		);

		expect(
			screen.getByText(
				'The encryption key changed: enter the client secret again.'
			)
		).toBeInTheDocument();
		expect( secretField() ).not.toHaveAttribute(
			'placeholder',
			'••••••••'
		);

		await user.click( save() );

		expect( secretField() ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( secretField() ).toHaveAccessibleDescription(
			/Enter the client secret shown in the Causerie dashboard/
		);
		expect( secretField() ).toHaveFocus();
		expect( calls().filter( ( c ) => c.method === 'POST' ) ).toEqual( [] );
	} );

	it( 'says a secret copied from another site or setting must be entered again', async () => {
		await renderPanel( settings( { secretStatus: 'copied' } ) );

		expect(
			screen.getByText(
				'The saved client secret was copied from elsewhere: enter it again.'
			)
		).toBeInTheDocument();
		expect( secretField() ).toHaveAccessibleDescription(
			/copied from another site or setting/
		);
	} );

	it( 'paints settings the page already has without a request', () => {
		render( <CredentialsPanel initialSettings={ SETTINGS } /> );

		expect( field( 'Client ID' ) ).toHaveValue( 'wp-production' );
		expect( screen.queryByText( /Loading/ ) ).not.toBeInTheDocument();
		expect( mockedApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'says why the settings could not be loaded, and loads them on a retry', async () => {
		mockedApiFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message:
					'Sorry, you are not allowed to manage the Causerie connection.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( SETTINGS );
		render( <CredentialsPanel /> );

		expect(
			await screen.findByText(
				'Sorry, you are not allowed to manage the Causerie connection.'
			)
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);

		expect(
			await screen.findByRole( 'textbox', { name: 'Client ID' } )
		).toHaveValue( 'wp-production' );
	} );
} );
