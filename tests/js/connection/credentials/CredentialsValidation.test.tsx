import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../../src/connection/CredentialsPanel';
import { SETTINGS_PATH } from '../../../../src/shared/api/connection';
import type { Settings } from '../../../../src/shared/types';
import { calls, mockedApiFetch, route, settings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const GET = `GET ${ SETTINGS_PATH }`;
const SAVE = `POST ${ SETTINGS_PATH }`;

async function renderPanel(
	stored: Settings,
	routes: Parameters< typeof route >[ 0 ] = {}
) {
	route( { [ GET ]: () => stored, ...routes } );
	render( <CredentialsPanel /> );
	await screen.findByRole( 'textbox', { name: 'Client ID' } );
	return userEvent.setup();
}

const control = ( label: string ) =>
	label === 'Client secret'
		? screen.getByLabelText( label )
		: screen.getByRole( 'textbox', { name: label } );
const posts = () => calls().filter( ( call ) => call.method === 'POST' );

interface Rule {
	stored?: Partial< Settings >;
	label: string;
	typed: string;
	message: RegExp;
}

const RULES: Record< string, Rule > = {
	'the client ID is required': {
		label: 'Client ID',
		typed: ' ',
		message: /Enter the client ID shown in the Causerie dashboard/,
	},
	'the client ID has only allowed characters': {
		label: 'Client ID',
		typed: 'wp production',
		message: /only letters, digits and the characters/,
	},
	'a secret is required when none is stored': {
		stored: { hasSecret: false, secretHint: '', secretStatus: 'missing' },
		label: 'Client secret',
		typed: '',
		message: /Enter the client secret shown in the Causerie dashboard/,
	},
	'a secret has at least 8 characters': {
		label: 'Client secret',
		typed: 'short',
		message: /8 to 512 characters long/,
	},
	'a secret has no spaces': {
		label: 'Client secret',
		typed: 'has a space inside',
		message: /no spaces or accented letters/,
	},
	'the API address is required': {
		label: 'API address',
		typed: '',
		message: /Enter the API address/,
	},
	'the API address is a full URL': {
		label: 'API address',
		typed: 'api.causerie.example',
		message: /Enter a full address/,
	},
	'the API address uses https': {
		label: 'API address',
		typed: 'http://api.causerie.example',
		message: /must start with https:\/\//,
	},
	'plain http to this computer is for local sites only': {
		label: 'API address',
		typed: 'http://127.0.0.1:8877',
		message: /must start with https:\/\//,
	},
	'the API address holds no user name or password': {
		label: 'API address',
		typed: 'https://wp:secret@api.causerie.example',
		message: /must not contain a user name or password/,
	},
	'the API address has no query string': {
		label: 'API address',
		typed: 'https://api.causerie.example/?key=1',
		message: /must not contain a query string/,
	},
};

describe( 'Credentials validation', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it.each( Object.entries( RULES ) )(
		'%s: the message is attached to the field, and nothing is sent',
		async ( _name, { stored, label, typed, message } ) => {
			const user = await renderPanel( settings( stored ) );

			await user.clear( control( label ) );
			if ( typed !== '' ) {
				await user.type( control( label ), typed );
			}
			await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

			expect( control( label ) ).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			expect( control( label ) ).toHaveAccessibleDescription( message );
			expect( control( label ) ).toHaveFocus();
			expect( posts() ).toEqual( [] );
		}
	);

	it( 'requires at least one permission', async () => {
		const user = await renderPanel( settings() );

		await user.click(
			screen.getByRole( 'checkbox', { name: 'Show the chat widget' } )
		);
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Update the chatbot’s knowledge',
			} )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Test without saving' } )
		);

		expect(
			screen.getByRole( 'group', { name: 'Permissions' } )
		).toHaveAccessibleDescription( 'Choose at least one permission.' );
		expect( posts() ).toEqual( [] );
	} );

	it( 'accepts plain http to this computer on a local site', async () => {
		const user = await renderPanel(
			settings( { environment: 'local', activeEnvironment: 'local' } ),
			{
				[ SAVE ]: ( { data } ) =>
					settings( { apiUrl: String( data?.apiUrl ) } ),
			}
		);

		await user.clear( control( 'API address' ) );
		await user.type( control( 'API address' ), 'http://127.0.0.1:8877' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( control( 'API address' ) ).not.toHaveAttribute(
			'aria-invalid'
		);
		expect( posts() ).toEqual( [
			{
				path: SETTINGS_PATH,
				method: 'POST',
				data: { environment: 'local', apiUrl: 'http://127.0.0.1:8877' },
			},
		] );
	} );

	it( 'clears a field’s message once the admin edits it', async () => {
		const user = await renderPanel( settings() );
		await user.clear( control( 'Client ID' ) );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );
		expect( control( 'Client ID' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);

		await user.type( control( 'Client ID' ), 'w' );

		expect( control( 'Client ID' ) ).not.toHaveAttribute( 'aria-invalid' );
		expect( control( 'Client ID' ) ).not.toHaveAccessibleDescription(
			/Enter the client ID/
		);
	} );

	it( 'puts the messages of core’s schema validation on their fields', async () => {
		const user = await renderPanel( settings(), {
			[ SAVE ]: () => {
				throw {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): clientId, clientSecret',
					data: {
						status: 400,
						params: {
							clientId: 'clientId does not match pattern.',
							clientSecret: '',
						},
						details: {
							clientSecret: {
								code: 'rest_too_long',
								message:
									'clientSecret must be at most 512 characters long.',
								data: null,
							},
						},
					},
				};
			},
		} );

		await user.type( control( 'Client ID' ), '2' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect(
			await screen.findByText( 'clientId does not match pattern.' )
		).toBeInTheDocument();
		expect( control( 'Client ID' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( control( 'Client ID' ) ).toHaveAccessibleDescription(
			/clientId does not match pattern\./
		);
		expect( control( 'Client secret' ) ).toHaveAccessibleDescription(
			/clientSecret must be at most 512 characters long\./
		);
		expect( control( 'Client ID' ) ).toHaveFocus();
	} );

	it( 'puts the plugin’s own field check on its field', async () => {
		const user = await renderPanel( settings(), {
			[ SAVE ]: () => {
				throw {
					code: 'causerie_url_private',
					message:
						'On a production site the API address must not point to a private or internal network address.',
					data: { status: 400, field: 'apiUrl' },
				};
			},
		} );

		await user.clear( control( 'API address' ) );
		await user.type( control( 'API address' ), 'https://10.0.0.8' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect(
			await screen.findByText( /must not point to a private/ )
		).toBeInTheDocument();
		expect( control( 'API address' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( control( 'API address' ) ).toHaveAccessibleDescription(
			/must not point to a private or internal network address/
		);
	} );

	it( 'shows an error about the request as a whole above the fields', async () => {
		const user = await renderPanel( settings(), {
			[ SAVE ]: () => {
				throw {
					code: 'causerie_nothing_to_save',
					message: 'Send at least one setting to change.',
					data: { status: 400, field: '' },
				};
			},
		} );

		await user.type( control( 'Client ID' ), '2' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		const form = screen.getByRole( 'form', {
			name: 'Production credentials',
		} );
		expect(
			await within( form ).findByText(
				'Send at least one setting to change.',
				{
					selector: '.components-notice p',
				}
			)
		).toBeInTheDocument();
		expect( within( form ).getByRole( 'status' ) ).toHaveTextContent(
			'Not saved: Send at least one setting to change.'
		);
	} );
} );
