import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import {
	basic,
	control,
	DEV,
	form,
	getToken,
	PROD,
	useSandbox,
	type Json,
	errorOf,
	postToken,
} from './helpers';

describe( 'token endpoint: refresh tokens (RFC 6749 §6)', () => {
	const sandbox = useSandbox();
	const token = ( init: RequestInit ) => postToken( sandbox.url(), init );
	const error = errorOf;
	beforeEach( () => sandbox.fresh() );

	describe( 'refresh token grant (§6)', () => {
		const refresh = (
			refreshToken: string,
			extra: Record< string, string > = {}
		) =>
			token( {
				headers: { authorization: basic( DEV.id, DEV.secret ) },
				body: form( {
					grant_type: 'refresh_token',
					refresh_token: refreshToken,
					...extra,
				} ),
			} );

		it( 'rotates the refresh token on every use', async () => {
			const first = await getToken( sandbox.url(), DEV );
			assert.ok( first.refresh_token );
			const response = await refresh( first.refresh_token );
			assert.equal( response.status, 200 );
			const second = ( await response.json() ) as Json;
			assert.ok( second.refresh_token );
			assert.notEqual( second.refresh_token, first.refresh_token );
			assert.notEqual( second.access_token, first.access_token );
		} );

		it( 'lets a used refresh token work for a short grace period only', async () => {
			const first = await getToken( sandbox.url(), DEV );
			assert.ok( first.refresh_token );
			assert.equal(
				( await refresh( first.refresh_token ) ).status,
				200
			);
			assert.equal(
				( await refresh( first.refresh_token ) ).status,
				200,
				'retry inside the grace period'
			);
			await control( sandbox.url(), 'PUT', '/clock', {
				skewSeconds: 11,
			} );
			const late = await refresh( first.refresh_token );
			assert.equal( late.status, 400 );
			assert.equal( await error( late ), 'invalid_grant' );
		} );

		it( 'may narrow the scope but never widen it', async () => {
			const first = await getToken( sandbox.url(), DEV, {
				scope: 'read:widget write:knowledge',
			} );
			assert.ok( first.refresh_token );
			const narrowed = await refresh( first.refresh_token, {
				scope: 'read:widget',
			} );
			assert.equal(
				( ( await narrowed.json() ) as Json ).scope,
				'read:widget'
			);
			const again = await getToken( sandbox.url(), DEV, {
				scope: 'read:widget',
			} );
			assert.ok( again.refresh_token );
			const widened = await refresh( again.refresh_token, {
				scope: 'read:widget read:conversations',
			} );
			assert.equal( await error( widened ), 'invalid_scope' );
		} );

		it( 'refuses a refresh token of another client, and clients without refresh tokens', async () => {
			const first = await getToken( sandbox.url(), DEV );
			assert.ok( first.refresh_token );
			const other = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( {
					grant_type: 'refresh_token',
					refresh_token: first.refresh_token,
				} ),
			} );
			assert.equal( await error( other ), 'unauthorized_client' );
			await control( sandbox.url(), 'PATCH', `/clients/${ PROD.id }`, {
				refreshTokens: true,
			} );
			const stolen = await token( {
				headers: { authorization: basic( PROD.id, PROD.secret ) },
				body: form( {
					grant_type: 'refresh_token',
					refresh_token: first.refresh_token,
				} ),
			} );
			assert.equal( await error( stolen ), 'invalid_grant' );
		} );

		it( 'keeps a refresh token usable when the refresh it was used for is refused', async () => {
			const first = await getToken( sandbox.url(), DEV, {
				scope: 'read:widget',
			} );
			assert.ok( first.refresh_token );
			assert.equal(
				await error(
					await refresh( first.refresh_token, {
						scope: 'write:knowledge',
					} )
				),
				'invalid_scope'
			);
			await control( sandbox.url(), 'PUT', '/clock', {
				skewSeconds: 60,
			} );
			assert.equal(
				( await refresh( first.refresh_token ) ).status,
				200
			);
		} );

		it( "keeps the grant's full scope in the new refresh token when the access token is narrowed", async () => {
			const first = await getToken( sandbox.url(), DEV, {
				scope: 'read:widget write:knowledge',
			} );
			assert.ok( first.refresh_token );
			const narrowed = ( await (
				await refresh( first.refresh_token, { scope: 'read:widget' } )
			).json() ) as Json;
			assert.equal( narrowed.scope, 'read:widget' );
			const restored = ( await (
				await refresh( String( narrowed.refresh_token ) )
			).json() ) as Json;
			assert.equal( restored.scope, 'read:widget write:knowledge' );
		} );

		it( 'revokes the whole grant when a used refresh token comes back after the grace period', async () => {
			const first = await getToken( sandbox.url(), DEV );
			assert.ok( first.refresh_token );
			const second = ( await (
				await refresh( first.refresh_token )
			).json() ) as Json;
			await control( sandbox.url(), 'PUT', '/clock', {
				skewSeconds: 11,
			} );
			assert.equal(
				await error( await refresh( first.refresh_token ) ),
				'invalid_grant'
			);
			assert.equal(
				await error( await refresh( String( second.refresh_token ) ) ),
				'invalid_grant'
			);
			await control( sandbox.url(), 'PUT', '/clock', { skewSeconds: 0 } );
			const me = await fetch( sandbox.url() + '/v1/me', {
				headers: {
					authorization: `Bearer ${ String( second.access_token ) }`,
				},
			} );
			assert.equal( me.status, 401 );
		} );
	} );
} );
