/**
 * Adds the chat widget's script to the page once the visitor consents, and not before.
 *
 * It reads `loader` from the widget's JSON configuration (`#causerie-widget-config`, printed by Widget_Front):
 * `{ src, category }`.
 * - With a `category`, the WP Consent API decides: `wp_has_consent( category )` now, or a later
 *   `wp_listen_for_consent_change` event whose detail allows that category. When the API says a banner will
 *   set the consent type later (`waitfor_consent_hook`), it asks only after `wp_consent_type_defined`: before
 *   that, the API answers yes to everything.
 * - Without one (the owner's "wait for a consent signal" setting), the page signals consent itself: by
 *   dispatching `causerie-consent` on `document`, or by setting `window.causerieConsent = true` before this
 *   deferred script runs.
 */

export const CONFIG_ID = 'causerie-widget-config';
export const SIGNAL_EVENT = 'causerie-consent';
export const CONSENT_API_EVENT = 'wp_listen_for_consent_change';
export const CONSENT_TYPE_EVENT = 'wp_consent_type_defined';

export interface Gate {
	src: string;
	category: string | null;
}

export type ConsentWindow = Window & {
	wp_has_consent?: ( category: string ) => boolean;
	wp_consent_type?: string;
	waitfor_consent_hook?: boolean;
	causerieConsent?: boolean;
};

/** The loader's part of the configuration, or null when there is none fit to use. */
export function readGate( doc: Document ): Gate | null {
	try {
		const config: unknown = JSON.parse(
			doc.getElementById( CONFIG_ID )?.textContent ?? ''
		);
		const gate = ( config as { loader?: Partial< Gate > } ).loader;
		if ( typeof gate?.src !== 'string' ) {
			return null;
		}
		return {
			src: gate.src,
			category: typeof gate.category === 'string' ? gate.category : null,
		};
	} catch {
		return null;
	}
}

function consented( win: ConsentWindow, category: string | null ): boolean {
	if ( category === null ) {
		return win.causerieConsent === true;
	}
	return (
		typeof win.wp_has_consent === 'function' &&
		win.wp_has_consent( category ) === true
	);
}

/**
 * Waits for consent, then adds the widget's script once.
 *
 * @param doc The page.
 * @param win Its window.
 */
export function start( doc: Document, win: ConsentWindow ): void {
	const gate = readGate( doc );
	if ( gate === null ) {
		return;
	}
	let added = false;
	const add = () => {
		if ( added ) {
			return;
		}
		added = true;
		const script = doc.createElement( 'script' );
		script.src = gate.src;
		doc.body.appendChild( script );
	};
	const category = gate.category;
	if ( category === null ) {
		if ( consented( win, null ) ) {
			add();
			return;
		}
		doc.addEventListener( SIGNAL_EVENT, add );
		return;
	}
	// Listening first: a banner may answer as soon as it defines the consent type.
	doc.addEventListener( CONSENT_API_EVENT, ( event ) => {
		const detail = ( event as CustomEvent< unknown > ).detail;
		if (
			typeof detail === 'object' &&
			detail !== null &&
			( detail as Record< string, unknown > )[ category ] === 'allow'
		) {
			add();
		}
	} );
	const ask = () => {
		if ( consented( win, category ) ) {
			add();
		}
	};
	if ( win.waitfor_consent_hook && win.wp_consent_type === undefined ) {
		doc.addEventListener( CONSENT_TYPE_EVENT, ask, { once: true } );
		return;
	}
	ask();
}
