import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { ScopeList } from '../../shared/ScopeList';
import { REQUIRED_SCOPES } from '../../shared/scopes';
import { DiagnosisNotice } from './DiagnosisNotice';
import type { Action, Outcome } from './useCredentialForm';

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

/**
 * The details of a result worth reading: the diagnosis of a refusal, or what a test was granted.
 */
export function OutcomeNotice( { outcome }: { outcome: Outcome | null } ) {
	if ( outcome?.kind === 'failed' ) {
		const { failure, action } = outcome;
		if ( failure.diagnosis ) {
			return (
				<DiagnosisNotice
					diagnosis={ failure.diagnosis }
					lead={
						action === 'save'
							? __(
									'Nothing was saved: the credentials in use are unchanged.',
									'causerie-connector'
								)
							: __( 'Nothing was saved.', 'causerie-connector' )
					}
				/>
			);
		}
		return failure.message ? (
			<Notice
				status="error"
				isDismissible={ false }
				spokenMessage={ null }
			>
				<p>{ failure.message }</p>
			</Notice>
		) : null;
	}
	if ( outcome?.kind === 'verified' ) {
		const missing = REQUIRED_SCOPES.filter(
			( scope ) => ! outcome.result.scopes.includes( scope )
		);
		return (
			<Notice
				status={ missing.length > 0 ? 'warning' : 'success' }
				isDismissible={ false }
				spokenMessage={ null }
			>
				<p>
					{ outcome.result.scopes.length > 0
						? __( 'Permissions granted:', 'causerie-connector' )
						: __(
								'No permission was granted.',
								'causerie-connector'
							) }
				</p>
				<ScopeList scopes={ outcome.result.scopes } />
				{ missing.length > 0 && (
					<>
						<p>
							{ __(
								'Not granted, but needed by the plugin (grant them to the app in the Causerie dashboard):',
								'causerie-connector'
							) }
						</p>
						<ScopeList scopes={ missing } />
					</>
				) }
			</Notice>
		);
	}
	return null;
}
