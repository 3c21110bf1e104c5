import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';

import {
	MAX_BATCH_BODY_BYTES,
	MAX_BATCH_ITEMS,
	MAX_DOCUMENT_BODY_BYTES,
	MAX_DOCUMENT_BYTES,
} from '../../sandbox/src/knowledge-limits';
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
const JSON_TYPE = { 'content-type': 'application/json' };

const sha256 = ( text: string ) =>
	createHash( 'sha256' ).update( text, 'utf8' ).digest( 'hex' );

/** A valid document body for post `id`. */
function post( id: number, content = `Text of post ${ id }` ): Json {
	return {
		title: `Post ${ id }`,
		url: `https://example.test/?p=${ id }`,
		language: 'fr-FR',
		modified: '2026-11-30T10:00:00+01:00',
		terms: [ 'News' ],
		content,
		content_hash: sha256( content ),
	};
}

const sourceId = ( id: number ) => `${ SITE }:post-${ id }`;

describe( 'knowledge base', () => {
	const sandbox = useSandbox();
	let token = '';
	beforeEach( async () => {
		await sandbox.fresh();
		token = ( await getToken( sandbox.url(), PROD ) ).access_token;
	} );

	const send = (
		method: string,
		path: string,
		body?: unknown,
		bearer = token
	) =>
		call( sandbox.url(), path, bearer, {
			method,
			...( body === undefined
				? {}
				: { headers: JSON_TYPE, body: JSON.stringify( body ) } ),
		} );
	const put = ( id: number, body: unknown = post( id ) ) =>
		send( 'PUT', `/v1/knowledge/documents/${ sourceId( id ) }`, body );
	const batch = ( items: unknown[] ) =>
		send( 'POST', '/v1/knowledge/batch', { items } );
	const counters = async () =>
		( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;

	it( 'upserts idempotently: a repeated PUT keeps one document and its version, and is counted', async () => {
		const before = Date.now();
		const first = await put( 1 );
		const afterFirst = Date.now();
		assert.equal( first.status, 201 );
		const created = ( await first.json() ) as Json;
		assert.deepEqual(
			{ ...created, updated_at: undefined },
			{
				source_id: sourceId( 1 ),
				content_hash: sha256( 'Text of post 1' ),
				updated_at: undefined,
				version: 1,
				result: 'created',
			}
		);
		const again = await put( 1 );
		assert.equal( again.status, 200 );
		assert.deepEqual( await again.json(), {
			...created,
			result: 'unchanged',
		} );
		const beforeLast = Date.now();
		const changed = await put( 1, post( 1, 'New text' ) );
		assert.equal( changed.status, 200 );
		const updated = ( await changed.json() ) as Json;
		assert.equal( updated.version, 2 );
		assert.equal( updated.result, 'updated' );
		assert.equal( updated.content_hash, sha256( 'New text' ) );

		const seen = await counters();
		assert.deepEqual( seen.knowledgeWrites, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 3 },
		} );
		assert.deepEqual( seen.knowledgeDocuments, { [ PROD.id ]: 1 } );
		// The first and the last of the three writes, each between the test's own readings of the clock.
		const span = ( seen.knowledgeWriteSpan as Record< string, Json > )[
			PROD.id
		] as { first: number; last: number };
		const seenAt = JSON.stringify( {
			before,
			afterFirst,
			beforeLast,
			span,
		} );
		assert.ok( before <= span.first && span.first <= afterFirst, seenAt );
		assert.ok( beforeLast <= span.last && span.last <= Date.now(), seenAt );
	} );

	it( 'computes the hash when none is sent, and refuses a wrong one or an invalid document with 422', async () => {
		const { content_hash: _hash, ...unhashed } = post( 2 );
		assert.equal( ( await put( 2, unhashed ) ).status, 201 );
		for ( const body of [
			{ ...post( 3 ), content_hash: sha256( 'other' ) },
			{ ...post( 3 ), title: '' },
			{ ...post( 3 ), url: 'ftp://example.test/' },
			{ ...post( 3 ), modified: '30/11/2026' },
			{ ...post( 3 ), language: 'French!' },
			{ ...post( 3 ), terms: [ 1 ] },
		] ) {
			const response = await put( 3, body );
			assert.equal( response.status, 422, JSON.stringify( body ) );
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'invalid_document'
			);
		}
		const badId = await send(
			'PUT',
			'/v1/knowledge/documents/-bad%20id',
			post( 4 )
		);
		assert.equal( badId.status, 400 );
		assert.equal(
			( ( await badId.json() ) as Json ).error,
			'invalid_source_id'
		);
		assert.deepEqual( ( await counters() ).knowledgeWrites, {
			[ PROD.id ]: { [ sourceId( 2 ) ]: 1 },
		} );
	} );

	it( 'refuses a document over the size limit with 413 document_too_large', async () => {
		const response = await put(
			5,
			post( 5, 'é'.repeat( MAX_DOCUMENT_BYTES / 2 + 1 ) )
		);
		assert.equal( response.status, 413 );
		assert.equal(
			( ( await response.json() ) as Json ).error,
			'document_too_large'
		);
		assert.equal(
			( await put( 5, post( 5, 'a'.repeat( MAX_DOCUMENT_BYTES ) ) ) )
				.status,
			201,
			'exactly at the limit'
		);
	} );

	it( 'refuses bodies over the byte limits as too large, and bodies that are not JSON as invalid', async () => {
		const huge = ( bytes: number ) =>
			JSON.stringify( { ...post( 1 ), content: 'a'.repeat( bytes ) } );
		const put413 = await call(
			sandbox.url(),
			`/v1/knowledge/documents/${ sourceId( 1 ) }`,
			token,
			{
				method: 'PUT',
				headers: JSON_TYPE,
				body: huge( MAX_DOCUMENT_BODY_BYTES ),
			}
		);
		assert.equal( put413.status, 413 );
		assert.equal(
			( ( await put413.json() ) as Json ).error,
			'document_too_large'
		);
		const batch413 = await call(
			sandbox.url(),
			'/v1/knowledge/batch',
			token,
			{
				method: 'POST',
				headers: JSON_TYPE,
				body: JSON.stringify( {
					items: [
						{
							op: 'upsert',
							source_id: sourceId( 1 ),
							document: {
								...post( 1 ),
								content: 'a'.repeat( MAX_BATCH_BODY_BYTES ),
							},
						},
					],
				} ),
			}
		);
		assert.equal( batch413.status, 413 );
		assert.equal(
			( ( await batch413.json() ) as Json ).error,
			'batch_too_large'
		);
		const broken = await call(
			sandbox.url(),
			'/v1/knowledge/batch',
			token,
			{ method: 'POST', headers: JSON_TYPE, body: '{"items":[' }
		);
		assert.equal( broken.status, 400 );
		assert.equal(
			( ( await broken.json() ) as Json ).error,
			'invalid_request'
		);
		assert.equal(
			( await send( 'POST', '/v1/knowledge/batch', { upserts: [] } ) )
				.status,
			400
		);
		assert.deepEqual( ( await counters() ).knowledgeWrites, {} );
	} );

	it( 'applies a batch item by item, with a result for each', async () => {
		await put( 1 );
		const response = await batch( [
			{ op: 'upsert', source_id: sourceId( 1 ), document: post( 1 ) },
			{ op: 'upsert', source_id: sourceId( 2 ), document: post( 2 ) },
			{
				op: 'upsert',
				source_id: sourceId( 3 ),
				document: post( 3, 'x'.repeat( MAX_DOCUMENT_BYTES + 1 ) ),
			},
			{
				op: 'upsert',
				source_id: sourceId( 4 ),
				document: { title: 'No content' },
			},
			{ op: 'delete', source_id: sourceId( 1 ) },
			{ op: 'delete', source_id: sourceId( 9 ) },
			{ op: 'rename', source_id: sourceId( 5 ) },
			{ op: 'delete', source_id: 'bad id' },
		] );
		assert.equal( response.status, 200 );
		const { results } = ( await response.json() ) as {
			results: Json[];
		};
		assert.deepEqual(
			results.map( ( item ) => [
				item.index,
				item.source_id,
				item.status,
				item.result ?? item.error,
			] ),
			[
				[ 0, sourceId( 1 ), 'ok', 'unchanged' ],
				[ 1, sourceId( 2 ), 'ok', 'created' ],
				[ 2, sourceId( 3 ), 'error', 'document_too_large' ],
				[ 3, sourceId( 4 ), 'error', 'invalid_document' ],
				[ 4, sourceId( 1 ), 'ok', 'deleted' ],
				[ 5, sourceId( 9 ), 'ok', 'not_found' ],
				[ 6, sourceId( 5 ), 'error', 'invalid_item' ],
				[ 7, 'bad id', 'error', 'invalid_source_id' ],
			]
		);
		assert.equal(
			( results[ 1 ]?.document as Json ).content_hash,
			sha256( 'Text of post 2' )
		);
		const seen = await counters();
		assert.deepEqual( seen.knowledgeWrites, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 2, [ sourceId( 2 ) ]: 1 },
		} );
		assert.deepEqual( seen.knowledgeDeletes, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 1, [ sourceId( 9 ) ]: 1 },
		} );
		assert.deepEqual( seen.knowledgeDocuments, { [ PROD.id ]: 1 } );
	} );

	it( `refuses a batch of more than ${ MAX_BATCH_ITEMS } items whole with 413 batch_too_large`, async () => {
		const items = Array.from(
			{ length: MAX_BATCH_ITEMS + 1 },
			( _, i ) => ( {
				op: 'upsert',
				source_id: sourceId( i ),
				document: post( i ),
			} )
		);
		const response = await batch( items );
		assert.equal( response.status, 413 );
		assert.equal(
			( ( await response.json() ) as Json ).error,
			'batch_too_large'
		);
		assert.equal(
			( await batch( items.slice( 1 ) ) ).status,
			200,
			'a full batch'
		);
		assert.deepEqual( ( await counters() ).knowledgeDocuments, {
			[ PROD.id ]: MAX_BATCH_ITEMS,
		} );
	} );

	it( 'lists every document exactly once across pages, by a stable cursor', async () => {
		const total = 3 * MAX_BATCH_ITEMS;
		for ( let start = 0; start < total; start += MAX_BATCH_ITEMS ) {
			await batch(
				Array.from( { length: MAX_BATCH_ITEMS }, ( _, i ) => ( {
					op: 'upsert',
					source_id: sourceId( start + i ),
					document: post( start + i ),
				} ) )
			);
		}
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string =
				'?limit=40' +
				( cursor ? `&cursor=${ encodeURIComponent( cursor ) }` : '' );
			const page = ( await (
				await send( 'GET', `/v1/knowledge/documents${ query }` )
			).json() ) as {
				data: Json[];
				has_more: boolean;
				next_cursor: string | null;
			};
			seen.push(
				...page.data.map( ( item ) => String( item.source_id ) )
			);
			assert.ok( page.data.every( ( item ) => item.content_hash ) );
			assert.ok( page.data.every( ( item ) => item.updated_at ) );
			cursor = page.next_cursor;
			assert.equal( page.has_more, cursor !== null );
			pages += 1;
			// Written during the walk, before the cursor: must not be listed again or shift the pages.
			if ( pages === 2 ) {
				await put( 0, post( 0, 'changed' ) );
			}
		} while ( cursor );
		assert.equal( pages, Math.ceil( total / 40 ) );
		assert.equal( new Set( seen ).size, total );
		assert.equal( seen.length, total );
		for ( const limit of [ '0', '1001', 'ten' ] ) {
			assert.equal(
				(
					await send(
						'GET',
						`/v1/knowledge/documents?limit=${ limit }`
					)
				).status,
				400
			);
		}
		assert.equal(
			( await send( 'GET', '/v1/knowledge/documents?cursor=%25%25' ) )
				.status,
			400
		);
	} );

	it( 'deletes with 204, and answers 404 for a document it does not hold', async () => {
		await put( 1 );
		const remove = () =>
			send( 'DELETE', `/v1/knowledge/documents/${ sourceId( 1 ) }` );
		assert.equal( ( await remove() ).status, 204 );
		const absent = await remove();
		assert.equal( absent.status, 404 );
		assert.equal( ( ( await absent.json() ) as Json ).error, 'not_found' );
		const seen = await counters();
		assert.deepEqual( seen.knowledgeDeletes, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 2 },
		} );
		assert.deepEqual( seen.knowledgeDocuments, {} );
	} );

	it( 'keeps each client its own documents', async () => {
		await put( 1 );
		const other = ( await getToken( sandbox.url(), DEV ) ).access_token;
		const listing = ( await (
			await send( 'GET', '/v1/knowledge/documents', undefined, other )
		).json() ) as Json;
		assert.deepEqual( listing.data, [] );
		assert.equal(
			(
				await send(
					'DELETE',
					`/v1/knowledge/documents/${ sourceId( 1 ) }`,
					undefined,
					other
				)
			).status,
			404
		);
	} );

	const routes: Array< [ string, string, unknown ] > = [
		[ 'PUT', `/v1/knowledge/documents/${ sourceId( 1 ) }`, post( 1 ) ],
		[ 'GET', '/v1/knowledge/documents', undefined ],
		[ 'DELETE', `/v1/knowledge/documents/${ sourceId( 1 ) }`, undefined ],
		[ 'POST', '/v1/knowledge/batch', { items: [] } ],
	];
	for ( const [ method, path, body ] of routes ) {
		it( `refuses ${ method } ${ path } without write:knowledge with 403 insufficient_scope`, async () => {
			const narrow = (
				await getToken( sandbox.url(), PROD, { scope: 'read:widget' } )
			).access_token;
			const response = await send( method, path, body, narrow );
			assert.equal( response.status, 403 );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				/error="insufficient_scope".*scope="write:knowledge"/
			);
			assert.equal(
				( ( await response.json() ) as Json ).scope,
				'write:knowledge'
			);
			assert.equal(
				( await send( method, path, body, '' ) ).status,
				401
			);
		} );
	}

	it( 'answers an injected rate limit with 429 and Retry-After, and applies nothing', async () => {
		await control( sandbox.url(), 'POST', '/faults', {
			endpoint: 'api',
			mode: '429',
			retryAfter: 7,
		} );
		const limited = await batch( [
			{ op: 'upsert', source_id: sourceId( 1 ), document: post( 1 ) },
		] );
		assert.equal( limited.status, 429 );
		assert.equal( limited.headers.get( 'retry-after' ), '7' );
		assert.equal(
			( ( await limited.json() ) as Json ).error,
			'rate_limited'
		);
		assert.deepEqual( ( await counters() ).knowledgeWrites, {} );
		assert.equal( ( await put( 1 ) ).status, 201 );
	} );

	it( 'refuses creations over the plan quota with 402 quota_exceeded, but not updates or deletes', async () => {
		const set = await control( sandbox.url(), 'PUT', '/knowledge', {
			quota: 2,
		} );
		assert.equal( set.status, 200 );
		assert.equal( ( await put( 1 ) ).status, 201 );
		assert.equal( ( await put( 2 ) ).status, 201 );
		const over = await put( 3 );
		assert.equal( over.status, 402 );
		assert.deepEqual( await over.json(), {
			error: 'quota_exceeded',
			error_description: 'The plan allows 2 documents',
			quota: 2,
			held: 2,
		} );
		assert.equal( ( await put( 2, post( 2, 'edited' ) ) ).status, 200 );
		const whole = await batch( [
			{ op: 'upsert', source_id: sourceId( 3 ), document: post( 3 ) },
			{ op: 'upsert', source_id: sourceId( 4 ), document: post( 4 ) },
			{ op: 'delete', source_id: sourceId( 1 ) },
		] );
		assert.equal( whole.status, 402, 'one too many after the batch' );
		assert.deepEqual( ( await counters() ).knowledgeDocuments, {
			[ PROD.id ]: 2,
		} );
		const fits = await batch( [
			{ op: 'upsert', source_id: sourceId( 3 ), document: post( 3 ) },
			{ op: 'delete', source_id: sourceId( 1 ) },
		] );
		assert.equal( fits.status, 200 );
	} );

	it( 'loses the documents on a knowledge reset, keeps the counts, and clears everything on a full reset', async () => {
		await control( sandbox.url(), 'PUT', '/knowledge', { quota: 5 } );
		await put( 1 );
		await put( 2 );
		const cleared = await control( sandbox.url(), 'DELETE', '/knowledge' );
		assert.equal( cleared.status, 200 );
		let seen = await counters();
		assert.deepEqual( seen.knowledgeDocuments, {} );
		assert.deepEqual( seen.knowledgeWrites, {
			[ PROD.id ]: { [ sourceId( 1 ) ]: 1, [ sourceId( 2 ) ]: 1 },
		} );
		const listing = ( await (
			await send( 'GET', '/v1/knowledge/documents' )
		).json() ) as Json;
		assert.deepEqual( listing.data, [] );
		const state = ( await (
			await control( sandbox.url(), 'GET', '/knowledge' )
		).json() ) as Json;
		assert.equal( state.quota, 5, 'the quota stays' );

		const dev = ( await getToken( sandbox.url(), DEV ) ).access_token;
		await send(
			'PUT',
			`/v1/knowledge/documents/${ sourceId( 1 ) }`,
			post( 1 ),
			dev
		);
		await put( 1 );
		await control(
			sandbox.url(),
			'DELETE',
			`/knowledge?client_id=${ PROD.id }`
		);
		assert.deepEqual( ( await counters() ).knowledgeDocuments, {
			[ DEV.id ]: 1,
		} );
		await put( 1 );
		await control( sandbox.url(), 'POST', '/reset' );
		seen = await counters();
		assert.deepEqual( seen.knowledgeDocuments, {} );
		assert.deepEqual( seen.knowledgeWrites, {} );
		const after = ( await (
			await control( sandbox.url(), 'GET', '/knowledge' )
		).json() ) as Json;
		assert.notEqual( after.quota, 5, 'back to the default quota' );
	} );
} );
