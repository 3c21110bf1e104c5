import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { FALLBACK_ANSWER } from '../../sandbox/src/bot-answers';
import { control, getToken, PROD, useSandbox, type Json } from './helpers';
import {
	ask,
	registerOrigin,
	SITE_ORIGIN,
	syncPage,
	widgetConfig,
} from './widget-helpers';

interface Answer {
	conversationId: string;
	message: { id: string; text: string; sources: Json[] };
	leadCaptured: boolean;
}

const SHIPPING = {
	title: 'Shipping and returns',
	url: 'https://shop.example.test/shipping/',
	content:
		'# Shipping\n\nWe ship every order within two working days.\n\nReturns are free for 30 days: send the parcel back with the return label.',
};
const ABOUT = {
	title: 'About us',
	url: 'https://shop.example.test/about/',
	content: 'A family bakery in Lyon since 1952. We bake bread every morning.',
};

describe( 'visitor chat service', () => {
	const sandbox = useSandbox();
	let botId = '';
	let chatUrl = '';
	beforeEach( async () => {
		await sandbox.fresh();
		const token = ( await getToken( sandbox.url(), PROD ) ).access_token;
		await syncPage( sandbox.url(), token, 'site-1:post-2', SHIPPING );
		await syncPage( sandbox.url(), token, 'site-1:post-1', ABOUT );
		await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		( { bot_id: botId, chat_url: chatUrl } = await widgetConfig(
			sandbox.url(),
			token
		) );
	} );

	const preflight = ( origin: string ) =>
		fetch( `${ chatUrl }/bots/${ botId }/messages`, {
			method: 'OPTIONS',
			headers: {
				origin,
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type',
			},
		} );

	it( 'answers a preflight from a registered origin with CORS headers for it alone', async () => {
		const response = await preflight( SITE_ORIGIN );
		assert.equal( response.status, 204 );
		assert.equal(
			response.headers.get( 'access-control-allow-origin' ),
			SITE_ORIGIN
		);
		assert.equal(
			response.headers.get( 'access-control-allow-methods' ),
			'POST'
		);
		assert.equal(
			response.headers.get( 'access-control-allow-headers' ),
			'content-type'
		);
		assert.equal( response.headers.get( 'vary' ), 'Origin' );
	} );

	it( 'refuses a preflight and a message from an unregistered origin, or with none, as 403 origin_not_allowed without CORS headers', async () => {
		const refused = [
			await preflight( 'https://evil.example' ),
			await ask( chatUrl, botId, 'Shipping?', {
				origin: 'https://evil.example',
			} ),
			await ask( chatUrl, botId, 'Shipping?' ),
			// Origins compare exactly, as browsers send them.
			await ask( chatUrl, botId, 'Shipping?', {
				origin: 'http://shop.example.test',
			} ),
		];
		for ( const response of refused ) {
			assert.equal( response.status, 403 );
			assert.equal(
				response.headers.get( 'access-control-allow-origin' ),
				null
			);
			assert.equal(
				( ( await response.json() ) as Json ).error,
				'origin_not_allowed'
			);
		}
	} );

	it( 'answers 404 unknown_bot for a bot id no client has', async () => {
		const response = await ask( chatUrl, 'bot_0000', 'Hi', {
			origin: SITE_ORIGIN,
		} );
		assert.equal( response.status, 404 );
		assert.equal(
			( ( await response.json() ) as Json ).error,
			'unknown_bot'
		);
	} );

	it( "answers from the best-matching synced page, quoting its sentence, title and URL, with the origin's CORS header", async () => {
		const response = await ask(
			chatUrl,
			botId,
			'How long does shipping take for my order?',
			{ origin: SITE_ORIGIN }
		);
		assert.equal( response.status, 200 );
		assert.equal(
			response.headers.get( 'access-control-allow-origin' ),
			SITE_ORIGIN
		);
		const answer = ( await response.json() ) as Answer;
		assert.match( answer.conversationId, /^conv_/ );
		assert.equal(
			answer.message.text,
			'We ship every order within two working days.'
		);
		assert.deepEqual( answer.message.sources, [
			{ title: SHIPPING.title, url: SHIPPING.url },
		] );
		assert.equal( answer.leadCaptured, false );
	} );

	it( 'picks the sentence that matches best within the page', async () => {
		const answer = ( await (
			await ask( chatUrl, botId, 'Are returns free?', {
				origin: SITE_ORIGIN,
			} )
		).json() ) as Answer;
		assert.match( answer.message.text, /^Returns are free for 30 days/ );
	} );

	it( 'falls back plausibly, with no source, when no page matches', async () => {
		const answer = ( await (
			await ask( chatUrl, botId, 'Do you sell bicycles?', {
				origin: SITE_ORIGIN,
			} )
		).json() ) as Answer;
		assert.equal( answer.message.text, FALLBACK_ANSWER );
		assert.deepEqual( answer.message.sources, [] );
	} );

	it( 'continues a conversation by its id, and refuses an unknown one with 404 conversation_not_found', async () => {
		const first = ( await (
			await ask( chatUrl, botId, 'Bread?', { origin: SITE_ORIGIN } )
		).json() ) as Answer;
		const second = ( await (
			await ask( chatUrl, botId, 'Returns?', {
				origin: SITE_ORIGIN,
				conversationId: first.conversationId,
			} )
		).json() ) as Answer;
		assert.equal( second.conversationId, first.conversationId );
		const unknown = await ask( chatUrl, botId, 'Returns?', {
			origin: SITE_ORIGIN,
			conversationId: 'conv_nope',
		} );
		assert.equal( unknown.status, 404 );
	} );

	it( 'refuses an empty message as 422 invalid_message', async () => {
		const response = await ask( chatUrl, botId, '   ', {
			origin: SITE_ORIGIN,
		} );
		assert.equal( response.status, 422 );
	} );

	it( 'makes a lead of a message with an email, thanks the visitor, and counts both', async () => {
		const answer = ( await (
			await ask( chatUrl, botId, 'Call me back: Jane@Example.com', {
				origin: SITE_ORIGIN,
			} )
		).json() ) as Answer;
		assert.equal( answer.leadCaptured, true );
		assert.match( answer.message.text, /jane@example\.com/ );
		const counters = ( await (
			await control( sandbox.url(), 'GET', '/counters' )
		).json() ) as Json;
		assert.deepEqual( counters.chatMessages, { [ PROD.id ]: 1 } );
		assert.deepEqual( counters.leads, { [ PROD.id ]: 1 } );
	} );

	it( 'takes contact details on the lead route: 201 for a new lead, 200 when it adds to one, 422 for an invalid phone', async () => {
		const { conversationId } = ( await (
			await ask( chatUrl, botId, 'Returns?', { origin: SITE_ORIGIN } )
		).json() ) as Answer;
		const lead = ( body: Json, origin = SITE_ORIGIN ) =>
			fetch(
				`${ chatUrl }/bots/${ botId }/conversations/${ conversationId }/lead`,
				{
					method: 'POST',
					headers: { origin, 'content-type': 'application/json' },
					body: JSON.stringify( body ),
				}
			);
		assert.equal( ( await lead( { phone: '12' } ) ).status, 422 );
		assert.equal(
			( await lead( { email: 'a@b.test' }, 'https://evil.example' ) )
				.status,
			403
		);
		assert.equal(
			( await lead( { email: 'jane@example.com' } ) ).status,
			201
		);
		assert.equal(
			( await lead( { phone: '+33 6 12 34 56 78' } ) ).status,
			200
		);
	} );

	it( 'clears conversations through the control API, keeping the origins', async () => {
		await ask( chatUrl, botId, 'Returns?', { origin: SITE_ORIGIN } );
		const cleared = ( await (
			await control( sandbox.url(), 'DELETE', '/conversations' )
		).json() ) as Json;
		assert.deepEqual( cleared, {
			conversations: 0,
			leads: 0,
			origins: { [ PROD.id ]: [ SITE_ORIGIN ] },
		} );
	} );
} );
