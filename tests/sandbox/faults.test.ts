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

describe( 'fault injection and observation', () => {
	const sandbox = useSandbox();
	const metadata = ( init: RequestInit = {} ) =>
		fetch(
			sandbox.url() + '/.well-known/oauth-authorization-server',
			init
		);
	const inject = ( body: Json ) =>
		control( sandbox.url(), 'POST', '/faults', body );
	beforeEach( () => sandbox.fresh() );

	for ( const status of [ 500, 502, 503 ] ) {
		it( `answers the next N requests with ${ status }, then recovers`, async () => {
			await inject( {
				endpoint: 'metadata',
				mode: String( status ),
				count: 2,
			} );
			assert.equal( ( await metadata() ).status, status );
			assert.equal( ( await metadata() ).status, status );
			assert.equal( ( await metadata() ).status, 200 );
		} );
	}

	it( 'answers 429 with Retry-After, then recovers', async () => {
		await inject( { endpoint: 'token', mode: '429', retryAfter: 42 } );
		const limited = await fetch( sandbox.url() + '/auth/token', {
			method: 'POST',
			headers: { authorization: basic( PROD.id, PROD.secret ) },
			body: form( { grant_type: 'client_credentials' } ),
		} );
		assert.equal( limited.status, 429 );
		assert.equal( limited.headers.get( 'retry-after' ), '42' );
		await getToken( sandbox.url(), PROD );
	} );

	it( 'answers with an HTML page instead of JSON, then recovers', async () => {
		await inject( { endpoint: 'metadata', mode: 'html' } );
		const page = await metadata();
		const body = await page.text();
		assert.equal( page.status, 200 );
		assert.match( page.headers.get( 'content-type' ) ?? '', /^text\/html/ );
		assert.match( body, /<html>/ );
		assert.throws( () => JSON.parse( body ), SyntaxError );
		assert.match(
			( await metadata() ).headers.get( 'content-type' ) ?? '',
			/^application\/json/
		);
	} );

	it( 'answers with truncated JSON, then recovers', async () => {
		await inject( { endpoint: 'token', mode: 'truncated' } );
		const response = await fetch( sandbox.url() + '/auth/token', {
			method: 'POST',
			headers: { authorization: basic( PROD.id, PROD.secret ) },
			body: form( { grant_type: 'client_credentials' } ),
		} );
		const text = await response.text();
		assert.equal( response.status, 200 );
		assert.throws( () => JSON.parse( text ), SyntaxError );
		await getToken( sandbox.url(), PROD );
	} );

	it( 'hangs without answering, then recovers', async () => {
		await inject( { endpoint: 'api', mode: 'hang' } );
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		await assert.rejects(
			call( sandbox.url(), '/v1/me', token, {
				signal: AbortSignal.timeout( 500 ),
			} ),
			{ name: 'TimeoutError' }
		);
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
	} );

	it( 'applies a fault on "all" to any endpoint, and only to the number of requests asked', async () => {
		await inject( { mode: '503', count: 1 } );
		assert.equal(
			( await fetch( sandbox.url() + '/auth/jwks.json' ) ).status,
			503
		);
		assert.equal(
			( await fetch( sandbox.url() + '/auth/jwks.json' ) ).status,
			200
		);
	} );

	it( 'adds latency to an endpoint until it is cleared', async () => {
		await control( sandbox.url(), 'PUT', '/latency', {
			endpoint: 'metadata',
			ms: 400,
		} );
		const slowStart = performance.now();
		await metadata();
		assert.ok( performance.now() - slowStart >= 400 );
		await control( sandbox.url(), 'DELETE', '/faults' );
		const state = ( await (
			await control( sandbox.url(), 'GET', '/state' )
		).json() ) as Json;
		assert.deepEqual( state.latencyMs, {} );
	} );

	it( 'skews its clock: the Date header and new tokens move with it, and a reset puts it back', async () => {
		await control( sandbox.url(), 'PUT', '/clock', { skewSeconds: 300 } );
		const skewed = await metadata();
		const offset =
			( Date.parse( skewed.headers.get( 'date' ) ?? '' ) - Date.now() ) /
			1000;
		assert.ok(
			offset > 295 && offset < 305,
			`Date header is ${ offset } s ahead`
		);
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		const claims = JSON.parse(
			Buffer.from( token.split( '.' )[ 1 ] ?? '', 'base64url' ).toString()
		) as { iat: number };
		assert.ok( claims.iat - Date.now() / 1000 > 295 );

		await control( sandbox.url(), 'POST', '/reset' );
		const offsetAfter =
			( Date.parse( ( await metadata() ).headers.get( 'date' ) ?? '' ) -
				Date.now() ) /
			1000;
		assert.ok( Math.abs( offsetAfter ) < 5 );
	} );

	it( 'regenerates a client secret: the old one stops working, the new one works', async () => {
		const response = await control(
			sandbox.url(),
			'POST',
			`/clients/${ PROD.id }/secret`,
			{}
		);
		const { secret } = ( await response.json() ) as { secret: string };
		assert.notEqual( secret, PROD.secret );
		await assert.rejects( getToken( sandbox.url(), PROD ), /401/ );
		await getToken( sandbox.url(), { id: PROD.id, secret } );
	} );

	it( 'revokes every token of a client at once', async () => {
		const { access_token: first } = await getToken( sandbox.url(), PROD );
		const { access_token: second } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', `/clients/${ PROD.id }/revoke` );
		for ( const token of [ first, second ] ) {
			assert.equal(
				( await call( sandbox.url(), '/v1/me', token ) ).status,
				401
			);
		}
		const { access_token: fresh } = await getToken( sandbox.url(), PROD );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', fresh ) ).status,
			200
		);
	} );

	it( 'expires the tokens a client holds, while new ones work', async () => {
		const { access_token: old } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'POST', `/clients/${ PROD.id }/expire` );
		const refused = await call( sandbox.url(), '/v1/me', old );
		assert.match(
			refused.headers.get( 'www-authenticate' ) ?? '',
			/The access token expired/
		);
		const { access_token: fresh } = await getToken( sandbox.url(), PROD );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', fresh ) ).status,
			200
		);
	} );

	it( "changes a client's scopes and environment for the tokens issued after", async () => {
		await control( sandbox.url(), 'PATCH', `/clients/${ DEV.id }`, {
			scopes: [ 'read:widget' ],
			environment: 'production',
		} );
		const { access_token: token, scope } = await getToken(
			sandbox.url(),
			DEV
		);
		assert.equal( scope, 'read:widget' );
		assert.equal(
			( await call( sandbox.url(), '/v1/conversations', token ) ).status,
			403
		);
		const me = ( await (
			await call( sandbox.url(), '/v1/me', token )
		).json() ) as Json;
		assert.equal( me.environment, 'production' );
	} );

	it( 'validates control requests', async () => {
		assert.equal( ( await inject( { mode: 'explode' } ) ).status, 400 );
		assert.equal(
			(
				await control(
					sandbox.url(),
					'PATCH',
					`/clients/${ PROD.id }`,
					{ scopes: [ 'root' ] }
				)
			).status,
			400
		);
		assert.equal(
			(
				await control( sandbox.url(), 'PATCH', '/clients/nobody', {
					environment: 'staging',
				} )
			).status,
			404
		);
		assert.equal(
			(
				await control( sandbox.url(), 'POST', '/clients', {
					id: PROD.id,
					scopes: [],
					environment: 'staging',
				} )
			).status,
			409
		);
	} );

	it( 'refuses control requests with unknown fields or values of the wrong type', async () => {
		assert.equal(
			( await inject( { mode: '503', colour: 'red' } ) ).status,
			400
		);
		assert.equal(
			( await inject( { mode: '503', count: '2' } ) ).status,
			400
		);
		for ( const body of [ { full: 'yes' }, { everything: true } ] ) {
			assert.equal(
				( await control( sandbox.url(), 'POST', '/reset', body ) )
					.status,
				400
			);
		}
	} );

	it( 'resets the configuration but keeps issued tokens, unless asked for a full reset', async () => {
		const { access_token: token } = await getToken( sandbox.url(), PROD );
		await control( sandbox.url(), 'PATCH', `/clients/${ PROD.id }`, {
			environment: 'staging',
		} );
		await control( sandbox.url(), 'POST', '/reset' );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			200
		);
		const state = ( await (
			await control( sandbox.url(), 'GET', '/state' )
		).json() ) as { clients: Json[] };
		assert.equal(
			state.clients.find( ( client ) => client.id === PROD.id )
				?.environment,
			'production'
		);

		await control( sandbox.url(), 'POST', '/reset', { full: true } );
		assert.equal(
			( await call( sandbox.url(), '/v1/me', token ) ).status,
			401
		);
	} );

	it( 'counts token requests per client and method, and API calls per status', async () => {
		await getToken( sandbox.url(), PROD );
		await getToken( sandbox.url(), PROD );
		await fetch( sandbox.url() + '/auth/token', {
			method: 'POST',
			body: form( {
				grant_type: 'client_credentials',
				client_id: DEV.id,
				client_secret: 'wrong',
			} ),
		} );
		const { access_token: token } = await getToken( sandbox.url(), DEV, {
			scope: 'read:widget',
		} );
		await call( sandbox.url(), '/v1/me', token );
		await call( sandbox.url(), '/v1/conversations', token );
		await call( sandbox.url(), '/v1/me' );

		const counters = ( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;
		assert.deepEqual( counters.tokenRequests, {
			[ PROD.id ]: { client_secret_basic: 2 },
			[ DEV.id ]: { client_secret_post: 1, client_secret_basic: 1 },
		} );
		assert.deepEqual( counters.apiCalls, { 200: 1, 403: 1, 401: 1 } );
		assert.deepEqual( counters.revocations, {} );
		await control( sandbox.url(), 'DELETE', '/counters' );
		assert.deepEqual(
			await ( await control( sandbox.url(), 'GET', '/counters' ) ).json(),
			{
				tokenRequests: {},
				apiCalls: {},
				revocations: {},
				requests: {
					metadata: 0,
					jwks: 0,
					token: 0,
					revoke: 0,
					introspect: 0,
					api: 0,
				},
				introspections: {},
				resources: {},
				knowledgeWrites: {},
				knowledgeWriteSpan: {},
				knowledgeDeletes: {},
				knowledgeDocuments: {},
				chatMessages: {},
				leads: {},
			}
		);
	} );
} );
