import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { DiagnosisNotice } from '../../shared/DiagnosisNotice';
import { ScopeList } from '../../shared/ScopeList';
import { REQUIRED_SCOPES } from '../../shared/scopes';
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
