import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { useSandbox } from './helpers';

describe( 'discovery (RFC 8414, RFC 9728) and JWKS', () => {
	const sandbox = useSandbox();
	beforeEach( () => sandbox.fresh() );

	it( 'publishes authorization server metadata whose issuer is its own base URL', async () => {
		const response = await fetch(
			sandbox.url() + '/.well-known/oauth-authorization-server'
		);
		assert.equal( response.status, 200 );
		assert.match(
			response.headers.get( 'content-type' ) ?? '',
			/^application\/json/
		);
		const metadata = ( await response.json() ) as Record< string, unknown >;
		assert.equal( metadata.issuer, sandbox.url() );
		for ( const [ field, path ] of [
			[ 'token_endpoint', '/auth/token' ],
			[ 'jwks_uri', '/auth/jwks.json' ],
			[ 'revocation_endpoint', '/auth/revoke' ],
			[ 'introspection_endpoint', '/auth/introspect' ],
		] as const ) {
			assert.equal( metadata[ field ], sandbox.url() + path, field );
		}
		assert.deepEqual( metadata.grant_types_supported, [
			'client_credentials',
			'refresh_token',
		] );
		assert.deepEqual( metadata.scopes_supported, [
			'read:conversations',
			'write:knowledge',
			'read:widget',
		] );
		assert.ok(
			(
				metadata.token_endpoint_auth_methods_supported as string[]
			 ).includes( 'client_secret_basic' )
		);
	} );

	it( 'publishes the protected resource metadata that names the audience of its tokens', async () => {
		const response = await fetch(
			sandbox.url() + '/.well-known/oauth-protected-resource/v1'
		);
		assert.equal( response.status, 200 );
		assert.deepEqual( await response.json(), {
			resource: sandbox.url() + '/v1',
			authorization_servers: [ sandbox.url() ],
			scopes_supported: [
				'read:conversations',
				'write:knowledge',
				'read:widget',
			],
			bearer_methods_supported: [ 'header' ],
		} );
	} );

	it( 'serves public signing keys only, each with kid, alg and use', async () => {
		const response = await fetch( sandbox.url() + '/auth/jwks.json' );
		const { keys } = ( await response.json() ) as {
			keys: Array< Record< string, string > >;
		};
		assert.equal( keys.length, 1 );
		const [ key ] = keys;
		assert.equal( key?.kty, 'RSA' );
		assert.equal( key?.alg, 'RS256' );
		assert.equal( key?.use, 'sig' );
		assert.ok( key?.kid );
		for ( const privatePart of [ 'd', 'p', 'q', 'dp', 'dq', 'qi' ] ) {
			assert.equal(
				key?.[ privatePart ],
				undefined,
				`private member ${ privatePart } published`
			);
		}
	} );

	it( 'sends a Date header on every kind of response', async () => {
		const responses = await Promise.all( [
			fetch( sandbox.url() + '/.well-known/oauth-authorization-server' ),
			fetch( sandbox.url() + '/auth/jwks.json' ),
			fetch( sandbox.url() + '/auth/token', { method: 'POST' } ),
			fetch( sandbox.url() + '/v1/me' ),
			fetch( sandbox.url() + '/no/such/path' ),
		] );
		for ( const response of responses ) {
			const date = Date.parse( response.headers.get( 'date' ) ?? '' );
			assert.ok(
				Math.abs( date - Date.now() ) < 5000,
				`${ response.url } Date ${ response.headers.get( 'date' ) }`
			);
		}
	} );
} );
