import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { decodeJwt } from 'jose';

import {
	basic,
	call,
	control,
	form,
	getToken,
	mint,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

describe( 'split origins: the authorization server and the protected API apart (RFC 9728)', () => {
	const sandbox = useSandbox( { apiPort: 0 } );
	beforeEach( () => sandbox.fresh() );
	const json = async ( response: Response ) =>
		( await response.json() ) as Json;

	it( 'serves the authorization server on the issuer origin only, and the API on its own', async () => {
		const as = sandbox.url();
		const api = sandbox.apiUrl();
		assert.notEqual( api, as );
		for ( const path of [
			'/.well-known/oauth-authorization-server',
			'/auth/jwks.json',
		] ) {
			assert.equal( ( await fetch( as + path ) ).status, 200, path );
			assert.equal( ( await fetch( api + path ) ).status, 404, path );
		}
		assert.equal(
			( await fetch( api + '/auth/token', { method: 'POST' } ) ).status,
			404
		);
		for ( const path of [
			'/v1/me',
			'/.well-known/oauth-protected-resource/v1',
		] ) {
			assert.equal( ( await fetch( as + path ) ).status, 404, path );
		}
		assert.equal( ( await fetch( api + '/v1/me' ) ).status, 401 );
	} );

	it( 'publishes protected resource metadata on the API origin, naming the issuer', async () => {
		const response = await fetch(
			sandbox.apiUrl() + '/.well-known/oauth-protected-resource/v1'
		);
		const metadata = await json( response );
		assert.equal( metadata.resource, sandbox.apiUrl() + '/v1' );
		assert.deepEqual( metadata.authorization_servers, [ sandbox.url() ] );
		const server = await json(
			await fetch(
				sandbox.url() + '/.well-known/oauth-authorization-server'
			)
		);
		assert.equal( server.issuer, sandbox.url() );
		assert.equal( server.token_endpoint, sandbox.url() + '/auth/token' );
	} );

	it( 'points every Bearer challenge to the API origin metadata', async () => {
		const expected = `resource_metadata="${ sandbox.apiUrl() }/.well-known/oauth-protected-resource/v1"`;
		const bare = await fetch( sandbox.apiUrl() + '/v1/me' );
		assert.ok(
			bare.headers.get( 'www-authenticate' )?.endsWith( expected )
		);
		const refused = await call( sandbox.apiUrl(), '/v1/me', 'not.a.jwt' );
		assert.ok(
			refused.headers.get( 'www-authenticate' )?.endsWith( expected )
		);
	} );

	it( 'issues tokens for the API origin, which accepts them, and introspects that audience', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const claims = decodeJwt( token );
		assert.equal( claims.aud, sandbox.apiUrl() + '/v1' );
		assert.equal( claims.iss, sandbox.url() );
		assert.equal(
			( await call( sandbox.apiUrl(), '/v1/me', token ) ).status,
			200
		);
		const introspection = await json(
			await fetch( sandbox.url() + '/auth/introspect', {
				method: 'POST',
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( { token } ),
			} )
		);
		assert.equal( introspection.aud, sandbox.apiUrl() + '/v1' );
	} );

	it( "refuses a token meant for the issuer origin's /v1", async () => {
		const token = await mint( sandbox.url(), {
			audience: sandbox.url() + '/v1',
		} );
		const response = await call( sandbox.apiUrl(), '/v1/me', token );
		assert.equal( response.status, 401 );
		assert.match(
			String( ( await json( response ) ).error_description ),
			/audience is not this API/
		);
	} );

	it( 'takes the API origin as the RFC 8707 resource', async () => {
		const ask = ( resource: string ) =>
			fetch( sandbox.url() + '/auth/token', {
				method: 'POST',
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( { grant_type: 'client_credentials', resource } ),
			} );
		assert.equal( ( await ask( sandbox.apiUrl() + '/v1' ) ).status, 200 );
		const refused = await ask( sandbox.url() + '/v1' );
		assert.equal( refused.status, 400 );
		assert.equal( ( await json( refused ) ).error, 'invalid_target' );
	} );

	it( 'shares one state between the origins: control API, clock, faults and counters', async () => {
		const state = await json(
			await control( sandbox.apiUrl(), 'GET', '/state' )
		);
		assert.equal( state.issuer, sandbox.url() );
		assert.equal( state.apiUrl, sandbox.apiUrl() );
		assert.equal( state.audience, sandbox.apiUrl() + '/v1' );

		await control( sandbox.apiUrl(), 'PUT', '/clock', {
			skewSeconds: 600,
		} );
		for ( const url of [
			sandbox.url() + '/auth/jwks.json',
			sandbox.apiUrl() + '/v1/me',
		] ) {
			const date = Date.parse(
				( await fetch( url ) ).headers.get( 'date' ) ?? ''
			);
			assert.ok( date - Date.now() > 590_000, url );
		}

		await control( sandbox.url(), 'POST', '/faults', {
			mode: '503',
			count: 2,
		} );
		assert.equal(
			( await fetch( sandbox.url() + '/auth/jwks.json' ) ).status,
			503
		);
		assert.equal(
			( await fetch( sandbox.apiUrl() + '/v1/me' ) ).status,
			503
		);
		assert.equal(
			( await fetch( sandbox.apiUrl() + '/v1/me' ) ).status,
			401
		);

		const counters = await json(
			await control( sandbox.url(), 'GET', '/counters' )
		);
		assert.deepEqual( counters.apiCalls, { 401: 2, 503: 1 } );
		assert.equal( ( counters.requests as Json ).api, 3 );
		assert.equal( ( counters.requests as Json ).jwks, 2 );
	} );

	it( 'adds latency on the API origin too', async () => {
		await control( sandbox.url(), 'PUT', '/latency', {
			endpoint: 'api',
			ms: 300,
		} );
		const start = performance.now();
		await fetch( sandbox.apiUrl() + '/v1/me' );
		assert.ok( performance.now() - start >= 300 );
	} );
} );

describe( 'a single origin, as by default', () => {
	const sandbox = useSandbox();

	it( 'has the API on the issuer origin, with the issuer/v1 resource', async () => {
		assert.equal( sandbox.apiUrl(), sandbox.url() );
		const metadata = ( await (
			await fetch(
				sandbox.url() + '/.well-known/oauth-protected-resource/v1'
			)
		).json() ) as Json;
		assert.equal( metadata.resource, sandbox.url() + '/v1' );
	} );
} );
