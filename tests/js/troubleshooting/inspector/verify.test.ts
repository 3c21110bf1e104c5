import { SignJWT, UnsecuredJWT, generateSecret } from 'jose';

import {
	ALLOWED_ALGORITHMS,
	expectationsFor,
	hasSubtleCrypto,
	verifyToken,
} from '../../../../src/troubleshooting/inspector/verify';
import {
	AUDIENCE,
	ISSUER,
	NOW,
	accessClaims,
	accessToken,
	jwksOf,
	signingKey,
	type SigningKey,
} from './tokens';

const EXPECTED = { issuer: ISSUER, audience: AUDIENCE };
const AT_NOW = new Date( NOW * 1000 );

describe( 'verifyToken', () => {
	let rsa: SigningKey;
	let ec: SigningKey;

	beforeAll( async () => {
		rsa = await signingKey( 'RS256' );
		ec = await signingKey( 'ES256' );
	} );

	async function verify( token: string, keys = jwksOf( rsa, ec ) ) {
		return verifyToken( token, keys, EXPECTED, AT_NOW );
	}

	it.each( [ 'RS256', 'ES256' ] as const )(
		'accepts a %s access token signed with a published key',
		async ( alg ) => {
			const key = alg === 'RS256' ? rsa : ec;
			expect( await verify( await accessToken( key ) ) ).toEqual( {
				ok: true,
			} );
		}
	);

	it( 'accepts the long form of the token type', async () => {
		const token = await accessToken( rsa, {
			header: { typ: 'application/at+jwt' },
		} );
		expect( await verify( token ) ).toEqual( { ok: true } );
	} );

	it( 'refuses a token signed with another key under a published kid', async () => {
		const impostor = await signingKey( 'RS256', rsa.kid );
		expect( await verify( await accessToken( impostor ) ) ).toEqual( {
			ok: false,
			code: 'token_signature_invalid',
		} );
	} );

	it( 'names a key the API does not publish (rotated away)', async () => {
		const retired = await signingKey( 'RS256', 'retired-key' );
		expect( await verify( await accessToken( retired ) ) ).toEqual( {
			ok: false,
			code: 'signing_key_unknown',
		} );
	} );

	it( 'tries every published key that fits a token without kid', async () => {
		const second = await signingKey( 'RS256', 'second' );
		const keys = {
			keys: [ rsa.jwk, second.jwk ].map( ( { kid, ...jwk } ) => jwk ),
		};
		const signedBySecond = await accessToken( second, {
			header: { kid: undefined },
		} );
		const stranger = await signingKey( 'RS256', 'stranger' );
		const signedByStranger = await accessToken( stranger, {
			header: { kid: undefined },
		} );

		expect( await verify( signedBySecond, keys ) ).toEqual( { ok: true } );
		expect( await verify( signedByStranger, keys ) ).toEqual( {
			ok: false,
			code: 'token_signature_invalid',
		} );
	} );

	it( 'refuses HS256, even with a valid HMAC', async () => {
		const secret = await generateSecret( 'HS256' );
		const token = await new SignJWT( accessClaims() )
			.setProtectedHeader( { alg: 'HS256', typ: 'at+jwt' } )
			.sign( secret );

		expect( await verify( token ) ).toEqual( {
			ok: false,
			code: 'token_algorithm_not_allowed',
		} );
	} );

	it( 'refuses an unsigned token (alg none)', async () => {
		const token = new UnsecuredJWT( accessClaims() ).encode();

		expect( await verify( token ) ).toEqual( {
			ok: false,
			code: 'token_algorithm_not_allowed',
		} );
	} );

	it( 'allows only public-key algorithms', () => {
		expect( ALLOWED_ALGORITHMS ).toEqual(
			expect.arrayContaining( [ 'RS256', 'ES256' ] )
		);
		for ( const alg of ALLOWED_ALGORITHMS ) {
			expect( alg ).toMatch( /^(RS|PS|ES)\d{3}$/ );
		}
	} );

	it.each( [
		[ 'an expired token', { issuedAt: NOW - 7200 }, 'token_expired' ],
		[
			'a token whose nbf is in the future',
			{ claims: { nbf: NOW + 600 } },
			'token_not_yet_valid',
		],
		[
			'a token from another issuer',
			{ claims: { iss: 'http://localhost:8877' } },
			'token_issuer_mismatch',
		],
		[
			'a token for another audience',
			{ claims: { aud: 'https://api.example.com/v1' } },
			'token_audience_mismatch',
		],
		[
			'a token of another type',
			{ header: { typ: 'JWT' } },
			'token_type_invalid',
		],
		[
			'a token without a type',
			{ header: { typ: undefined } },
			'token_type_invalid',
		],
		[
			'a token without the claims RFC 9068 requires',
			{ claims: { jti: undefined } },
			'token_malformed',
		],
		[
			'a token whose exp is not a number',
			{ claims: { exp: 'tomorrow' } },
			'token_malformed',
		],
	] )( 'diagnoses %s', async ( _case, options, code ) => {
		expect( await verify( await accessToken( rsa, options ) ) ).toEqual( {
			ok: false,
			code,
		} );
	} );

	it( 'tolerates a clock off by less than a minute', async () => {
		const justExpired = await accessToken( rsa, {
			issuedAt: NOW - 3630,
		} );
		const justIssued = await accessToken( rsa, { issuedAt: NOW + 30 } );

		expect( await verify( justExpired ) ).toEqual( { ok: true } );
		expect( await verify( justIssued ) ).toEqual( { ok: true } );
	} );

	it.each( [
		[ 'text that is not a token', 'not a token' ],
		[ 'three segments of garbage', 'not.a.jwt' ],
		[
			'a truncated token',
			'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJpc3MiOi',
		],
	] )( 'diagnoses %s as malformed', async ( _case, token ) => {
		expect( await verify( token ) ).toEqual( {
			ok: false,
			code: 'token_malformed',
		} );
	} );

	it( 'diagnoses a key set that is not one', async () => {
		const token = await accessToken( rsa );
		expect(
			await verify( token, { keys: 'none' } as unknown as ReturnType<
				typeof jwksOf
			> )
		).toEqual( { ok: false, code: 'signing_keys_invalid' } );
	} );

	describe( 'without WebCrypto (not a secure context)', () => {
		const crypto = globalThis.crypto;

		beforeEach( () => {
			Object.defineProperty( globalThis, 'crypto', {
				value: {
					getRandomValues: crypto.getRandomValues.bind( crypto ),
				},
				configurable: true,
				writable: true,
			} );
		} );

		afterEach( () => {
			Object.defineProperty( globalThis, 'crypto', {
				value: crypto,
				configurable: true,
				writable: true,
			} );
		} );

		it( 'says so instead of verifying', async () => {
			expect( hasSubtleCrypto() ).toBe( false );
			expect(
				await verifyToken( 'a.b.c', { keys: [] }, EXPECTED, AT_NOW )
			).toEqual( { ok: false, code: 'secure_context_required' } );
		} );
	} );
} );

