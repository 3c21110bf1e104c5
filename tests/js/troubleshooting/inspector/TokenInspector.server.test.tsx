import type { AuthorizationServer } from '../../../../src/shared/types';
import {
	inspectCurrent,
	paste,
	renderInspector,
	resetServer,
	START,
	serve,
	valueOf,
} from './inspector-ui';
import { accessToken, jwksOf, signingKey, type SigningKey } from './tokens';

/** A standards-compliant server elsewhere than the API address, as the status names it. */
const SERVER: AuthorizationServer = {
	issuer: 'https://auth.example.test',
	tokenEndpoint: 'https://auth.example.test/oauth/token',
	resource: 'https://api.example.test',
	source: 'metadata',
	revocation: true,
	introspection: false,
};

let key: SigningKey;
let fromServer = '';

beforeAll( async () => {
	key = await signingKey( 'RS256', 'auth-key' );
	fromServer = await accessToken( key, {
		issuedAt: START,
		claims: { iss: SERVER.issuer, aud: SERVER.resource },
	} );
} );

afterEach( () => resetServer() );

describe( 'TokenInspector with the sign-in service the plugin found', () => {
	it( 'expects its issuer, and the API’s resource identifier as the audience', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector( SERVER );

		await paste( view, fromServer );

		expect(
			await view.findByText( 'This token is valid and fits this site.' )
		).toBeInTheDocument();
		const issuerRow = view.getByRole( 'rowheader', { name: /Issuer/ } )
			.parentElement as HTMLElement;
		expect( issuerRow ).toHaveTextContent(
			`${ SERVER.issuer }${ SERVER.issuer }`
		);
		expect( valueOf( view, 'Audience' ) ).toBe( SERVER.resource );
	} );

	it( 'refuses a token from another issuer than the one found', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector( {
			...SERVER,
			issuer: 'https://other.example.test',
		} );

		await paste( view, fromServer );

		expect(
			await view.findByText( 'Title of token_issuer_mismatch' )
		).toBeInTheDocument();
	} );

	it( 'does not check the audience when the API publishes no resource identifier', async () => {
		const anyAudience = await accessToken( key, {
			issuedAt: START,
			claims: { iss: SERVER.issuer, aud: 'https://elsewhere.test' },
		} );
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector( { ...SERVER, resource: null } );

		await paste( view, anyAudience );

		expect(
			await view.findByText( 'This token is valid and fits this site.' )
		).toBeInTheDocument();
	} );

	it( 'says plainly that an opaque token can’t be decoded here, and that the API checks it', async () => {
		serve( {
			jwks: jwksOf( key ),
			format: 'opaque',
			token: 'mF_9.B5f-4.1JqM',
		} );
		const view = renderInspector( SERVER );

		await inspectCurrent( view );

		expect(
			await view.findByText(
				/This token is opaque: it is not a JWT, so its contents can’t be decoded here\. The API checks it/
			)
		).toBeInTheDocument();
		expect(
			view.getByRole( 'heading', { name: 'The token the plugin uses' } )
		).toBeInTheDocument();
		expect( view.queryByRole( 'table' ) ).not.toBeInTheDocument();
		expect( view.queryByText( /Title of/ ) ).not.toBeInTheDocument();
		expect(
			document.querySelector( '.components-notice.is-error' )
		).toBeNull();
	} );
} );
