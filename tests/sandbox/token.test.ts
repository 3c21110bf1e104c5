import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { decodeJwt } from 'jose';

import {
	basic,
	control,
	form,
	getToken,
	PROD,
	useSandbox,
	type Json,
	errorOf,
	postToken,
} from './helpers';

describe( 'token endpoint (RFC 6749)', () => {
	const sandbox = useSandbox();
	const token = ( init: RequestInit ) => postToken( sandbox.url(), init );
	const error = errorOf;
	beforeEach( () => sandbox.fresh() );

	describe( 'client credentials grant', () => {
		it( 'issues a bearer token that must not be cached (§5.1)', async () => {
			const response = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( {
					grant_type: 'client_credentials',
					scope: 'read:widget',
				} ),
			} );
			assert.equal( response.status, 200 );
			assert.equal( response.headers.get( 'cache-control' ), 'no-store' );
			assert.equal( response.headers.get( 'pragma' ), 'no-cache' );
			const body = ( await response.json() ) as Json;
			assert.equal( body.token_type, 'Bearer' );
			assert.equal( body.expires_in, 3600 );
			assert.equal( body.scope, 'read:widget' );
			assert.equal(
				body.refresh_token,
				undefined,
				'wp-production is not configured for refresh tokens'
			);
		} );

		it( 'grants every scope of the client when none is asked for', async () => {
			const body = await getToken( sandbox.url(), PROD );
			assert.equal(
				body.scope,
				'read:conversations write:knowledge read:widget'
			);
		} );

		it( "honours each client's token lifetime", async () => {
			await control( sandbox.url(), 'POST', '/clients', {
				id: 'short',
				secret: 's',
				scopes: [ 'read:widget' ],
				environment: 'staging',
				tokenLifetime: 120,
			} );
			const body = await getToken( sandbox.url(), {
				id: 'short',
				secret: 's',
			} );
			const claims = decodeJwt( body.access_token );
			assert.equal( body.expires_in, 120 );
			assert.equal( ( claims.exp ?? 0 ) - ( claims.iat ?? 0 ), 120 );
		} );

		it( 'refuses a scope parameter that names no scope, and grants a repeated scope once', async () => {
			const blank = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( {
					grant_type: 'client_credentials',
					scope: '   ',
				} ),
			} );
			assert.equal( await error( blank ), 'invalid_scope' );
			const repeated = await getToken( sandbox.url(), PROD, {
				scope: 'read:widget read:widget',
			} );
			assert.equal( repeated.scope, 'read:widget' );
		} );

		it( 'refuses a scope the client was not given, and an unknown scope', async () => {
			const limited = {
				id: 'wp-widget-only',
				secret: 'sandbox-widget-only-secret',
			};
			for ( const scope of [ 'write:knowledge', 'admin:everything' ] ) {
				const response = await token( {
					headers: {
						authorization: basic( limited.id, limited.secret ),
					},
					body: form( { grant_type: 'client_credentials', scope } ),
				} );
				assert.equal( response.status, 400, scope );
				assert.equal( await error( response ), 'invalid_scope', scope );
			}
		} );
	} );

	describe( 'client authentication (§2.3)', () => {
		it( 'decodes Basic credentials that were form-urlencoded before base64 (§2.3.1)', async () => {
			const secret = 'p@ss word+/:&=é';
			await control( sandbox.url(), 'POST', '/clients', {
				id: 'odd.id_1',
				secret,
				scopes: [ 'read:widget' ],
				environment: 'staging',
			} );
			const encoded = await token( {
				headers: { authorization: basic( 'odd.id_1', secret ) },
				body: form( { grant_type: 'client_credentials' } ),
			} );
			assert.equal( encoded.status, 200 );
			// Without the form-urlencoding, "+" reads as a space and the secret no longer matches.
			const raw = await token( {
				headers: {
					authorization:
						'Basic ' +
						Buffer.from( `odd.id_1:${ secret }` ).toString(
							'base64'
						),
				},
				body: form( { grant_type: 'client_credentials' } ),
			} );
			assert.equal( raw.status, 401 );
		} );

		it( 'accepts the secret in a form body (client_secret_post)', async () => {
			const response = await token( {
				body: form( {
					grant_type: 'client_credentials',
					client_id: PROD.id,
					client_secret: PROD.secret,
				} ),
			} );
			assert.equal( response.status, 200 );
		} );

		it( "accepts the JSON body of Causerie's public guide", async () => {
			const response = await token( {
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( {
					grant_type: 'client_credentials',
					client_id: PROD.id,
					client_secret: PROD.secret,
				} ),
			} );
			assert.equal( response.status, 200 );
		} );

		it( 'refuses more than one authentication method in a request', async () => {
			const response = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( {
					grant_type: 'client_credentials',
					client_id: PROD.id,
					client_secret: PROD.secret,
				} ),
			} );
			assert.equal( response.status, 400 );
			assert.equal( await error( response ), 'invalid_request' );
		} );

		it( 'answers a wrong Basic secret with 401 invalid_client and a Basic challenge', async () => {
			const response = await token( {
				headers: { authorization: basic( PROD.id, 'wrong' ) },
				body: form( { grant_type: 'client_credentials' } ),
			} );
			assert.equal( response.status, 401 );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				/^Basic realm="causerie"/
			);
			assert.equal( await error( response ), 'invalid_client' );
		} );

		it( 'answers a wrong posted secret with 401 invalid_client, with the challenge HTTP requires on a 401', async () => {
			const response = await token( {
				body: form( {
					grant_type: 'client_credentials',
					client_id: PROD.id,
					client_secret: 'wrong',
				} ),
			} );
			assert.equal( response.status, 401 );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				/^Basic /
			);
			assert.equal( await error( response ), 'invalid_client' );
		} );

		it( 'treats a parameter sent without a value as omitted (§3.2)', async () => {
			const response = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( { grant_type: 'client_credentials', scope: '' } ),
			} );
			assert.equal(
				( ( await response.json() ) as Json ).scope,
				'read:conversations write:knowledge read:widget'
			);
		} );

		it( 'refuses methods the server was told not to accept, and stops advertising them', async () => {
			await control( sandbox.url(), 'PUT', '/auth-methods', {
				methods: [ 'client_secret_post' ],
			} );
			const metadata = ( await (
				await fetch(
					sandbox.url() + '/.well-known/oauth-authorization-server'
				)
			).json() ) as Json;
			assert.deepEqual( metadata.token_endpoint_auth_methods_supported, [
				'client_secret_post',
			] );
			const viaBasic = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( { grant_type: 'client_credentials' } ),
			} );
			assert.equal( viaBasic.status, 401 );
			const viaPost = await token( {
				body: form( {
					grant_type: 'client_credentials',
					client_id: PROD.id,
					client_secret: PROD.secret,
				} ),
			} );
			assert.equal( viaPost.status, 200 );
		} );
	} );

	describe( 'malformed requests (§5.2)', () => {
		const cases: Array< [ string, RequestInit, string ] > = [
			[
				'no grant_type',
				{
					body: form( {
						client_id: PROD.id,
						client_secret: PROD.secret,
					} ),
				},
				'invalid_request',
			],
			[
				'an unknown grant type',
				{
					body: form( {
						grant_type: 'password',
						client_id: PROD.id,
						client_secret: PROD.secret,
					} ),
				},
				'unsupported_grant_type',
			],
			[
				'a repeated parameter',
				{
					body: `grant_type=client_credentials&scope=read:widget&scope=write:knowledge&client_id=${ PROD.id }&client_secret=${ PROD.secret }`,
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
					},
				},
				'invalid_request',
			],
			[
				'a text/plain body',
				{
					body: 'grant_type=client_credentials',
					headers: { 'content-type': 'text/plain' },
				},
				'invalid_request',
			],
			[
				'broken JSON',
				{
					body: '{"grant_type":',
					headers: { 'content-type': 'application/json' },
				},
				'invalid_request',
			],
		];
		for ( const [ name, init, expected ] of cases ) {
			it( `answers ${ name } with 400 ${ expected }`, async () => {
				const response = await token( init );
				assert.equal( response.status, 400 );
				assert.equal(
					response.headers.get( 'cache-control' ),
					'no-store'
				);
				assert.equal( await error( response ), expected );
			} );
		}
	} );
} );
