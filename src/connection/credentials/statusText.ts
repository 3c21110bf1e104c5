import { __, sprintf } from '@wordpress/i18n';

import type { Action, Outcome } from '../hooks/useCredentialForm';

/**
 * The one-sentence result the live region announces.
 *
 * @param busy     The request under way.
 * @param outcome  How the last one ended.
 * @param verified Whether a save of this profile is checked with the API (the site's own profile).
 */
export function statusText(
	busy: Action | null,
	outcome: Outcome | null,
	verified: boolean
): string {
	if ( busy === 'verify' || ( busy === 'save' && verified ) ) {
		return __(
			'Checking the credentials with Causerie…',
			'causerie-connector'
		);
	}
	if ( busy === 'save' ) {
		return __( 'Saving…', 'causerie-connector' );
	}
	switch ( outcome?.kind ) {
		case 'saved':
			return verified
				? __(
						'Saved. Causerie accepted the credentials, and they are now in use.',
						'causerie-connector'
					)
				: __( 'Saved.', 'causerie-connector' );
		case 'verified':
			return __(
				'Causerie accepted these credentials. Nothing was saved.',
				'causerie-connector'
			);
		case 'unchanged':
			return __(
				'Nothing to save: no field was changed.',
				'causerie-connector'
			);
		case 'invalid':
			return __(
				'Nothing was sent. Correct the fields marked as invalid.',
				'causerie-connector'
			);
		case 'failed': {
			const { failure, action } = outcome;
			const reason =
				failure.diagnosis?.title ??
				failure.message ??
				__(
					'Correct the fields marked as invalid.',
					'causerie-connector'
				);
			return action === 'save'
				? sprintf(
						/* translators: %s: why, such as "Causerie refused the client ID and secret" */
						__( 'Not saved: %s', 'causerie-connector' ),
						reason
					)
				: sprintf(
						/* translators: %s: why, such as "Causerie refused the client ID and secret" */
						__( 'The test failed: %s', 'causerie-connector' ),
						reason
					);
		}
		default:
			return '';
	}
}
