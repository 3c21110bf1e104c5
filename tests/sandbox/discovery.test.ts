import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import {
	call,
	control,
	getToken,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

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
		assert.equal(
			metadata.service_documentation,
			sandbox.url() + '/docs/credentials'
		);
	} );

	it( 'serves the page its metadata names as service_documentation, saying where the client id and secret come from', async () => {
		const metadata = ( await (
			await fetch(
				sandbox.url() + '/.well-known/oauth-authorization-server'
			)
		).json() ) as { service_documentation: string };
		const response = await fetch( metadata.service_documentation );
		assert.equal( response.status, 200 );
		assert.match(
			response.headers.get( 'content-type' ) ?? '',
			/^text\/html/
		);
		const page = await response.text();
		assert.match( page, /<h1>Your Causerie client ID and secret<\/h1>/ );
		assert.match( page, /<code>wp-development<\/code>/ );
		assert.match( page, /<code>sandbox-development-secret<\/code>/ );
		assert.doesNotMatch( page, /<script/i );
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

describe( 'discovery modes: OpenID Connect discovery only, or no metadata at all', () => {
	const sandbox = useSandbox();
	const WELL_KNOWN = {
		oauth: '/.well-known/oauth-authorization-server',
		openid: '/.well-known/openid-configuration',
		resource: '/.well-known/oauth-protected-resource/v1',
	};
	const get = ( path: string ) => fetch( sandbox.url() + path );
	const setMetadata = ( metadata: string ) =>
		control( sandbox.url(), 'PUT', '/modes', { metadata } );
	beforeEach( () => sandbox.fresh() );

	it( 'serves no OpenID document while RFC 8414 metadata is published', async () => {
		assert.equal( ( await get( WELL_KNOWN.openid ) ).status, 404 );
	} );

	it( 'serves the same document as OpenID Connect discovery only, in the openid mode', async () => {
		const published = await ( await get( WELL_KNOWN.oauth ) ).json();
		await setMetadata( 'openid' );
		assert.equal( ( await get( WELL_KNOWN.oauth ) ).status, 404 );
		const openid = await get( WELL_KNOWN.openid );
		assert.equal( openid.status, 200 );
		assert.deepEqual( await openid.json(), published );
		assert.equal( ( await get( WELL_KNOWN.resource ) ).status, 200 );
	} );

	it( 'publishes nothing in the none mode, while the default endpoint paths still work', async () => {
		await setMetadata( 'none' );
		for ( const path of Object.values( WELL_KNOWN ) ) {
			assert.equal( ( await get( path ) ).status, 404, path );
		}
		assert.equal( ( await get( '/auth/jwks.json' ) ).status, 200 );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
		// Nothing published: the challenge has no resource_metadata to point to.
		const bare = await get( '/v1/me' );
		assert.equal(
			bare.headers.get( 'www-authenticate' ),
			'Bearer realm="causerie"'
		);
		const counters = ( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as { requests: Json };
		assert.equal( counters.requests.metadata, 3, 'the 404s are counted' );
	} );

	it( 'brings the metadata back when the mode changes back', async () => {
		await setMetadata( 'none' );
		await setMetadata( 'published' );
		assert.equal( ( await get( WELL_KNOWN.oauth ) ).status, 200 );
		assert.match(
			( await get( '/v1/me' ) ).headers.get( 'www-authenticate' ) ?? '',
			/resource_metadata=/
		);
	} );
} );
