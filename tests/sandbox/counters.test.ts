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

describe( 'counters of outbound calls, introspections and resources', () => {
	const sandbox = useSandbox();
	const counters = async () =>
		( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;
	const introspect = ( client: { id: string; secret: string } ) =>
		fetch( sandbox.url() + '/auth/introspect', {
			method: 'POST',
			headers: { authorization: basic( client.id, client.secret ) },
			body: form( { token: 'any' } ),
		} );
	beforeEach( () => sandbox.fresh() );

	it( 'counts every request per endpoint group, faulted and refused ones included, control API and unknown paths excluded', async () => {
		await control( sandbox.url(), 'POST', '/faults', {
			endpoint: 'metadata',
			mode: '503',
		} );
		await fetch(
			sandbox.url() + '/.well-known/oauth-authorization-server'
		);
		await fetch(
			sandbox.url() + '/.well-known/oauth-protected-resource/v1'
		);
		await fetch( sandbox.url() + '/.well-known/openid-configuration' );
		await fetch( sandbox.url() + '/auth/jwks.json' );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		await fetch( sandbox.url() + '/auth/token', { method: 'POST' } );
		await fetch( sandbox.url() + '/auth/revoke', {
			method: 'POST',
			headers: { authorization: basic( PROD.id, PROD.secret ) },
			body: form( { token } ),
		} );
		await introspect( PROD );
		await call( sandbox.url(), '/v1/me', token );
		await call( sandbox.url(), '/v1/nothing-here', token );
		await fetch( sandbox.url() + '/no/such/path' );
		await control( sandbox.url(), 'GET', '/state' );

		assert.deepEqual( ( await counters() ).requests, {
			metadata: 3,
			jwks: 1,
			token: 2,
			revoke: 1,
			introspect: 1,
			api: 1,
		} );
	} );

	it( 'counts answered introspections per client', async () => {
		await introspect( PROD );
		await introspect( PROD );
		await introspect( DEV );
		await introspect( { id: PROD.id, secret: 'wrong' } );
		assert.deepEqual( ( await counters() ).introspections, {
			[ PROD.id ]: 2,
			[ DEV.id ]: 1,
		} );
	} );

	it( 'counts the resource values of token requests, refused and repeated ones too', async () => {
		const api = sandbox.url() + '/v1';
		await getToken( sandbox.url(), PROD );
		await getToken( sandbox.url(), PROD, { resource: api } );
		await getToken( sandbox.url(), PROD, { resource: api } );
		await fetch( sandbox.url() + '/auth/token', {
			method: 'POST',
			headers: {
				authorization: basic( PROD.id, PROD.secret ),
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `grant_type=client_credentials&resource=${ encodeURIComponent(
				api
			) }&resource=other`,
		} );
		assert.deepEqual( ( await counters() ).resources, {
			'(none)': 1,
			[ api ]: 3,
			other: 1,
		} );
	} );

	it( 'clears the new counters with the others', async () => {
		await getToken( sandbox.url(), PROD );
		await introspect( PROD );
		await control( sandbox.url(), 'DELETE', '/counters' );
		const cleared = await counters();
		assert.deepEqual( cleared.introspections, {} );
		assert.deepEqual( cleared.resources, {} );
		assert.equal( ( cleared.requests as Json ).token, 0 );
		const state = ( await (
			await control( sandbox.url(), 'GET', '/state' )
		).json() ) as { counters: Json };
		assert.deepEqual( state.counters, cleared );
	} );
} );
