import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { decodeJwt } from 'jose';

import {
	basic,
	call,
	control,
	DEV,
	form,
	getToken,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

const DEFAULTS = {
	metadata: 'published',
	metadataOverrides: null,
	refreshTokens: 'per-client',
	tokenLifetime: null,
	expiresIn: 'sent',
	scopeInResponse: 'sent',
	nbfClaim: true,
	environmentClaim: true,
	tokenFormat: 'jwt',
	revocation: 'rfc7009',
};

describe( 'modes: the control routes', () => {
	const sandbox = useSandbox();
	const put = ( body: unknown ) =>
		control( sandbox.url(), 'PUT', '/modes', body );
	beforeEach( () => sandbox.fresh() );

	it( 'shows the default modes in /modes and /state', async () => {
		const modes = await control( sandbox.url(), 'GET', '/modes' );
		assert.deepEqual( await modes.json(), DEFAULTS );
		const state = ( await (
			await control( sandbox.url(), 'GET', '/state' )
		).json() ) as Json;
		assert.deepEqual( state.modes, DEFAULTS );
	} );

	it( 'changes some modes and answers all of them', async () => {
		const response = await put( {
			tokenFormat: 'opaque',
			tokenLifetime: 45,
		} );
		assert.equal( response.status, 200 );
		assert.deepEqual( await response.json(), {
			...DEFAULTS,
			tokenFormat: 'opaque',
			tokenLifetime: 45,
		} );
		const again = await put( { tokenLifetime: null } );
		assert.deepEqual( await again.json(), {
			...DEFAULTS,
			tokenFormat: 'opaque',
		} );
	} );

	const invalid: Array< [ string, unknown ] > = [
		[ 'an unknown mode', { colour: 'red' } ],
		[ 'an unknown value', { metadata: 'hidden' } ],
		[ 'a boolean as a string', { nbfClaim: 'false' } ],
		[ 'a lifetime as a string', { tokenLifetime: '30' } ],
		[ 'a lifetime of zero', { tokenLifetime: 0 } ],
		[ 'a fractional lifetime', { tokenLifetime: 1.5 } ],
		[
			'an override of a field that is not an endpoint',
			{ metadataOverrides: { grant_types_supported: 'x' } },
		],
		[
			'an override that is not a string',
			{ metadataOverrides: { token_endpoint: 9 } },
		],
		[ 'no object', [ 'opaque' ] ],
	];
	for ( const [ name, body ] of invalid ) {
		it( `refuses ${ name } with 400 invalid_request and changes nothing`, async () => {
			const response = await put( body );
			assert.equal( response.status, 400 );
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'invalid_request'
			);
			assert.deepEqual(
				await (
					await control( sandbox.url(), 'GET', '/modes' )
				).json(),
				DEFAULTS
			);
		} );
	}

	it( 'serves hostile metadata overrides in both metadata forms until they are cleared', async () => {
		const hostile = {
			token_endpoint: 'http://127.0.0.1:9/auth/token',
			jwks_uri: 'https://169.254.169.254/keys',
		};
		const read = async ( path: string ) =>
			( await ( await fetch( sandbox.url() + path ) ).json() ) as Json;
		assert.equal(
			( await put( { metadataOverrides: hostile } ) ).status,
			200
		);
		const published = await read(
			'/.well-known/oauth-authorization-server'
		);
		assert.equal( published.token_endpoint, hostile.token_endpoint );
		assert.equal( published.jwks_uri, hostile.jwks_uri );
		assert.equal( published.issuer, sandbox.url() );
		await put( { metadata: 'openid' } );
		const openid = await read( '/.well-known/openid-configuration' );
		assert.equal( openid.token_endpoint, hostile.token_endpoint );
		await put( { metadata: 'published', metadataOverrides: null } );
		assert.equal(
			( await read( '/.well-known/oauth-authorization-server' ) )
				.token_endpoint,
			sandbox.url() + '/auth/token'
		);
	} );

	it( 'puts the modes back on a configuration reset', async () => {
		await put( { metadata: 'none', revocation: 'refuse-jwt' } );
		await control( sandbox.url(), 'POST', '/reset' );
		assert.deepEqual(
			await ( await control( sandbox.url(), 'GET', '/modes' ) ).json(),
			DEFAULTS
		);
	} );
} );

