/**
 * The browser's half of the WP Consent API test double (see wp-consent-api.php): the functions and the event
 * the real plugin's script documents, written afresh. A banner sets `window.wp_consent_type` (or the server's
 * `wp_get_consent_type` filter does) and calls `wp_set_consent( category, 'allow' | 'deny' )`; a plugin asks
 * `wp_has_consent( category )` and listens for `wp_listen_for_consent_change` on `document`, whose detail is
 * `{ [category]: value }`. Choices live in the cookies `wp_consent_<category>`, which PHP reads too.
 */
( function () {
	'use strict';

	const settings = window.consent_api || {};
	const prefix = settings.cookie_prefix || 'wp_consent';

	// A banner may set window.wp_consent_type itself; the server's type is the fallback.
	window.wp_fallback_consent_type = settings.consent_type;
	window.waitfor_consent_hook = settings.waitfor_consent_hook;

	function readCookie( name ) {
		const found = document.cookie
			.split( ';' )
			.map( ( part ) => part.trim() )
			.find( ( part ) => part.indexOf( name + '=' ) === 0 );
		return found ? found.slice( name.length + 1 ) : '';
	}

	function writeCookie( name, value ) {
		const days = Number( settings.cookie_expiration ) || 30;
		const expires = new Date( Date.now() + days * 86400000 );
		document.cookie =
			name +
			'=' +
			value +
			';expires=' +
			expires.toUTCString() +
			';path=/' +
			( window.location.protocol === 'https:' ? ';secure' : '' );
	}

	window.consent_api_get_cookie = readCookie;
	window.consent_api_set_cookie = writeCookie;

	window.wp_has_consent = function ( category ) {
		const type =
			typeof window.wp_consent_type !== 'undefined'
				? window.wp_consent_type
				: window.wp_fallback_consent_type;
		if ( ! type ) {
			// No banner decides here: everything is allowed.
			return true;
		}
		const choice = readCookie( prefix + '_' + category );
		if ( String( type ).indexOf( 'optout' ) !== -1 && choice === '' ) {
			return true;
		}
		return choice === 'allow';
	};

	window.wp_set_consent = function ( category, value ) {
		if ( value !== 'allow' && value !== 'deny' ) {
			return;
		}
		const name = prefix + '_' + category;
		const changed = readCookie( name ) !== value;
		writeCookie( name, value );
		// Listeners hear of a change only (the plugin's behaviour since 1.0.4).
		if ( changed ) {
			document.dispatchEvent(
				new CustomEvent( 'wp_listen_for_consent_change', {
					detail: { [ category ]: value },
				} )
			);
		}
	};
} )();
