/**
 * A self-repair in plain words: the checks found the token refused, and got a new one that works.
 */
import { __, sprintf } from '@wordpress/i18n';

import { formatClockTime } from '../time';

/**
 * What the status header and the health panel say of the last self-repair.
 *
 * @param title What was wrong, such as "The access token was revoked.", when known.
 * @param at    ISO 8601: when it was repaired.
 */
export function healedNote( title: string | null, at: string ): string {
	const time = formatClockTime( at );
	return title
		? sprintf(
				/* translators: 1: what was wrong, such as "The access token was revoked.", 2: a time such as 20:01 */
				__(
					'Repaired on its own: %1$s A new token was obtained at %2$s.',
					'causerie-connector'
				),
				title,
				time
			)
		: sprintf(
				/* translators: %s: a time such as 20:01 */
				__(
					'Repaired on its own: a new token was obtained at %s.',
					'causerie-connector'
				),
				time
			);
}

/**
 * What the token row says when the checks replaced a refused token.
 *
 * @param title      What was wrong with the old token, when known.
 * @param obtainedAt ISO 8601: when the new one was obtained.
 */
export function renewedNote(
	title: string | null,
	obtainedAt: string
): string {
	const time = formatClockTime( obtainedAt );
	return title
		? sprintf(
				/* translators: 1: a time such as 20:01, 2: what was wrong, such as "The access token was revoked." */
				__(
					'The API accepts the new token, obtained at %1$s after the old one was refused: %2$s',
					'causerie-connector'
				),
				time,
				title
			)
		: sprintf(
				/* translators: %s: a time such as 20:01 */
				__(
					'The API accepts the new token, obtained at %s after the old one was refused.',
					'causerie-connector'
				),
				time
			);
}