describe( 'modes: what the token endpoint answers', () => {
	const sandbox = useSandbox();
	const setModes = ( body: Json ) =>
		control( sandbox.url(), 'PUT', '/modes', body );
	const refresh = async ( refreshToken: string, scope?: string ) =>
		fetch( sandbox.url() + '/auth/token', {
			method: 'POST',
			headers: { authorization: basic( DEV.id, DEV.secret ) },
			body: form( {
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				...( scope ? { scope } : {} ),
			} ),
		} );
	beforeEach( () => sandbox.fresh() );

	it( 'issues no refresh token to any client when refresh tokens are never issued (RFC 6749 §4.4.3)', async () => {
		const before = await getToken( sandbox.url(), DEV );
		assert.ok( before.refresh_token );
		await setModes( { refreshTokens: 'never' } );
		const after = await getToken( sandbox.url(), DEV );
		assert.equal( after.refresh_token, undefined );
		const refused = await refresh( before.refresh_token );
		assert.equal( refused.status, 400 );
		assert.deepEqual( await refused.json(), {
			error: 'unauthorized_client',
			error_description: 'This server does not issue refresh tokens',
		} );
		const metadata = ( await (
			await fetch(
				sandbox.url() + '/.well-known/oauth-authorization-server'
			)
		).json() ) as Json;
		assert.deepEqual( metadata.grant_types_supported, [
			'client_credentials',
		] );
	} );

	it( 'gives every new access token the same lifetime when one is set', async () => {
		await setModes( { tokenLifetime: 45 } );
		for ( const client of [
			PROD,
			{ id: 'wp-widget-only', secret: 'sandbox-widget-only-secret' },
		] ) {
			const body = await getToken( sandbox.url(), client );
			const claims = decodeJwt( body.access_token );
			assert.equal( body.expires_in, 45, client.id );
			assert.equal( ( claims.exp ?? 0 ) - ( claims.iat ?? 0 ), 45 );
		}
		await setModes( { tokenLifetime: null } );
		assert.equal(
			( await getToken( sandbox.url(), PROD ) ).expires_in,
			3600
		);
	} );

	it( 'leaves expires_in out when told to (RFC 6749 §5.1: RECOMMENDED only)', async () => {
		await setModes( { expiresIn: 'omitted' } );
		const body = ( await getToken(
			sandbox.url(),
			DEV
		) ) as unknown as Json;
		assert.equal( 'expires_in' in body, false );
		assert.ok( body.refresh_token );
		const refreshed = ( await (
			await refresh( String( body.refresh_token ) )
		).json() ) as Json;
		assert.equal( 'expires_in' in refreshed, false );
		const claims = decodeJwt( String( refreshed.access_token ) );
		assert.equal( ( claims.exp ?? 0 ) - ( claims.iat ?? 0 ), 3600 );
	} );

	it( 'leaves scope out only when it is the scope requested (RFC 6749 §5.1)', async () => {
		await setModes( { scopeInResponse: 'omitted' } );
		const asked = ( await getToken( sandbox.url(), DEV, {
			scope: 'read:widget write:knowledge',
		} ) ) as unknown as Json;
		assert.equal( 'scope' in asked, false, 'granted as requested' );
		const unasked = await getToken( sandbox.url(), DEV );
		assert.equal(
			unasked.scope,
			'read:conversations write:knowledge read:widget',
			'nothing requested: the default scope is named'
		);

		// A refresh without scope asks for the grant's scope (§6).
		const same = ( await (
			await refresh( String( asked.refresh_token ) )
		).json() ) as Json;
		assert.equal( 'scope' in same, false );
		await control( sandbox.url(), 'PATCH', `/clients/${ DEV.id }`, {
			scopes: [ 'read:widget' ],
		} );
		const narrowed = ( await (
			await refresh( String( same.refresh_token ) )
		).json() ) as Json;
		assert.equal( narrowed.scope, 'read:widget', 'a scope was lost' );
	} );

	it( 'issues JWTs without nbf when told to, which the API and introspection accept', async () => {
		await setModes( { nbfClaim: false } );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		assert.equal( decodeJwt( token ).nbf, undefined );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
		const introspection = ( await (
			await fetch( sandbox.url() + '/auth/introspect', {
				method: 'POST',
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( { token } ),
			} )
		).json() ) as Json;
		assert.equal( introspection.active, true );
		assert.equal( 'nbf' in introspection, false );
	} );

	it( 'has no environment anywhere without the environment claim, even for tokens issued before', async () => {
		const { access_token: before } = await getToken( sandbox.url(), PROD );
		await setModes( { environmentClaim: false } );
		const { access_token: after } = await getToken( sandbox.url(), PROD );
		assert.equal( 'environment' in decodeJwt( after ), false );
		for ( const token of [ before, after ] ) {
			for ( const path of [ '/v1/me', '/v1/widget' ] ) {
				const response = await call( sandbox.url(), path, token );
				assert.equal( response.status, 200 );
				const body = ( await response.json() ) as Json;
				assert.equal( 'environment' in body, false, path );
			}
			const introspection = ( await (
				await fetch( sandbox.url() + '/auth/introspect', {
					method: 'POST',
					headers: { authorization: basic( PROD.id, PROD.secret ) },
					body: form( { token } ),
				} )
			).json() ) as Json;
			assert.equal( introspection.active, true );
			assert.equal( 'environment' in introspection, false );
		}
	} );
} );
