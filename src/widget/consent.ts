/**
 * How the chatbot waits for the visitor's consent: the one place that names the category and the signal.
 */
import { __, sprintf } from '@wordpress/i18n';

import { SIGNAL_EVENT } from '../widget-loader/loader';

/**
 * The WP Consent API category the chatbot waits for: Widget\Consent::CATEGORY's default, until the widget's
 * route says which one the site's filter chose.
 */
export const CONSENT_CATEGORY = 'marketing';

/** The line shown when the WP Consent API is active. */
export function consentApiText(): string {
	return sprintf(
		/* translators: %s: a consent category of the WP Consent API, such as marketing. */
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
		SIGNAL_EVENT,
		`document.dispatchEvent( new Event( '${ SIGNAL_EVENT }' ) )`
	);
}
