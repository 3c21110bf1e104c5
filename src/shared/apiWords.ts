import { __, sprintf } from '@wordpress/i18n';

/**
 * Words Causerie's API wrote itself (an OAuth error_description, say) stay in its language, English; this
 * frames them in the admin's language, so a French screen reads « Causerie a répondu : … ».
 *
 * @param text What the API said.
 */
export function apiWords( text: string ): string {
	return sprintf(
		/* translators: %s: a message from the Causerie API, in English; use your language's quotation marks. */
		__( 'Causerie answered: “%s”', 'causerie-connector' ),
		text
	);
}
