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
import { within } from '@testing-library/react';

import { SETTINGS_PATH } from '../../../../src/shared/api/connection';
import {
	DIAGNOSES_PATH,
	JWKS_PATH,
	TOKEN_PATH,
} from '../../../../src/shared/api/troubleshooting';
import { TEXTS } from './fixtures';
import {
	ISSUER,
	accessToken,
	jwksOf,
	signingKey,
	type SigningKey,
} from './tokens';

let key: SigningKey;
const tokens = { valid: '', expired: '', narrow: '' };

beforeAll( async () => {
	key = await signingKey( 'RS256', 'current-key' );
	tokens.valid = await accessToken( key, { issuedAt: START - 60 } );
	tokens.expired = await accessToken( key, { issuedAt: START - 7200 } );
	tokens.narrow = await accessToken( key, {
		issuedAt: START,
		claims: { scope: 'read:widget', environment: 'production' },
	} );
} );

afterEach( () => {
	resetServer();
} );

describe( 'TokenInspector', () => {
	it( 'shows the claims of a pasted token, verified, without sending it to the server', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector();

		await paste( view, tokens.valid );

		expect(
			await view.findByRole( 'heading', { name: 'The pasted token' } )
		).toBeInTheDocument();
		expect(
			view.getByText( 'This token is valid and fits this site.' )
		).toBeInTheDocument();
		expect( valueOf( view, 'Signature algorithm' ) ).toBe( 'RS256' );
		expect( valueOf( view, 'Signing key' ) ).toBe( 'current-key' );
		expect( valueOf( view, 'Token type' ) ).toBe( 'at+jwt' );
		expect( valueOf( view, 'Issuer' ) ).toBe( ISSUER );
		expect( valueOf( view, 'Audience' ) ).toBe( `${ ISSUER }/v1` );
		expect( valueOf( view, 'Environment' ) ).toBe( 'development' );
		expect( valueOf( view, 'Time left' ) ).toBe( '59 min left' );
		const scopes = view.getByRole( 'table', {
			name: 'Scopes the plugin needs',
		} );
		expect(
			within( scopes ).getByRole( 'row', {
				name: 'write:knowledge Granted',
			} )
		).toBeInTheDocument();

		const [ , payload, signature ] = tokens.valid.split( '.' );
		expect( everythingSent() ).not.toContain( payload );
		expect( everythingSent() ).not.toContain( signature );
		expect( requestedPaths().sort() ).toEqual(
			[ DIAGNOSES_PATH, JWKS_PATH, SETTINGS_PATH ].sort()
		);
	} );

	it( 'explains an expired token in the server’s words, never jose’s', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector();

		await paste( view, tokens.expired );

		expect(
			await view.findByText( 'Title of token_expired' )
		).toBeInTheDocument();
		expect( view.getByText( 'Fix token_expired.' ) ).toBeInTheDocument();
		expect(
			view.getByText( 'Signature and claims: refused.' )
		).toBeInTheDocument();
		expect( document.body ).not.toHaveTextContent( /check failed/ );
		expect( valueOf( view, 'Time left' ) ).toBe( 'expired 1 h ago' );
	} );

	it( 'diagnoses a token signed with a key the API does not publish', async () => {
		serve( { jwks: jwksOf( await signingKey( 'ES256', 'new-key' ) ) } );
		const view = renderInspector();

		await paste( view, tokens.valid );

		expect(
			await view.findByText( 'Title of signing_key_unknown' )
		).toBeInTheDocument();
		expect(
			view.queryByText( 'This token is valid and fits this site.' )
		).not.toBeInTheDocument();
		// Once, after asking the server to fetch the keys again for that kid.
		expect(
			requestedPaths().filter( ( path ) => path.startsWith( JWKS_PATH ) )
		).toEqual( [ JWKS_PATH, `${ JWKS_PATH }?kid=current-key` ] );
	} );

	it( 'finds a key rotated in since the server cached the keys, by asking for its kid', async () => {
		serve( {
			jwks: jwksOf( await signingKey( 'ES256', 'old-key' ) ),
			freshJwks: jwksOf( key ),
		} );
		const view = renderInspector();

		await paste( view, tokens.valid );

		expect(
			await view.findByText( 'This token is valid and fits this site.' )
		).toBeInTheDocument();
		expect( requestedPaths() ).toContain(
			`${ JWKS_PATH }?kid=current-key`
		);
	} );

	it( 'names missing scopes and another environment', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector();

		await paste( view, tokens.narrow );

		expect(
			await view.findByText( 'Title of insufficient_scope' )
		).toBeInTheDocument();
		expect(
			view.getByText( 'Title of environment_mismatch' )
		).toBeInTheDocument();
		const scopes = view.getByRole( 'table', {
			name: 'Scopes the plugin needs',
		} );
		expect(
			within( scopes ).getByRole( 'row', {
				name: 'write:knowledge Missing',
			} )
		).toBeInTheDocument();
		expect(
			within( scopes ).getByRole( 'row', { name: 'read:widget Granted' } )
		).toBeInTheDocument();
	} );

	it( 'calls text that is not a token malformed, without asking the server anything', async () => {
		serve( { jwks: jwksOf( key ) } );
		const view = renderInspector();

		await paste( view, 'not.a.jwt' );

		expect(
			await view.findByText( 'Title of token_malformed' )
		).toBeInTheDocument();
		expect( view.queryByRole( 'table' ) ).not.toBeInTheDocument();
		expect( requestedPaths() ).toEqual( [ DIAGNOSES_PATH ] );
	} );

	it( 'refuses a pasted token over 16 KB with a clear message, without decoding it', async () => {
		serve( { jwks: jwksOf( key ) } );
		const large = await accessToken( key, {
			issuedAt: START,
			claims: { padding: 'x'.repeat( 16 * 1024 ) },
		} );
		const view = renderInspector();

		await paste( view, large );

		expect(
			await view.findByText(
				'This token is larger than 16 KB, so it was not decoded. An access token is much smaller: check that only the token was copied.'
			)
		).toBeInTheDocument();
		expect(
			view.getByRole( 'heading', { name: 'The pasted token' } )
		).toBeInTheDocument();
		expect( view.queryByRole( 'table' ) ).not.toBeInTheDocument();
		expect( requestedPaths() ).toEqual( [ DIAGNOSES_PATH ] );
	} );

	it( 'fetches and verifies the current token only on request', async () => {
		serve( { jwks: jwksOf( key ), token: tokens.valid } );
		const view = renderInspector();
		expect( requestedPaths() ).not.toContain(
			`${ TOKEN_PATH }?reveal=true`
		);

		await inspectCurrent( view );

		expect(
			await view.findByRole( 'heading', {
				name: 'The token the plugin uses',
			} )
		).toBeInTheDocument();
		expect(
			view.getByText(
				'Signature: verified in this browser with the keys Causerie publishes.'
			)
		).toBeInTheDocument();
		expect( requestedPaths() ).toContain( `${ TOKEN_PATH }?reveal=true` );
	} );

	it( 'shows the server’s diagnosis when the keys can’t be fetched', async () => {
		serve( {
			jwks: jwksOf( key ),
			jwksError: {
				code: 'causerie_jwks_unavailable',
				message: 'The API did not answer in time.',
				data: {
					status: 502,
					diagnosis: {
						code: 'timeout',
						...TEXTS.timeout,
						evidence: {},
					},
				},
			},
		} );
		const view = renderInspector();

		await paste( view, tokens.valid );

		expect(
			await view.findByText( 'Title of timeout' )
		).toBeInTheDocument();
		expect( view.getByText( 'Fix timeout.' ) ).toBeInTheDocument();
	} );

	// The server reads the token it holds and never gets one for the inspector: without one, it says why.
	it.each( [ 'not_configured', 'no_token', 'renewal_in_progress' ] as const )(
		'explains why there is no current token: %s',
		async ( code ) => {
			serve( {
				jwks: jwksOf( key ),
				tokenError: {
					code: 'causerie_token_unavailable',
					message: `Title of ${ code }`,
					data: {
						status: 409,
						diagnosis: { code, ...TEXTS[ code ], evidence: {} },
					},
				},
			} );
			const view = renderInspector();

			await inspectCurrent( view );

			expect(
				await view.findByText( `Title of ${ code }` )
			).toBeInTheDocument();
			expect( view.getByText( `Fix ${ code }.` ) ).toBeInTheDocument();
		}
	);

	it( 'shows a REST error without diagnosis as WordPress words it', async () => {
		serve( {
			jwks: jwksOf( key ),
			tokenError: {
				code: 'rest_cookie_invalid_nonce',
				message: 'The link you followed has expired.',
				data: { status: 403 },
			},
		} );
		const view = renderInspector();

		await inspectCurrent( view );

		expect(
			await view.findByText( 'The link you followed has expired.' )
		).toBeInTheDocument();
		expect(
			view.queryByRole( 'heading', { name: 'The token the plugin uses' } )
		).not.toBeInTheDocument();
	} );
} );
