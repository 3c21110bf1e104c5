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
	mint,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

describe( 'opaque access tokens, checked by lookup', () => {
	// Started in the mode: every fresh() (a full reset) comes back to it.
	const sandbox = useSandbox( { modes: { tokenFormat: 'opaque' } } );
	const post = (
		path: string,
		client: { id: string; secret: string },
		params: Record< string, string >
	) =>
		fetch( sandbox.url() + path, {
			method: 'POST',
			headers: { authorization: basic( client.id, client.secret ) },
			body: form( params ),
		} );
	const introspect = async ( token: string, client = PROD ) =>
		( await (
			await post( '/auth/introspect', client, { token } )
		).json() ) as Json;
	const refusal = async ( token: string ) => {
		const response = await call( sandbox.url(), '/v1/me', token );
		assert.equal( response.status, 401 );
		assert.match(
			response.headers.get( 'www-authenticate' ) ?? '',
			/error="invalid_token"/
		);
		return ( ( await response.json() ) as Json ).error_description;
	};
	beforeEach( () => sandbox.fresh() );

	it( 'starts in the mode it was started with, and comes back to it on a reset', async () => {
		await control( sandbox.url(), 'PUT', '/modes', { tokenFormat: 'jwt' } );
		await control( sandbox.url(), 'POST', '/reset' );
		const modes = ( await (
			await control( sandbox.url(), 'GET', '/modes' )
		).json() ) as Json;
		assert.equal( modes.tokenFormat, 'opaque' );
	} );

	it( 'issues 43 base64url characters that the API accepts', async () => {
		const body = await getToken( sandbox.url(), PROD, {
			scope: 'read:widget',
		} );
		assert.match( body.access_token, /^[A-Za-z0-9_-]{43}$/ );
		assert.throws( () => decodeJwt( body.access_token ) );
		assert.equal( body.expires_in, 3600 );
		const me = await call( sandbox.url(), '/v1/me', body.access_token );
		assert.equal( me.status, 200 );
		const json = ( await me.json() ) as Json;
		assert.equal( json.client_id, PROD.id );
		assert.deepEqual( json.scopes, [ 'read:widget' ] );
		assert.equal( json.environment, 'production' );
		assert.equal(
			(
				await call(
					sandbox.url(),
					'/v1/conversations',
					body.access_token
				)
			).status,
			403
		);
	} );

	it( 'introspects to the claims a JWT would carry', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const claims = await introspect( token );
		assert.equal( claims.active, true );
		assert.equal( claims.token_type, 'Bearer' );
		assert.equal( claims.iss, sandbox.url() );
		assert.equal( claims.aud, sandbox.url() + '/v1' );
		assert.equal( claims.sub, PROD.id );
		assert.equal( claims.client_id, PROD.id );
		assert.equal(
			claims.scope,
			'read:conversations write:knowledge read:widget'
		);
		assert.equal( claims.environment, 'production' );
		assert.equal( typeof claims.jti, 'string' );
		assert.equal( Number( claims.exp ) - Number( claims.iat ), 3600 );
	} );

	it( 'refuses an unknown token as not active', async () => {
		assert.equal(
			await refusal( 'A'.repeat( 43 ) ),
			'The access token is not active'
		);
		assert.deepEqual( await introspect( 'A'.repeat( 43 ) ), {
			active: false,
		} );
	} );

	it( 'refuses a token revoked with RFC 7009, and introspects it as inactive', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		assert.equal(
			( await post( '/auth/revoke', PROD, { token } ) ).status,
			200
		);
		assert.equal( await refusal( token ), 'The access token was revoked' );
		assert.deepEqual( await introspect( token ), { active: false } );
	} );

	it( "refuses another client's revocation of a token, which keeps working", async () => {
		const { access_token: token } = await getToken( sandbox.url(), DEV );
		const refused = await post( '/auth/revoke', PROD, { token } );
		assert.equal( refused.status, 400 );
		assert.equal(
			( ( await refused.json() ) as Json ).error,
			'unauthorized_client'
		);
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
	} );

	it( 'ends the access tokens of a grant whose refresh token is revoked', async () => {
		const first = await getToken( sandbox.url(), DEV );
		assert.ok( first.refresh_token );
		await post( '/auth/revoke', DEV, { token: first.refresh_token } );
		assert.equal(
			await refusal( first.access_token ),
			'The access token was revoked'
		);
	} );

	it( 'refuses tokens expired through the control API or past exp on the sandbox clock', async () => {
		const { access_token: expired } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', `/clients/${ PROD.id }/expire` );
		assert.equal( await refusal( expired ), 'The access token expired' );

		await control( sandbox.url(), 'PUT', '/modes', { tokenLifetime: 60 } );
		const { access_token: short } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'PUT', '/clock', { skewSeconds: 60 } );
		assert.equal( await refusal( short ), 'The access token expired' );
		assert.deepEqual( await introspect( short ), { active: false } );
	} );

	it( 'refuses them after the control API revokes the client', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', `/clients/${ PROD.id }/revoke` );
		assert.equal( await refusal( token ), 'The access token was revoked' );
	} );

	it( 'keeps accepting opaque tokens after a switch to JWTs, and minted tokens are JWTs', async () => {
		const { access_token: opaque } = await getToken( sandbox.url(), PROD );
		const minted = await mint( sandbox.url(), { clientId: PROD.id } );
		assert.equal( decodeJwt( minted ).client_id, PROD.id );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', minted ) ).status,
			200
		);
		await control( sandbox.url(), 'PUT', '/modes', { tokenFormat: 'jwt' } );
		const { access_token: jwt } = await getToken( sandbox.url(), PROD );
		assert.equal( decodeJwt( jwt ).client_id, PROD.id );
		for ( const token of [ opaque, jwt ] ) {
			assert.equal(
				( await call( sandbox.url(), '/v1/me', token ) ).status,
				200
			);
		}
	} );

	it( 'drops the environment of opaque tokens without the environment claim', async () => {
		await control( sandbox.url(), 'PUT', '/modes', {
			environmentClaim: false,
		} );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const me = ( await (
			await call( sandbox.url(), '/v1/me', token )
		).json() ) as Json;
		assert.equal( 'environment' in me, false );
		assert.equal( 'environment' in ( await introspect( token ) ), false );
	} );
} );
