import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import {
	basic,
	DEV,
	form,
	getToken,
	postToken,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

describe( 'token endpoint: resource indicators (RFC 8707) and refused scopes', () => {
	const sandbox = useSandbox();
	const ask = ( params: Record< string, string >, client = PROD ) =>
		postToken( sandbox.url(), {
			headers: { authorization: basic( client.id, client.secret ) },
			body: form( { grant_type: 'client_credentials', ...params } ),
		} );
	const refusal = async ( response: Response ) => {
		assert.equal( response.status, 400 );
		return ( await response.json() ) as Json;
	};
	beforeEach( () => sandbox.fresh() );

	it( 'accepts the API as the resource, with or without a trailing slash', async () => {
		for ( const resource of [
			sandbox.url() + '/v1',
			sandbox.url() + '/v1/',
		] ) {
			assert.equal( ( await ask( { resource } ) ).status, 200, resource );
		}
	} );

	it( 'refuses any other resource with invalid_target naming it', async () => {
		for ( const resource of [
			sandbox.url(),
			sandbox.url() + '/v1//',
			sandbox.url() + '/v2',
			'https://api.causerie.example/v1',
		] ) {
			const body = await refusal( await ask( { resource } ) );
			assert.equal( body.error, 'invalid_target', resource );
			assert.ok(
				String( body.error_description ).includes( resource ),
				resource
			);
		}
	} );

	it( 'refuses a repeated resource as a repeated parameter', async () => {
		const response = await postToken( sandbox.url(), {
			headers: {
				authorization: basic( PROD.id, PROD.secret ),
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `grant_type=client_credentials&resource=a&resource=b`,
		} );
		const body = await refusal( response );
		assert.equal( body.error, 'invalid_request' );
		assert.equal(
			body.error_description,
			'The parameter resource is repeated'
		);
	} );

	it( 'checks the resource on a refresh too', async () => {
		const { refresh_token: refreshToken } = await getToken(
			sandbox.url(),
			DEV
		);
		const response = await ask(
			{
				grant_type: 'refresh_token',
				refresh_token: String( refreshToken ),
				resource: 'https://elsewhere.example/v1',
			},
			DEV
		);
		assert.equal( ( await refusal( response ) ).error, 'invalid_target' );
	} );

	const scopes: Array<
		[ string, Record< string, string >, string, string ]
	> = [
		[
			'unknown scopes',
			{ scope: 'read:widget admin:all root' },
			'admin:all root',
			'Unknown scope: admin:all',
		],
		[
			'scopes the client was not given',
			{ scope: 'read:widget write:knowledge read:conversations' },
			'write:knowledge read:conversations',
			'The client is not allowed the scope write:knowledge',
		],
		[
			'a scope parameter naming none',
			{ scope: '   ' },
			'',
			'The scope parameter names no scope',
		],
	];
	for ( const [ name, params, refused, description ] of scopes ) {
		it( `names ${ name } in the scope member of invalid_scope`, async () => {
			const body = await refusal(
				await ask( params, {
					id: 'wp-widget-only',
					secret: 'sandbox-widget-only-secret',
				} )
			);
			assert.deepEqual( body, {
				error: 'invalid_scope',
				error_description: description,
				scope: refused,
			} );
		} );
	}

	it( 'names the scopes a refresh would widen', async () => {
		const { refresh_token: refreshToken } = await getToken(
			sandbox.url(),
			DEV,
			{ scope: 'read:widget' }
		);
		const body = await refusal(
			await ask(
				{
					grant_type: 'refresh_token',
					refresh_token: String( refreshToken ),
					scope: 'read:widget write:knowledge',
				},
				DEV
			)
		);
		assert.equal( body.error, 'invalid_scope' );
		assert.equal( body.scope, 'write:knowledge' );
	} );
} );
