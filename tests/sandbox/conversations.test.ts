import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import {
	call,
	control,
	DEV,
	getToken,
	PROD,
	useSandbox,
	type Json,
} from './helpers';
import {
	ask,
	registerOrigin,
	SITE_ORIGIN,
	syncPage,
	widgetConfig,
} from './widget-helpers';

interface Page {
	data: Json[];
	has_more: boolean;
	next_cursor: string | null;
}

const HOURS = {
	title: 'Opening hours',
	url: 'https://shop.example.test/hours/',
	content: 'The shop opens at eight every morning, Sunday included.',
};

describe( 'conversations and leads for the site owner', () => {
	const sandbox = useSandbox();
	let token = '';
	let botId = '';
	let chatUrl = '';
	beforeEach( async () => {
		await sandbox.fresh();
		token = ( await getToken( sandbox.url(), PROD ) ).access_token;
		await syncPage( sandbox.url(), token, 'site-1:page-9', HOURS );
		await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		( { bot_id: botId, chat_url: chatUrl } = await widgetConfig(
			sandbox.url(),
			token
		) );
	} );

	/** A new conversation; answers its id. */
	const converse = async ( ...texts: string[] ) => {
		let conversationId: string | undefined;
		for ( const text of texts ) {
			const answer = ( await (
				await ask( chatUrl, botId, text, {
					origin: SITE_ORIGIN,
					conversationId,
				} )
			).json() ) as { conversationId: string };
			conversationId = answer.conversationId;
		}
		return conversationId as string;
	};
	const get = async ( path: string, bearer = token ) =>
		( await ( await call( sandbox.url(), path, bearer ) ).json() ) as Page &
			Json;

	it( 'lists a conversation with its first question, message count, lead flag and the pages quoted', async () => {
		const id = await converse(
			'When does the shop open?',
			'Mail me at jo@example.com'
		);
		const page = await get( '/v1/conversations' );
		assert.deepEqual( page, {
			data: [
				{
					id,
					started_at: page.data[ 0 ]?.started_at,
					messages: 4,
					first_question: 'When does the shop open?',
					lead: true,
					origin: SITE_ORIGIN,
					sources: [
						{
							source_id: 'site-1:page-9',
							title: HOURS.title,
							url: HOURS.url,
						},
					],
				},
			],
			has_more: false,
			next_cursor: null,
		} );
	} );

	it( 'gives a conversation with its transcript and contact, and 404 for another client', async () => {
		const id = await converse( 'When does the shop open?' );
		const conversation = await get( `/v1/conversations/${ id }` );
		const transcript = conversation.transcript as Json[];
		assert.deepEqual(
			transcript.map( ( message ) => [ message.role, message.text ] ),
			[
				[ 'visitor', 'When does the shop open?' ],
				[ 'bot', HOURS.content ],
			]
		);
		assert.equal( conversation.contact, null );
		const dev = ( await getToken( sandbox.url(), DEV ) ).access_token;
		assert.equal(
			( await call( sandbox.url(), `/v1/conversations/${ id }`, dev ) )
				.status,
			404
		);
	} );

	it( 'pages conversations newest first by keyset, each once', async () => {
		const ids = [];
		for ( let i = 0; i < 5; i++ ) {
			ids.push( await converse( `Question ${ i }` ) );
		}
		const seen: unknown[] = [];
		let cursor: string | null = null;
		do {
			const page: Page = await get(
				'/v1/conversations?limit=2' +
					( cursor ? `&cursor=${ cursor }` : '' )
			);
			seen.push( ...page.data.map( ( each ) => each.id ) );
			cursor = page.next_cursor;
			// A conversation started mid-walk is newer than the cursor: it is not listed twice, nor shifts the pages.
			if ( seen.length === 2 ) {
				await converse( 'Late question' );
			}
		} while ( cursor );
		assert.deepEqual( seen, [ ...ids ].reverse() );
	} );

	it( 'pages leads oldest first from the last one seen, never twice, with a cursor to keep even on an empty page', async () => {
		await converse( 'first@example.com' );
		await converse( 'No contact here' );
		await converse( 'Call +33 6 12 34 56 78' );
		const first = await get( '/v1/leads?limit=1' );
		assert.equal( first.data[ 0 ]?.email, 'first@example.com' );
		assert.equal( first.has_more, true );
		const second = await get(
			`/v1/leads?limit=10&cursor=${ first.next_cursor }`
		);
		assert.deepEqual(
			second.data.map( ( lead ) => lead.phone ),
			[ '+33 6 12 34 56 78' ]
		);
		assert.equal( second.has_more, false );
		const empty = await get( `/v1/leads?cursor=${ second.next_cursor }` );
		assert.deepEqual( empty.data, [] );
		assert.equal( empty.next_cursor, second.next_cursor );
		// Details added to a known lead do not make it new again; a new lead comes after the cursor.
		await ask( chatUrl, botId, 'Or call 01 23 45 67 89', {
			origin: SITE_ORIGIN,
			conversationId: String( first.data[ 0 ]?.conversation_id ),
		} );
		await converse( 'later@example.com' );
		const later = await get( `/v1/leads?cursor=${ empty.next_cursor }` );
		assert.deepEqual(
			later.data.map( ( lead ) => lead.email ),
			[ 'later@example.com' ]
		);
		assert.deepEqual( Object.keys( later.data[ 0 ] ?? {} ).sort(), [
			'captured_at',
			'conversation_id',
			'email',
			'id',
			'origin',
			'phone',
		] );
	} );

	it( 'counts the conversations and leads since a date in total, whatever the page, and lists only those', async () => {
		await control( sandbox.url(), 'PUT', '/clock', {
			skewSeconds: -8 * 86400,
		} );
		await converse( 'old@example.com' );
		await control( sandbox.url(), 'PUT', '/clock', { skewSeconds: 0 } );
		const recent = await converse( 'new@example.com' );
		await converse( 'No contact here' );
		const since = new Date( Date.now() - 7 * 86400 * 1000 ).toISOString();
		const conversations = await get(
			`/v1/conversations?limit=1&since=${ since }`
		);
		assert.equal( conversations.total, 2 );
		assert.equal( conversations.data.length, 1 );
		const rest = await get(
			`/v1/conversations?limit=10&since=${ since }&cursor=${ conversations.next_cursor }`
		);
		assert.deepEqual(
			rest.data.map( ( each ) => each.id ),
			[ recent ]
		);
		assert.equal( rest.total, 2 );
		const leads = await get( `/v1/leads?limit=1&since=${ since }` );
		assert.equal( leads.total, 1 );
		assert.deepEqual(
			leads.data.map( ( lead ) => lead.email ),
			[ 'new@example.com' ]
		);
		// Without `since`, the answers keep the first version's shape: no total.
		assert.equal( 'total' in ( await get( '/v1/conversations' ) ), false );
		assert.equal( 'total' in ( await get( '/v1/leads' ) ), false );
	} );

	for ( const [ name, path ] of [
		[ 'a limit over 100', '/v1/conversations?limit=101' ],
		[ 'a limit of 0', '/v1/leads?limit=0' ],
		[ 'a made-up cursor', '/v1/leads?cursor=bm9wZQ' ],
		[
			'a conversations cursor on the leads',
			`/v1/leads?cursor=${ Buffer.from( 'c:3' ).toString( 'base64url' ) }`,
		],
	] ) {
		it( `refuses ${ name } as 400 invalid_request`, async () => {
			const response = await call( sandbox.url(), path as string, token );
			assert.equal( response.status, 400 );
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'invalid_request'
			);
		} );
	}

	for ( const path of [
		'/v1/conversations',
		'/v1/conversations/conv_x',
		'/v1/leads',
	] ) {
		it( `needs read:conversations for ${ path }: 403 insufficient_scope`, async () => {
			const widgetOnly = (
				await getToken( sandbox.url(), PROD, { scope: 'read:widget' } )
			).access_token;
			const response = await call( sandbox.url(), path, widgetOnly );
			assert.equal( response.status, 403 );
			assert.match(
				response.headers.get( 'www-authenticate' ) ?? '',
				/error="insufficient_scope".*scope="read:conversations"/
			);
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'insufficient_scope'
			);
		} );
	}
} );
