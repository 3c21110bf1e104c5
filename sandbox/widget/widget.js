/**
 * The Causerie chat widget: a bubble that opens a panel where a visitor asks the site's bot.
 *
 * Configuration comes from the page as data, never as code, so the widget runs under a strict
 * Content-Security-Policy (no 'unsafe-inline'): a `<script type="application/json" id="causerie-widget-config">`
 * element, or a `data-causerie-config` attribute holding the same JSON on this script's own tag. Styles are set
 * through the CSSOM, which style-src does not restrict, inside a shadow root so the theme's CSS cannot reach them.
 * Any element with a `data-causerie-open` attribute opens the panel; any element with `data-causerie-inline` gets a
 * panel of its own inside it, open from the start, in its own shadow root (`data-causerie-title` names it).
 */
( function () {
	'use strict';

	const CONFIG_ID = 'causerie-widget-config';
	const self = document.currentScript;

	function readConfig() {
		const tag = document.getElementById( CONFIG_ID );
		const text = tag
			? tag.textContent
			: self && self.getAttribute( 'data-causerie-config' );
		if ( ! text ) {
			return null;
		}
		try {
			const config = JSON.parse( text );
			return config && config.botId && config.chatUrl ? config : null;
		} catch {
			return null;
		}
	}

	function make( tag, styles, attributes ) {
		const element = document.createElement( tag );
		Object.assign( element.style, styles || {} );
		Object.keys( attributes || {} ).forEach( function ( name ) {
			element.setAttribute( name, attributes[ name ] );
		} );
		return element;
	}

	function start( config ) {
		const color = config.color || '#2271b1';
		const textColor = config.textColor || '#ffffff';
		const side = config.position === 'bottom-left' ? 'left' : 'right';
		const storageKey = 'causerie:' + config.botId + ':conversation';
		const endpoint =
			config.chatUrl.replace( /\/$/, '' ) +
			'/bots/' +
			encodeURIComponent( config.botId );

		const host = make( 'div', {}, { id: 'causerie-widget' } );
		const root = host.attachShadow
			? host.attachShadow( { mode: 'open' } )
			: host;
		const corner = {
			position: 'fixed',
			bottom: '20px',
			zIndex: '2147483000',
		};
		corner[ side ] = '20px';

		const bubble = make(
			'button',
			Object.assign( {}, corner, {
				background: color,
				color: textColor,
				border: '0',
				borderRadius: '28px',
				padding: '14px 20px',
				font: '600 15px/1 system-ui, sans-serif',
				cursor: 'pointer',
				boxShadow: '0 4px 14px rgba(0,0,0,.25)',
			} ),
			{
				type: 'button',
				'aria-expanded': 'false',
				'aria-controls': 'causerie-panel',
			}
		);
		bubble.textContent = config.launcherText || 'Chat';

		const panel = make(
			'div',
			Object.assign( {}, corner, {
				bottom: '84px',
				width: 'min(360px, calc(100vw - 40px))',
				height: 'min(480px, calc(100vh - 120px))',
				display: 'none',
				boxShadow: '0 8px 30px rgba(0,0,0,.3)',
			} ),
			{ id: 'causerie-panel', role: 'dialog', 'aria-label': 'Chat' }
		);
		const floating = view( panel, config.title || 'Ask us' );
		root.append( bubble, panel );
		document.body.appendChild( host );

		/*
		 * Fills a panel with its header, the conversation and the question form. Every panel of the page
		 * continues the same conversation.
		 */
		function view( box, title ) {
			Object.assign( box.style, {
				flexDirection: 'column',
				background: '#fff',
				color: '#1e1e1e',
				borderRadius: '12px',
				font: '14px/1.45 system-ui, sans-serif',
				overflow: 'hidden',
			} );
			const header = make( 'div', {
				background: color,
				color: textColor,
				padding: '12px 16px',
				fontWeight: '600',
			} );
			header.textContent = title;
			const log = make(
				'div',
				{ flex: '1', overflowY: 'auto', padding: '12px 16px' },
				{ role: 'log', 'aria-live': 'polite' }
			);
			const form = make( 'form', {
				display: 'flex',
				gap: '8px',
				padding: '10px',
				borderTop: '1px solid #ddd',
			} );
			const input = make(
				'input',
				{ flex: '1', padding: '8px', font: 'inherit' },
				{
					type: 'text',
					'aria-label': 'Your question',
					maxlength: '2000',
				}
			);
			const send = make(
				'button',
				{
					background: color,
					color: textColor,
					border: '0',
					borderRadius: '6px',
					padding: '8px 12px',
					cursor: 'pointer',
				},
				{ type: 'submit' }
			);
			send.textContent = 'Send';
			form.append( input, send );
			box.append( header, log, form );

			function say( role, text, sources ) {
				const line = make( 'p', {
					margin: '0 0 10px',
					padding: '8px 10px',
					borderRadius: '8px',
					background: role === 'visitor' ? '#f0f0f1' : '#eef4fb',
					marginLeft: role === 'visitor' ? '40px' : '0',
					whiteSpace: 'pre-wrap',
				} );
				line.textContent = text;
				( sources || [] ).forEach( function ( source ) {
					if ( ! source.url ) {
						return;
					}
					const cite = make( 'span', {
						display: 'block',
						marginTop: '6px',
					} );
					const link = make( 'a', { color }, { href: source.url } );
					link.textContent = source.title;
					cite.append( 'Source: ', link );
					line.appendChild( cite );
				} );
				log.appendChild( line );
				log.scrollTop = log.scrollHeight;
			}

			form.addEventListener( 'submit', function ( event ) {
				event.preventDefault();
				const text = input.value.trim();
				if ( ! text ) {
					return;
				}
				input.value = '';
				say( 'visitor', text );
				send.disabled = true;
				post( text, false )
					.then( function ( answer ) {
						try {
							window.sessionStorage.setItem(
								storageKey,
								answer.conversationId
							);
						} catch {}
						say(
							'bot',
							answer.message.text,
							answer.message.sources
						);
					} )
					.catch( function () {
						say(
							'bot',
							'Sorry, the chat is not available right now. Please try again later.'
						);
					} )
					.then( function () {
						send.disabled = false;
					} );
			} );

			return {
				greet() {
					if ( ! log.hasChildNodes() ) {
						say(
							'bot',
							config.greeting || 'Hello! How can I help?'
						);
					}
				},
				input,
			};
		}

		function toggle( open ) {
			panel.style.display = open ? 'flex' : 'none';
			bubble.setAttribute( 'aria-expanded', open ? 'true' : 'false' );
			if ( open ) {
				floating.greet();
				floating.input.focus();
			}
		}

		// Inline panels (a block's or a shortcode's), each in its own shadow root, open from the start.
		document
			.querySelectorAll( '[data-causerie-inline]' )
			.forEach( function ( element ) {
				if ( ! element.attachShadow || element.shadowRoot ) {
					return;
				}
				const title =
					element.getAttribute( 'data-causerie-title' ) ||
					config.title ||
					'Ask us';
				const box = make(
					'div',
					{
						display: 'flex',
						height: '420px',
						border: '1px solid #ddd',
					},
					{ role: 'region', 'aria-label': title }
				);
				element.attachShadow( { mode: 'open' } ).appendChild( box );
				view( box, title ).greet();
			} );

		function post( text, retried ) {
			let conversationId = null;
			try {
				conversationId = window.sessionStorage.getItem( storageKey );
			} catch {}
			return window
				.fetch( endpoint + '/messages', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(
						conversationId ? { conversationId, text } : { text }
					),
				} )
				.then( function ( response ) {
					if (
						response.status === 404 &&
						conversationId &&
						! retried
					) {
						// The conversation is gone on Causerie's side: start a new one.
						window.sessionStorage.removeItem( storageKey );
						return post( text, true );
					}
					if ( ! response.ok ) {
						throw new Error( String( response.status ) );
					}
					return response.json();
				} );
		}

		bubble.addEventListener( 'click', function () {
			toggle( panel.style.display === 'none' );
		} );
		document.addEventListener( 'click', function ( event ) {
			const target = event.target;
			if (
				target &&
				target.closest &&
				target.closest( '[data-causerie-open]' )
			) {
				event.preventDefault();
				toggle( true );
			}
		} );
	}

	function boot() {
		const config = readConfig();
		// No configuration, no widget: never an error for visitors.
		if ( config ) {
			start( config );
		}
	}

	if ( document.readyState === 'loading' ) {
		document.addEventListener( 'DOMContentLoaded', boot );
	} else {
		boot();
	}
} )();
