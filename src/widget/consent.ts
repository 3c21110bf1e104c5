/**
 * How the chatbot waits for the visitor's consent: the one place that names the category and the signal.
 */
import { __, sprintf } from '@wordpress/i18n';

/** The WP Consent API category the chatbot waits for. */
export const CONSENT_CATEGORY = 'functional';

/** The event a page fires on `window` when the visitor consents, without the WP Consent API. */
export const CONSENT_EVENT = 'causerie-consent';

/** The line shown when the WP Consent API is active. */
export function consentApiText(): string {
	return sprintf(
		/* translators: %s: a consent category of the WP Consent API, such as functional. */
		__(
			'The chatbot waits for the visitor\'s consent through the WP Consent API: it loads once the visitor accepts the "%s" category.',
			'causerie-connector'
		),
		CONSENT_CATEGORY
	);
}

/** What the signal is, under the toggle that waits for it. */
export function consentSignalText(): string {
	return sprintf(
		/* translators: 1: an event name, 2: a line of JavaScript. */
		__(
			'The chatbot then loads only once the page fires the %1$s event, which your cookie banner can do when the visitor accepts: %2$s',
			'causerie-connector'
		),
		CONSENT_EVENT,
		`window.dispatchEvent( new Event( '${ CONSENT_EVENT }' ) )`
	);
}
