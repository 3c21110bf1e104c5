import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { call, control, DEV, getToken, PROD, useSandbox } from './helpers';
import {
	registerOrigin,
	sendJson,
	SITE_ORIGIN,
	widgetConfig,
} from './widget-helpers';

describe( 'widget configuration and origins', () => {
	const sandbox = useSandbox();
	let token = '';
	beforeEach( async () => {
		await sandbox.fresh();
		token = (
			await getToken( sandbox.url(), PROD, { scope: 'read:widget' } )
		).access_token;
	} );

	it( 'gives a public bot id that never shows the client id, the theme, the script and chat URLs, and no origins yet', async () => {
		const config = await widgetConfig( sandbox.url(), token );
		assert.match( config.bot_id, /^bot_[0-9a-f]{20}$/ );
		assert.ok( ! config.bot_id.includes( PROD.id ) );
		assert.equal( config.greeting, 'Bonjour ! How can I help?' );
		assert.deepEqual( config.theme, {
			color: '#2271b1',
			text_color: '#ffffff',
			position: 'bottom-right',
		} );
		assert.equal(
			config.script_url,
			sandbox.apiUrl() + '/widget/v1/widget.js'
		);
		assert.equal( config.chat_url, sandbox.apiUrl() + '/chat/v1' );
		assert.deepEqual( config.origins, [] );
		assert.equal( config.environment, 'production' );
	} );

	it( 'keeps the bot id stable per client and different between clients, and /v1/me agrees', async () => {
		const again = await widgetConfig( sandbox.url(), token );
		const dev = ( await getToken( sandbox.url(), DEV ) ).access_token;
		const other = await widgetConfig( sandbox.url(), dev );
		assert.equal(
			again.bot_id,
			( await widgetConfig( sandbox.url(), token ) ).bot_id
		);
		assert.notEqual( other.bot_id, again.bot_id );
		const me = ( await (
			await call( sandbox.url(), '/v1/me', dev )
		).json() ) as { bot: { id: string } };
		assert.equal( me.bot.id, other.bot_id );
	} );

	it( 'registers an origin normalised, idempotently, and lists it', async () => {
		const first = await registerOrigin(
			sandbox.url(),
			token,
			'HTTPS://Shop.Example.TEST:443/'
		);
		assert.equal( first.status, 201 );
		assert.deepEqual( await first.json(), {
			origin: SITE_ORIGIN,
			origins: [ SITE_ORIGIN ],
		} );
		const again = await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		assert.equal( again.status, 200 );
		await registerOrigin( sandbox.url(), token, 'http://localhost:8080' );
		assert.deepEqual(
			( await widgetConfig( sandbox.url(), token ) ).origins,
			[ SITE_ORIGIN, 'http://localhost:8080' ]
		);
	} );

	for ( const [ name, origin ] of [
		[ 'a path', 'https://shop.example.test/blog' ],
		[ 'a query', 'https://shop.example.test/?p=1' ],
		[ 'credentials', 'https://user:pw@shop.example.test' ],
		[ 'another scheme', 'ftp://shop.example.test' ],
		[ 'no scheme', 'shop.example.test' ],
	] ) {
		it( `refuses an origin with ${ name } as 400 invalid_origin`, async () => {
			const response = await registerOrigin(
				sandbox.url(),
				token,
				origin as string
			);
			assert.equal( response.status, 400 );
			assert.equal(
				( ( await response.json() ) as { error: string } ).error,
				'invalid_origin'
			);
		} );
	}

	it( 'removes an origin with 204, and again with 204 when it is already gone', async () => {
		await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		const path = `/v1/widget/origins/${ encodeURIComponent(
			SITE_ORIGIN
		) }`;
		for ( let i = 0; i < 2; i++ ) {
			assert.equal(
				( await sendJson( sandbox.url(), 'DELETE', path, token ) )
					.status,
				204
			);
		}
		assert.deepEqual(
			( await widgetConfig( sandbox.url(), token ) ).origins,
			[]
		);
	} );

	it( 'needs read:widget to register an origin', async () => {
		const conversationsOnly = (
			await getToken( sandbox.url(), PROD, {
				scope: 'read:conversations',
			} )
		).access_token;
		const response = await registerOrigin(
			sandbox.url(),
			conversationsOnly,
			SITE_ORIGIN
		);
		assert.equal( response.status, 403 );
		assert.equal(
			( ( await response.json() ) as { scope: string } ).scope,
			'read:widget'
		);
	} );

	it( 'forgets the origins on a reset', async () => {
		await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		await control( sandbox.url(), 'POST', '/reset' );
		assert.deepEqual(
			( await widgetConfig( sandbox.url(), token ) ).origins,
			[]
		);
	} );

	it( 'serves the widget script publicly as JavaScript that reads its configuration as data, not code', async () => {
		const response = await fetch(
			sandbox.apiUrl() + '/widget/v1/widget.js'
		);
		assert.equal( response.status, 200 );
		assert.match(
			response.headers.get( 'content-type' ) ?? '',
			/^text\/javascript/
		);
		const script = await response.text();
		assert.match( script, /causerie-widget-config/ );
		assert.match( script, /JSON\.parse/ );
		assert.match( script, /data-causerie-config/ );
		// Nothing a strict CSP forbids: no eval, no injected <style> or inline handlers, no global config object.
		assert.doesNotMatch(
			script,
			/\beval\(|new Function|createElement\(\s*'style'|innerHTML|window\.causerie/i
		);
	} );
} );
