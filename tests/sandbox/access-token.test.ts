import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

import {
	call,
	control,
	DEV,
	getToken,
	mint,
	PROD,
	useSandbox,
} from './helpers';

describe( 'access tokens (RFC 9068)', () => {
	const sandbox = useSandbox();
	beforeEach( () => sandbox.fresh() );

	it( 'are JWTs of type at+jwt, signed RS256 with a published kid, with every required claim', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD, {
			scope: 'read:widget',
		} );
		const header = decodeProtectedHeader( token );
		assert.equal( header.typ, 'at+jwt' );
		assert.equal( header.alg, 'RS256' );
		const { payload } = await jwtVerify(
			token,
			createRemoteJWKSet( new URL( sandbox.url() + '/auth/jwks.json' ) ),
			{
				issuer: sandbox.url(),
				audience: sandbox.url() + '/v1',
				typ: 'at+jwt',
				algorithms: [ 'RS256' ],
			}
		);
		assert.equal( payload.sub, PROD.id );
		assert.equal( payload.client_id, PROD.id );
		assert.equal( payload.scope, 'read:widget' );
		assert.equal( payload.environment, 'production' );
		assert.equal( typeof payload.jti, 'string' );
		assert.equal( payload.nbf, payload.iat );
		assert.equal( ( payload.exp ?? 0 ) - ( payload.iat ?? 0 ), 3600 );
	} );

	it( 'can be signed ES256 after a key rotation to that algorithm', async () => {
		await control( sandbox.url(), 'POST', '/keys/rotate', {
			alg: 'ES256',
			keepOld: true,
		} );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		assert.equal( decodeProtectedHeader( token ).alg, 'ES256' );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
	} );

	it( 'still verify after a rotation that keeps the old key, and fail after one that drops it', async () => {
		const { access_token: before } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', '/keys/rotate', {
			keepOld: true,
		} );
		const jwks = ( await (
			await fetch( sandbox.url() + '/auth/jwks.json' )
		).json() ) as { keys: unknown[] };
		assert.equal( jwks.keys.length, 2 );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', before ) ).status,
			200
		);

		await control( sandbox.url(), 'POST', '/keys/rotate', {
			keepOld: false,
		} );
		const response = await call( sandbox.url(), '/v1/me', before );
		assert.equal( response.status, 401 );
		assert.match(
			response.headers.get( 'www-authenticate' ) ?? '',
			/error="invalid_token", error_description="The access token was signed with a key this server does not publish"/
		);
		const { access_token: after } = await getToken( sandbox.url(), PROD );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', after ) ).status,
			200
		);
	} );

	describe( 'are checked on every API call, each failure named in error_description', () => {
		const cases: Array<
			[ string, Record< string, unknown > | string, RegExp ]
		> = [
			[
				'an expired token',
				{ expiresIn: -30 },
				/The access token expired/,
			],
			[
				'a token not valid yet',
				{ issuedIn: 300, expiresIn: 900 },
				/The access token is not valid yet/,
			],
			[
				'another issuer',
				{ issuer: 'https://evil.example' },
				/issuer is not this server/,
			],
			[
				'another audience',
				{ audience: 'https://other.example/v1' },
				/audience is not this API/,
			],
			[ 'a plain JWT type', { typ: 'JWT' }, /type is not at\+jwt/ ],
			[ 'alg none', { sign: 'none' }, /algorithm none is not allowed/ ],
			[
				'HS256 signed with the client secret',
				{ sign: 'hs256' },
				/algorithm HS256 is not allowed/,
			],
			[
				'a signature from another key',
				{ sign: 'foreign-key' },
				/signature is invalid/,
			],
			[
				'a malformed token',
				'not.a.jwt',
				/The access token is malformed/,
			],
		];
		for ( const [ name, request, description ] of cases ) {
			it( `refuses ${ name } with 401 invalid_token`, async () => {
				const token =
					typeof request === 'string'
						? request
						: await mint( sandbox.url(), request );
				const response = await call( sandbox.url(), '/v1/me', token );
				assert.equal( response.status, 401 );
				const challenge =
					response.headers.get( 'www-authenticate' ) ?? '';
				assert.match(
					challenge,
					/^Bearer realm="causerie", error="invalid_token"/
				);
				assert.match( challenge, description );
				assert.match(
					(
						( await response.json() ) as {
							error_description: string;
						}
					 ).error_description,
					description
				);
			} );
		}

		it( 'accepts a minted token with good claims and signature', async () => {
			const token = await mint( sandbox.url(), { clientId: DEV.id } );
			assert.equal(
				( await call( sandbox.url(), '/v1/me', token ) ).status,
				200
			);
		} );
	} );
} );
