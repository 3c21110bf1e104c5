import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

// jsdom runs the served script in a page, as a visitor's browser would.
import { JSDOM, VirtualConsole } from 'jsdom';

import { getToken, PROD, useSandbox } from './helpers';
import {
	registerOrigin,
	SITE_ORIGIN,
	syncPage,
	widgetConfig,
} from './widget-helpers';

const PAGE = {
	title: 'Opening hours',
	url: `${ SITE_ORIGIN }/hours/`,
	content: 'The shop opens at eight every morning, Sunday included.',
};

/** A page of the site with the widget's JSON configuration, running the served script, its fetch sent from the page's origin. */
function page(
	script: string,
	config: Record< string, unknown > | null,
	body = ''
) {
	const tag = config
		? `<script type="application/json" id="causerie-widget-config">${ JSON.stringify(
				config
			) }</script>`
		: '';
	const errors: unknown[] = [];
	const virtualConsole = new VirtualConsole();
	virtualConsole.on( 'jsdomError', ( error ) => errors.push( error ) );
	const dom = new JSDOM( `<!DOCTYPE html><body>${ body }${ tag }</body>`, {
		url: `${ SITE_ORIGIN }/`,
		runScripts: 'outside-only',
		virtualConsole,
	} );
	const sent: Array< Record< string, unknown > > = [];
	Object.assign( dom.window, {
		fetch: ( url: string, init: RequestInit ) => {
			sent.push( JSON.parse( String( init.body ) ) );
			return fetch( url, {
				...init,
				headers: {
					...( init.headers as Record< string, string > ),
					origin: SITE_ORIGIN,
				},
			} );
		},
	} );
	dom.window.eval( script );
	return { dom, sent, errors };
}

/** The page after DOMContentLoaded, when the widget starts. */
async function loaded( dom: JSDOM ): Promise< void > {
	if ( dom.window.document.readyState === 'loading' ) {
		await new Promise( ( resolve ) =>
			dom.window.document.addEventListener( 'DOMContentLoaded', resolve )
		);
	}
}

async function until( check: () => boolean ): Promise< void > {
	for ( let i = 0; i < 100 && ! check(); i++ ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
	}
	assert.ok( check(), 'timed out' );
}

describe( 'the widget script in a page', () => {
	const sandbox = useSandbox();
	let script = '';
	let config: Record< string, unknown > = {};
	beforeEach( async () => {
		await sandbox.fresh();
		const token = ( await getToken( sandbox.url(), PROD ) ).access_token;
		await syncPage( sandbox.url(), token, 'site-1:page-9', PAGE );
		await registerOrigin( sandbox.url(), token, SITE_ORIGIN );
		const widget = await widgetConfig( sandbox.url(), token );
		script = await ( await fetch( widget.script_url ) ).text();
		config = {
			botId: widget.bot_id,
			chatUrl: widget.chat_url,
			greeting: 'Hello from the test',
		};
	} );

	it( 'opens on the bubble, greets, and shows the answer with its source link, continuing the same conversation', async () => {
		const { dom, sent, errors } = page( script, config );
		await loaded( dom );
		const root =
			dom.window.document.getElementById( 'causerie-widget' )?.shadowRoot;
		assert.ok( root );
		const bubble = root.querySelector( 'button' ) as HTMLButtonElement;
		bubble.click();
		assert.equal( bubble.getAttribute( 'aria-expanded' ), 'true' );
		const log = root.querySelector( '[role="log"]' ) as HTMLElement;
		assert.equal( log.textContent, 'Hello from the test' );

		const ask = ( text: string ) => {
			( root.querySelector( 'input' ) as HTMLInputElement ).value = text;
			root.querySelector( 'form' )?.dispatchEvent(
				new dom.window.Event( 'submit', { cancelable: true } )
			);
		};
		ask( 'When does the shop open?' );
		await until( () => log.querySelector( 'a' ) !== null );
		const link = log.querySelector( 'a' ) as HTMLAnchorElement;
		assert.equal( link.textContent, PAGE.title );
		assert.equal( link.href, PAGE.url );
		assert.match( log.textContent ?? '', /opens at eight every morning/ );

		ask( 'And on Sunday?' );
		await until( () => log.children.length === 5 );
		assert.equal( sent.length, 2 );
		assert.equal( sent[ 0 ]?.conversationId, undefined );
		assert.match( String( sent[ 1 ]?.conversationId ), /^conv_/ );
		assert.deepEqual( errors, [] );
	} );

	it( 'fills each inline mount with an open panel in its own shadow root, answering in the same conversation', async () => {
		const { dom, sent, errors } = page(
			script,
			config,
			'<div data-causerie-inline data-causerie-title="Ask the shop"></div><div data-causerie-inline></div>'
		);
		await loaded( dom );
		const [ first, second ] = Array.from(
			dom.window.document.querySelectorAll( '[data-causerie-inline]' )
		).map( ( element ) => element.shadowRoot );
		assert.ok( first && second );
		const region = first.querySelector( '[role="region"]' ) as HTMLElement;
		assert.equal( region.getAttribute( 'aria-label' ), 'Ask the shop' );
		assert.equal( region.style.position, '' );
		const log = first.querySelector( '[role="log"]' ) as HTMLElement;
		assert.equal( log.textContent, 'Hello from the test' );
		assert.equal(
			second
				.querySelector( '[role="region"]' )
				?.getAttribute( 'aria-label' ),
			'Ask us'
		);

		( first.querySelector( 'input' ) as HTMLInputElement ).value =
			'When does the shop open?';
		first
			.querySelector( 'form' )
			?.dispatchEvent(
				new dom.window.Event( 'submit', { cancelable: true } )
			);
		await until( () => log.querySelector( 'a' ) !== null );
		assert.equal( log.querySelector( 'a' )?.textContent, PAGE.title );
		// The bubble's own panel is still there, closed, for a button that opens it.
		const bubble = dom.window.document
			.getElementById( 'causerie-widget' )
			?.shadowRoot?.querySelector( 'button' );
		assert.equal( bubble?.getAttribute( 'aria-expanded' ), 'false' );
		assert.equal( sent.length, 1 );
		assert.deepEqual( errors, [] );
	} );

	it( 'opens the bubble from an element with data-causerie-open', async () => {
		const { dom, errors } = page(
			script,
			config,
			'<button type="button" data-causerie-open>Chat with us</button>'
		);
		await loaded( dom );
		(
			dom.window.document.querySelector(
				'[data-causerie-open]'
			) as HTMLButtonElement
		 ).click();
		const root =
			dom.window.document.getElementById( 'causerie-widget' )?.shadowRoot;
		assert.equal(
			root?.querySelector( 'button' )?.getAttribute( 'aria-expanded' ),
			'true'
		);
		assert.deepEqual( errors, [] );
	} );

	it( 'shows nothing, and throws nothing, without a configuration', async () => {
		const { dom, errors } = page( script, null );
		await loaded( dom );
		assert.deepEqual( errors, [] );
		assert.equal(
			dom.window.document.getElementById( 'causerie-widget' ),
			null
		);
	} );
} );