describe( 'expectationsFor', () => {
	const server = {
		issuer: 'https://auth.example.test',
		tokenEndpoint: 'https://auth.example.test/token',
		resource: 'https://api.example.test',
		source: 'openid',
		revocation: false,
		introspection: false,
	} as const;

	it( 'takes the configured API URL as issuer and <issuer>/v1 as audience while no server is known', () => {
		expect( expectationsFor( 'http://127.0.0.1:8877/' ) ).toEqual( {
			issuer: 'http://127.0.0.1:8877',
			audience: 'http://127.0.0.1:8877/v1',
		} );
		expect( expectationsFor( 'http://127.0.0.1:8877/', null ) ).toEqual(
			expectationsFor( 'http://127.0.0.1:8877/' )
		);
	} );

	it( 'takes the issuer of the server found, and the API’s resource identifier as audience', () => {
		expect( expectationsFor( 'http://127.0.0.1:8877', server ) ).toEqual( {
			issuer: 'https://auth.example.test',
			audience: 'https://api.example.test',
		} );
		expect(
			expectationsFor( 'http://127.0.0.1:8877', {
				...server,
				resource: null,
			} )
		).toEqual( { issuer: 'https://auth.example.test', audience: null } );
	} );

	it( 'leaves the audience unchecked when there is none to expect', async () => {
		const key = await signingKey( 'RS256' );
		const token = await accessToken( key, {
			claims: { aud: 'https://elsewhere.test' },
		} );

		expect(
			await verifyToken(
				token,
				jwksOf( key ),
				{ issuer: ISSUER, audience: null },
				AT_NOW
			)
		).toEqual( { ok: true } );
		expect(
			await verifyToken( token, jwksOf( key ), EXPECTED, AT_NOW )
		).toEqual( { ok: false, code: 'token_audience_mismatch' } );
	} );
} );
