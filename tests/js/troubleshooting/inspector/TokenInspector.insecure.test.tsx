// First: it mocks apiFetch and the clock before the modules below load them.
import {
	everythingSent,
	inspectCurrent,
	paste,
	renderInspector,
	requestedPaths,
	resetServer,
	START,
	serve,
	valueOf,
} from './inspector-ui';
import {
	CHECKS_PATH,
	SETTINGS_PATH,
} from '../../../../src/shared/api/connection';
import {
	DIAGNOSES_PATH,
	JWKS_PATH,
} from '../../../../src/shared/api/troubleshooting';
import {
	ISSUER,
	accessToken,
	jwksOf,
	signingKey,
	type SigningKey,
} from './tokens';

const crypto = globalThis.crypto;

/** Replaces WebCrypto as a page that is not a secure context has it: getRandomValues, no subtle. */
function setCrypto( value: unknown ) {
	Object.defineProperty( globalThis, 'crypto', {
		value,
		configurable: true,
		writable: true,
	} );
}

let key: SigningKey;
let token = '';

beforeAll( async () => {
	key = await signingKey( 'RS256', 'current-key' );
	token = await accessToken( key, { issuedAt: START } );
} );

beforeEach( () =>
	setCrypto( { getRandomValues: crypto.getRandomValues.bind( crypto ) } )
);

afterEach( () => {
	setCrypto( crypto );
	resetServer();
} );

describe( 'TokenInspector without WebCrypto (not a secure context)', () => {
	it( 'says so, and decodes a pasted token without verifying or sending it', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector();

		expect(
			await view.findByText( 'Title of secure_context_required' )
		).toBeInTheDocument();
		await paste( view, token );

		expect(
			await view.findByText( 'Signature: not verified in this browser.' )
		).toBeInTheDocument();
		expect( valueOf( view, 'Issuer' ) ).toBe( ISSUER );
		expect( valueOf( view, 'Time left' ) ).toBe( '1 h left' );
		expect(
			view.queryByText( 'This token is valid and fits this site.' )
		).not.toBeInTheDocument();
		expect( requestedPaths().sort() ).toEqual(
			[ DIAGNOSES_PATH, SETTINGS_PATH ].sort()
		);
		expect( everythingSent() ).not.toContain( token.split( '.' )[ 2 ] );
	} );

	it( 'asks the server to check the current token instead', async () => {
		serve( {
			jwks: jwksOf( key ),
			token,
			checks: [
				{
					id: 'token',
					status: 'ok',
					code: '',
					message: '',
					evidence: {},
				},
				{
					id: 'api',
					status: 'error',
					code: 'token_revoked',
					message: 'The access token was revoked.',
					evidence: {},
				},
			],
		} );
		const view = renderInspector();

		await inspectCurrent( view );

		expect(
			await view.findByText( 'Title of token_revoked' )
		).toBeInTheDocument();
		expect(
			view.getByText(
				'Signature: checked by the server, and the token was not accepted.'
			)
		).toBeInTheDocument();
		expect(
			view.getByText( /Causerie accepts the token: Failed/ )
		).toBeInTheDocument();
		expect( requestedPaths() ).toContain( CHECKS_PATH );
		expect( requestedPaths() ).not.toContain( JWKS_PATH );
	} );

	it( 'reports the server’s approval of the current token', async () => {
		serve( {
			jwks: jwksOf( key ),
			token,
			checks: [
				{
					id: 'token',
					status: 'ok',
					code: '',
					message: '',
					evidence: {},
				},
				{
					id: 'api',
					status: 'ok',
					code: '',
					message: '',
					evidence: {},
				},
			],
		} );
		const view = renderInspector();

		await inspectCurrent( view );

		expect(
			await view.findByText(
				'Signature: checked by the server, and Causerie accepted the token.'
			)
		).toBeInTheDocument();
		expect(
			view.getByText( 'This token is valid and fits this site.' )
		).toBeInTheDocument();
	} );
} );
