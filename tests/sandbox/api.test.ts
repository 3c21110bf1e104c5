import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { call, getToken, PROD, useSandbox, type Json } from './helpers';

describe( 'protected API (RFC 6750)', () => {
	const sandbox = useSandbox();
	beforeEach( () => sandbox.fresh() );

	it( 'answers a request without a token with a bare Bearer challenge', async () => {
		for ( const headers of [
			{},
			{ authorization: 'Basic d3A6c2VjcmV0' },
		] ) {
			const response = await fetch( sandbox.url() + '/v1/me', {
				headers,
			} );
			assert.equal( response.status, 401 );
			const challenge = response.headers.get( 'www-authenticate' ) ?? '';
			assert.match( challenge, /^Bearer realm="causerie"/ );
			assert.doesNotMatch( challenge, /error=/ );
			assert.match(
				challenge,
				new RegExp(
					`resource_metadata="${ sandbox.url() }/.well-known/oauth-protected-resource/v1"`
				)
			);
		}
	} );

	it( 'answers a malformed Authorization header with 400 invalid_request', async () => {
		for ( const authorization of [
			'Bearer',
			'Bearer two words',
			'Bearer tok"en',
		] ) {
			const response = await fetch( sandbox.url() + '/v1/me', {
				headers: { authorization },
			} );
			assert.equal( response.status, 400, authorization );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				/error="invalid_request"/,
				authorization
			);
		}
	} );

	it( 'refuses a token sent both in the header and the query', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const response = await call(
			sandbox.url(),
			`/v1/me?access_token=${ token }`,
			token
		);
		assert.equal( response.status, 400 );
	} );

	it( 'accepts the Bearer scheme in any letter case', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const response = await fetch( sandbox.url() + '/v1/me', {
			headers: { authorization: `bearer ${ token }` },
		} );
		assert.equal( response.status, 200 );
	} );

	it( 'keeps its challenge a valid quoted string whatever the token header holds', async () => {
		const header = Buffer.from(
			JSON.stringify( { alg: 'R"S\\256\u00e9\u2603', typ: 'at+jwt' } )
		).toString( 'base64url' );
		const response = await call(
			sandbox.url(),
			'/v1/me',
			`${ header }.e30.c2ln`
		);
		assert.equal( response.status, 401 );
		const challenge = response.headers.get( 'www-authenticate' ) ?? '';
		assert.match(
			challenge,
			/error_description="The access token algorithm unknown is not allowed"/
		);
		assert.match( challenge, /^[\x20-\x7e]+$/ );
	} );

	it( 'tells who is calling from /v1/me with any valid token', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD, {
			scope: 'read:widget',
		} );
		const response = await call( sandbox.url(), '/v1/me', token );
		assert.equal( response.status, 200 );
		const body = ( await response.json() ) as Json;
		assert.equal( body.client_id, PROD.id );
		assert.equal( body.environment, 'production' );
		assert.deepEqual( body.scopes, [ 'read:widget' ] );
		assert.ok( ( body.account as Json ).id );
		assert.ok( ( body.bot as Json ).id );
	} );

	const scoped: Array< [ string, string, RequestInit, string ] > = [
		[ 'GET', '/v1/conversations', {}, 'read:conversations' ],
		[ 'GET', '/v1/widget', {}, 'read:widget' ],
		[
			'POST',
			'/v1/knowledge/documents',
			{
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( { title: 'T', content: 'C' } ),
			},
			'write:knowledge',
		],
		[ 'DELETE', '/v1/knowledge/documents/doc_1', {}, 'write:knowledge' ],
	];
	for ( const [ method, path, init, scope ] of scoped ) {
		it( `answers ${ method } ${ path } without ${ scope } with 403 insufficient_scope naming it`, async () => {
			const other =
				scope === 'read:widget' ? 'read:conversations' : 'read:widget';
			const { access_token: token } = await getToken(
				sandbox.url(),
				PROD,
				{ scope: other }
			);
			const response = await call( sandbox.url(), path, token, {
				...init,
				method,
			} );
			assert.equal( response.status, 403 );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				new RegExp( `error="insufficient_scope".*scope="${ scope }"` )
			);
			assert.equal( ( ( await response.json() ) as Json ).scope, scope );
		} );
	}

	it( 'lists conversations and serves the widget configuration with the right scopes', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const conversations = ( await (
			await call( sandbox.url(), '/v1/conversations', token )
		).json() ) as Json;
		assert.ok( Array.isArray( conversations.data ) );
		const widget = ( await (
			await call( sandbox.url(), '/v1/widget', token )
		).json() ) as Json;
		assert.equal( widget.environment, 'production' );
		assert.ok( widget.bot_id );
	} );

	it( 'creates and deletes knowledge documents, and validates them', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const json = { 'content-type': 'application/json' };
		const created = await call(
			sandbox.url(),
			'/v1/knowledge/documents',
			token,
			{
				method: 'POST',
				headers: json,
				body: JSON.stringify( {
					title: 'Opening hours',
					content: '9 to 5',
					url: 'https://example.org/hours',
				} ),
			}
		);
		assert.equal( created.status, 201 );
		const { id } = ( await created.json() ) as { id: string };
		const remove = () =>
			call( sandbox.url(), `/v1/knowledge/documents/${ id }`, token, {
				method: 'DELETE',
			} );
		assert.equal( ( await remove() ).status, 204 );
		assert.equal( ( await remove() ).status, 404, 'already deleted' );
		const invalid = await call(
			sandbox.url(),
			'/v1/knowledge/documents',
			token,
			{
				method: 'POST',
				headers: json,
				body: JSON.stringify( { title: '' } ),
			}
		);
		assert.equal( invalid.status, 422 );
	} );
} );
