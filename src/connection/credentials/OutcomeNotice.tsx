import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { REQUIRED_SCOPES } from './constants';
import { DiagnosisNotice } from '../../shared/DiagnosisNotice';
import type { Outcome } from '../hooks/useCredentialForm';

/**
 * The details of a result worth reading: the diagnosis of a refusal, or what a test was granted.
 */
export function OutcomeNotice( { outcome }: { outcome: Outcome | null } ) {
	if ( outcome?.kind === 'failed' ) {
		const { failure, action } = outcome;
		if ( failure.diagnosis ) {
			return (
				<DiagnosisNotice
					code={ failure.diagnosis.code }
					text={ failure.diagnosis }
					silent
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
					{ sprintf(
						/* translators: %s: a list of permissions, such as read:widget, write:knowledge */
						__( 'Permissions granted: %s.', 'causerie-connector' ),
						outcome.result.scopes.join( ', ' ) ||
							__( 'none', 'causerie-connector' )
					) }
				</p>
				{ missing.length > 0 && (
					<p>
						{ sprintf(
							/* translators: %s: a list of permissions, such as write:knowledge */
							__(
								'Not granted, but needed by the plugin: %s. Grant them to the app in the Causerie dashboard.',
								'causerie-connector'
							),
							missing.join( ', ' )
						) }
					</p>
				) }
			</Notice>
		);
	}
	return null;
}
