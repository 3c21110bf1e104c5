import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { MAX_LOOKUP_IDS } from '../../sandbox/src/knowledge-limits';
import {
	call,
	control,
	DEV,
	getToken,
	PROD,
	useSandbox,
	type Json,
} from './helpers';

const SITE = 'site-3f2a9c';
const sourceId = ( id: number ) => `${ SITE }:post-${ id }`;

/** A valid document body for post `id`. */
const post = ( id: number, content = `Text of post ${ id }` ): Json => ( {
	title: `Post ${ id }`,
	url: `https://example.test/?p=${ id }`,
	language: 'fr-FR',
	modified: '2026-11-30T10:00:00+01:00',
	content,
} );

/** `?source_id=a&source_id=b…`, each value encoded, then any other parameters. */
const lookupPath = ( ids: string[], extra = '' ) =>
	'/v1/knowledge/documents?' +
	ids.map( ( id ) => `source_id=${ encodeURIComponent( id ) }` ).join( '&' ) +
	extra;

describe( 'knowledge lookup by source ids', () => {
	const sandbox = useSandbox();
	let token = '';
	beforeEach( async () => {
		await sandbox.fresh();
		token = ( await getToken( sandbox.url(), PROD ) ).access_token;
	} );

	const put = ( id: number, content?: string, bearer = token ) =>
		call(
			sandbox.url(),
			`/v1/knowledge/documents/${ sourceId( id ) }`,
			bearer,
			{
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( post( id, content ) ),
			}
		);
	const lookup = ( ids: string[], extra = '', bearer = token ) =>
		call( sandbox.url(), lookupPath( ids, extra ), bearer );
	const refusal = async ( response: Response ) => {
		assert.equal( response.status, 400 );
		const body = ( await response.json() ) as Json;
		assert.equal( body.error, 'invalid_request' );
		return String( body.error_description );
	};

	it( 'answers the held documents in the order asked, leaving the absent ones out', async () => {
		await put( 1 );
		await put( 2 );
		const edited = ( await ( await put( 2, 'Edited' ) ).json() ) as Json;
		await put( 3 );

		const response = await lookup( [
			sourceId( 3 ),
			sourceId( 9 ),
			sourceId( 2 ),
			sourceId( 3 ),
		] );
		assert.equal( response.status, 200 );
		const { result: _result, ...summary } = edited;
		const body = ( await response.json() ) as Json & { data: Json[] };
		assert.deepEqual(
			body.data.map( ( item ) => item.source_id ),
			[ sourceId( 3 ), sourceId( 2 ) ]
		);
		assert.deepEqual( body.data[ 1 ], summary, 'the listing summary' );
		assert.equal( body.data[ 1 ]?.version, 2 );
		assert.equal( body.has_more, false );
		assert.equal( body.next_cursor, null );

		assert.deepEqual(
			await ( await lookup( [ sourceId( 8 ) ] ) ).json(),
			{ data: [], has_more: false, next_cursor: null },
			'none held'
		);
	} );

	it( 'is not a write: the write and delete counters stay as they were', async () => {
		await put( 1 );
		await lookup( [ sourceId( 1 ), sourceId( 2 ) ] );
		const counters = ( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;
		assert.deepEqual( counters.knowledgeWrites, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 1 },
		} );
		assert.deepEqual( counters.knowledgeDeletes, {} );
	} );

	it( "never answers another client's documents", async () => {
		const dev = ( await getToken( sandbox.url(), DEV ) ).access_token;
		await put( 1, 'Production text' );
		await put( 3, 'Not asked for' );
		await put( 2, 'Development text', dev );
		await put( 4, 'Not asked for', dev );

		const prod = ( await (
			await lookup( [ sourceId( 1 ), sourceId( 2 ) ] )
		).json() ) as { data: Json[] };
		assert.deepEqual(
			prod.data.map( ( item ) => item.source_id ),
			[ sourceId( 1 ) ]
		);
		const other = ( await (
			await lookup( [ sourceId( 1 ), sourceId( 2 ) ], '', dev )
		).json() ) as { data: Json[] };
		assert.deepEqual(
			other.data.map( ( item ) => item.source_id ),
			[ sourceId( 2 ) ]
		);
	} );

	it( `takes up to ${ MAX_LOOKUP_IDS } ids of the longest length, and refuses one more`, async () => {
		const ids = Array.from( { length: MAX_LOOKUP_IDS + 1 }, ( _, i ) =>
			`${ i }:`.padEnd( 200, 'x' )
		);
		const full = await lookup( ids.slice( 1 ) );
		assert.equal( full.status, 200, 'a full lookup fits in the URL' );
		assert.deepEqual( ( ( await full.json() ) as Json ).data, [] );

		const over = await refusal( await lookup( ids ) );
		assert.match( over, /at most 100 source_id/i );
		assert.match( over, /101/ );
	} );

	it( 'refuses an id that is not a source id, and says which', async () => {
		for ( const bad of [
			'-leading-dash',
			'with space',
			'',
			'a'.repeat( 201 ),
		] ) {
			const description = await refusal(
				await lookup( [ sourceId( 1 ), bad ] )
			);
			assert.match( description, /source_id 2 /, JSON.stringify( bad ) );
			assert.match( description, /not a source id/ );
		}
	} );

	it( 'cannot be combined with a cursor or a page size', async () => {
		await put( 1 );
		const cursor = Buffer.from( sourceId( 0 ) ).toString( 'base64url' );
		assert.match(
			await refusal(
				await lookup( [ sourceId( 1 ) ], `&cursor=${ cursor }` )
			),
			/cursor/
		);
		assert.match(
			await refusal( await lookup( [ sourceId( 1 ) ], '&limit=10' ) ),
			/limit/
		);
	} );

	it( 'needs write:knowledge: 403 insufficient_scope without it', async () => {
		const narrow = (
			await getToken( sandbox.url(), PROD, { scope: 'read:widget' } )
		).access_token;
		const response = await lookup( [ sourceId( 1 ) ], '', narrow );
		assert.equal( response.status, 403 );
		assert.match(
			response.headers.get( 'www-authenticate' ) ?? '',
			/error="insufficient_scope".*scope="write:knowledge"/
		);
		assert.equal(
			( ( await response.json() ) as Json ).error,
			'insufficient_scope'
		);
	} );
} );
