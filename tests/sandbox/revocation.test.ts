import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

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

describe( 'revocation (RFC 7009) and introspection (RFC 7662)', () => {
	const sandbox = useSandbox();
	const post = (
		path: string,
		client: { id: string; secret: string } | null,
		params: Record< string, string >
	) =>
		fetch( sandbox.url() + path, {
			method: 'POST',
			headers: client
				? { authorization: basic( client.id, client.secret ) }
				: {},
			body: form( params ),
		} );
	const introspect = async ( token: string, client = PROD ) =>
		( await (
			await post( '/auth/introspect', client, { token } )
		).json() ) as Json;
	beforeEach( () => sandbox.fresh() );

	it( 'both require client authentication', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		for ( const path of [ '/auth/introspect', '/auth/revoke' ] ) {
			const response = await post( path, null, { token } );
			assert.equal( response.status, 401, path );
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'invalid_client',
				path
			);
		}
	} );

	it( 'counts accepted revocations per client, for the plugin tests', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		await post( '/auth/revoke', PROD, { token } );
		await post( '/auth/revoke', PROD, { token: 'no-such-token' } );
		await post( '/auth/revoke', null, { token } );

		const counters = ( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;
		// RFC 7009 §2.2: an unknown token is answered 200 too; an unauthenticated call is not counted.
		assert.deepEqual( counters.revocations, { [ PROD.id ]: 2 } );
	} );

	it( 'introspection describes an active token', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD, {
			scope: 'read:widget',
		} );
		const response = await post( '/auth/introspect', PROD, { token } );
		assert.equal( response.headers.get( 'cache-control' ), 'no-store' );
		const body = ( await response.json() ) as Json;
		assert.equal( body.active, true );
		assert.equal( body.client_id, PROD.id );
		assert.equal( body.scope, 'read:widget' );
		assert.equal( body.token_type, 'Bearer' );
		assert.equal( body.environment, 'production' );
		assert.equal( typeof body.exp, 'number' );
	} );

	it( 'introspection answers only active:false for revoked, expired, foreign and unknown tokens', async () => {
		const { access_token: revoked } = await getToken( sandbox.url(), PROD );
		await post( '/auth/revoke', PROD, { token: revoked } );
		assert.deepEqual( await introspect( revoked ), { active: false } );

		const { access_token: expired } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', `/clients/${ PROD.id }/expire` );
		assert.deepEqual( await introspect( expired ), { active: false } );

		const { access_token: ofAnotherClient } = await getToken(
			sandbox.url(),
			DEV
		);
		assert.deepEqual( await introspect( ofAnotherClient ), {
			active: false,
		} );
		assert.deepEqual( await introspect( 'no-such-token' ), {
			active: false,
		} );
	} );

	it( 'revoking an access token makes the API refuse it', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const response = await post( '/auth/revoke', PROD, {
			token,
			token_type_hint: 'access_token',
		} );
		assert.equal( response.status, 200 );
		const refused = await call( sandbox.url(), '/v1/me', token );
		assert.equal( refused.status, 401 );
		assert.match(
			refused.headers.get( 'www-authenticate' ) ?? '',
			/error_description="The access token was revoked"/
		);
	} );

	it( "revoking an unknown token succeeds; revoking another client's is refused and changes nothing", async () => {
		assert.equal(
			( await post( '/auth/revoke', PROD, { token: 'unknown' } ) ).status,
			200
		);
		const { access_token: devToken } = await getToken( sandbox.url(), DEV );
		const refused = await post( '/auth/revoke', PROD, { token: devToken } );
		assert.equal( refused.status, 400 );
		assert.equal(
			( ( await refused.json() ) as Json ).error,
			'unauthorized_client'
		);
		assert.equal(
			( await call( sandbox.url(), '/v1/me', devToken ) ).status,
			200
		);
	} );

	it( 'revoking a refresh token ends its grant: the refresh token and its access tokens', async () => {
		const first = await getToken( sandbox.url(), DEV );
		assert.ok( first.refresh_token );
		await post( '/auth/revoke', DEV, {
			token: first.refresh_token,
			token_type_hint: 'refresh_token',
		} );
		const refreshed = await post( '/auth/token', DEV, {
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
		} );
		assert.equal(
			( ( await refreshed.json() ) as Json ).error,
			'invalid_grant'
		);
		assert.equal(
			( await call( sandbox.url(), '/v1/me', first.access_token ) )
				.status,
			401
		);
	} );
} );

describe( 'revocation modes: no RFC 7009, or no revocation of JWTs', () => {
	const sandbox = useSandbox();
	const revoke = ( token: string, client = DEV ) =>
		fetch( sandbox.url() + '/auth/revoke', {
			method: 'POST',
			headers: { authorization: basic( client.id, client.secret ) },
			body: form( { token } ),
		} );
	const setModes = ( modes: Json ) =>
		control( sandbox.url(), 'PUT', '/modes', modes );
	const counters = async () =>
		( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as { revocations: Json; requests: Json };
	beforeEach( () => sandbox.fresh() );

	it( 'has no revocation endpoint, in the metadata or at its path, when only introspection shows token state', async () => {
		await setModes( { revocation: 'introspection-only' } );
		const metadata = ( await (
			await fetch(
				sandbox.url() + '/.well-known/oauth-authorization-server'
			)
		).json() ) as Json;
		assert.equal( metadata.revocation_endpoint, undefined );
		assert.equal(
			metadata.revocation_endpoint_auth_methods_supported,
			undefined
		);
		assert.equal(
			metadata.introspection_endpoint,
			sandbox.url() + '/auth/introspect'
		);
		const { access_token: token } = await getToken( sandbox.url(), DEV );
		assert.equal( ( await revoke( token ) ).status, 404 );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
		const counted = await counters();
		assert.equal( counted.requests.revoke, 1, 'the call was made' );
		assert.deepEqual( counted.revocations, {} );
	} );

	it( 'refuses to revoke a JWT access token with unsupported_token_type (RFC 7009 §2.2.1), which stays valid', async () => {
		await setModes( { revocation: 'refuse-jwt' } );
		const { access_token: token } = await getToken( sandbox.url(), DEV );
		const refused = await revoke( token );
		assert.equal( refused.status, 400 );
		assert.equal(
			( ( await refused.json() ) as Json ).error,
			'unsupported_token_type'
		);
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
		assert.deepEqual( ( await counters() ).revocations, {} );
	} );

	it( 'still revokes refresh tokens and opaque access tokens when JWTs are refused', async () => {
		await setModes( { revocation: 'refuse-jwt' } );
		const first = await getToken( sandbox.url(), DEV );
		assert.ok( first.refresh_token );
		assert.equal( ( await revoke( first.refresh_token ) ).status, 200 );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', first.access_token ) )
				.status,
			401,
			'its grant ended'
		);

		await setModes( { tokenFormat: 'opaque' } );
		const { access_token: opaque } = await getToken( sandbox.url(), DEV );
		assert.equal( ( await revoke( opaque ) ).status, 200 );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', opaque ) ).status,
			401
		);
		assert.deepEqual( ( await counters() ).revocations, { [ DEV.id ]: 2 } );
	} );
} );
