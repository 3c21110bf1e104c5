import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsPanel } from '../../../../src/connection/CredentialsPanel';
import { SETTINGS_PATH } from '../../../../src/shared/api/connection';
import type {
	AuthorizationServer,
	Settings,
} from '../../../../src/shared/types';
import { calls, mockedApiFetch, route, settings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const GET = `GET ${ SETTINGS_PATH }`;
const SAVE = `POST ${ SETTINGS_PATH }`;
const ISSUER = 'Authorization server (issuer)';
const TOKEN_ENDPOINT = 'Token endpoint';

async function renderPanel(
	stored: Settings,
	routes: Parameters< typeof route >[ 0 ] = {}
) {
	route( { [ GET ]: () => stored, ...routes } );
	render( <CredentialsPanel /> );
	await screen.findByRole( 'textbox', { name: 'Client ID' } );
	return userEvent.setup();
}

const advanced = () => screen.getByRole( 'button', { name: 'Advanced' } );
const field = ( name: string ) => screen.getByRole( 'textbox', { name } );
const posts = () => calls().filter( ( call ) => call.method === 'POST' );

describe( 'The Advanced section of the credentials form', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'is closed at first, and opens on request to set the issuer, which is saved alone', async () => {
		const user = await renderPanel( settings(), {
			[ SAVE ]: ( { data } ) =>
				settings( { issuer: String( data?.issuer ) } ),
		} );

		expect( advanced() ).toHaveAttribute( 'aria-expanded', 'false' );
		expect(
			screen.queryByRole( 'textbox', { name: ISSUER } )
		).not.toBeInTheDocument();

		await user.click( advanced() );

		expect( advanced() ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( field( ISSUER ) ).toHaveValue( '' );
		expect( field( ISSUER ) ).toHaveAccessibleDescription(
			/Leave empty to find it from the API address\./
		);
		expect( field( TOKEN_ENDPOINT ) ).toHaveAccessibleDescription(
			/Leave empty to find it from the API address\./
		);
		expect(
			screen.getByText( /Only needed for a sign-in service/ )
		).toBeInTheDocument();
		await user.type( field( ISSUER ), 'https://auth.causerie.example' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( posts() ).toEqual( [
				{
					path: SETTINGS_PATH,
					method: 'POST',
					data: {
						environment: 'production',
						issuer: 'https://auth.causerie.example',
					},
				},
			] )
		);
	} );

	it( 'opens by itself when one of its fields has a value', async () => {
		await renderPanel(
			settings( {
				tokenEndpoint: 'https://auth.causerie.example/oauth/token',
			} )
		);

		expect( advanced() ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( field( TOKEN_ENDPOINT ) ).toHaveValue(
			'https://auth.causerie.example/oauth/token'
		);
	} );

	it.each( [
		[
			'issuer',
			'constant',
			ISSUER,
			/Set by the CAUSERIE_ISSUER constant \(or CAUSERIE_PRODUCTION_ISSUER\) in wp-config\.php/,
		],
		[
			'tokenEndpoint',
			'environment',
			TOKEN_ENDPOINT,
			/Set by the CAUSERIE_TOKEN_ENDPOINT environment variable \(or CAUSERIE_PRODUCTION_TOKEN_ENDPOINT\) on the server/,
		],
	] as const )(
		'shows %s, set by a %s, as read-only naming it',
		async ( name, source, label, reason ) => {
			await renderPanel(
				settings( {
					[ name ]: 'https://auth.causerie.example',
					locked: { [ name ]: source },
				} )
			);

			expect( field( label ) ).toBeDisabled();
			expect( field( label ) ).toHaveAccessibleDescription( reason );
		}
	);

	it( 'says when a field comes from the network’s settings', async () => {
		const user = await renderPanel(
			settings( { inherited: { issuer: 'network' } } )
		);

		await user.click( advanced() );

		expect( field( ISSUER ) ).toHaveAccessibleDescription(
			/From the network’s settings\./
		);
	} );

	it( 'checks an address in the browser, but lets it be empty', async () => {
		const user = await renderPanel(
			settings( { issuer: 'https://auth.causerie.example' } ),
			{ [ SAVE ]: () => settings() }
		);

		await user.clear( field( ISSUER ) );
		await user.type( field( TOKEN_ENDPOINT ), 'http://auth.example/token' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( field( TOKEN_ENDPOINT ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( field( TOKEN_ENDPOINT ) ).toHaveAccessibleDescription(
			/must start with https:\/\//
		);
		expect( field( ISSUER ) ).not.toHaveAttribute( 'aria-invalid' );
		expect( posts() ).toEqual( [] );

		await user.clear( field( TOKEN_ENDPOINT ) );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( posts() ).toEqual( [
				{
					path: SETTINGS_PATH,
					method: 'POST',
					data: { environment: 'production', issuer: '' },
				},
			] )
		);
	} );

	it( 'opens again to show the server’s error on its field', async () => {
		const user = await renderPanel( settings(), {
			[ SAVE ]: () => {
				throw {
					code: 'causerie_url_private',
					message:
						'On a production site the API address must not point to a private or internal network address.',
					data: { status: 400, field: 'tokenEndpoint' },
				};
			},
		} );

		await user.click( advanced() );
		await user.type( field( TOKEN_ENDPOINT ), 'https://10.0.0.8/token' );
		await user.click( advanced() );
		expect(
			screen.queryByRole( 'textbox', { name: TOKEN_ENDPOINT } )
		).not.toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( advanced() ).toHaveAttribute( 'aria-expanded', 'true' )
		);
		expect( field( TOKEN_ENDPOINT ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( field( TOKEN_ENDPOINT ) ).toHaveAccessibleDescription(
			/must not point to a private or internal network address/
		);
		expect( field( TOKEN_ENDPOINT ) ).toHaveFocus();
	} );
} );

describe( 'Where the sign-in service was found', () => {
	const server = (
		source: AuthorizationServer[ 'source' ]
	): AuthorizationServer => ( {
		issuer: 'https://auth.causerie.example',
		tokenEndpoint: 'https://auth.causerie.example/token',
		resource: 'https://api.causerie.example',
		source,
		revocation: true,
		introspection: false,
	} );

	it.each( [
		[ 'metadata', 'published by the server' ],
		[ 'openid', 'found by OpenID Connect discovery' ],
		[ 'settings', 'set under Advanced' ],
		[ 'defaults', 'Causerie’s default paths' ],
	] as const )( 'says so for %s', ( source, words ) => {
		render(
			<CredentialsPanel
				initialSettings={ settings() }
				server={ server( source ) }
			/>
		);

		expect(
			screen.getByText(
				`Sign-in service: https://auth.causerie.example (${ words }).`
			)
		).toBeInTheDocument();
	} );

	it( 'says nothing before it is known', () => {
		render(
			<CredentialsPanel initialSettings={ settings() } server={ null } />
		);

		expect(
			screen.getByRole( 'textbox', { name: 'API address' } )
		).toBeInTheDocument();
		expect( screen.queryByText( /Sign-in service:/ ) ).toBeNull();
	} );

	it( 'says nothing on another profile than the one in use', () => {
		render(
			<CredentialsPanel
				initialSettings={ settings( { environment: 'staging' } ) }
				server={ server( 'metadata' ) }
			/>
		);

		expect(
			screen.getByRole( 'textbox', { name: 'API address' } )
		).toBeInTheDocument();
		expect( screen.queryByText( /Sign-in service:/ ) ).toBeNull();
	} );
} );
