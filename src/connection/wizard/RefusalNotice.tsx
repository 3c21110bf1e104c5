import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { Diagnosis } from '../../shared/types';
import { DiagnosisSteps } from './DiagnosisSteps';

interface Props {
	/** Why the server refused, when it diagnosed it. */
	diagnosis: Diagnosis | null;
	/** What it said otherwise. */
	message: string | null;
	/** The server's page for people, linked from the steps done in the Causerie dashboard. */
	documentation?: string | null;
}

/**
 * A refused fix: what the server found, that nothing was changed, and the steps of its diagnosis.
 *
 * @param props               Component props.
 * @param props.diagnosis     The diagnosis of the refusal.
 * @param props.message       The message, without a diagnosis.
 * @param props.documentation The server's page for people.
 */
export function RefusalNotice( {
	diagnosis,
	message,
	documentation = null,
}: Props ) {
	const reason = diagnosis?.title ?? message;
	if ( ! reason ) {
		return null;
	}
	return (
		<Notice status="error" isDismissible={ false }>
			<p>
				<strong>{ reason }</strong>{ ' ' }
				{ __( 'Nothing was changed.', 'causerie-connector' ) }
			</p>
			{ diagnosis && (
				<DiagnosisSteps
					steps={ diagnosis.steps }
					dashboardSteps={ diagnosis.dashboardSteps }
					documentation={ documentation }
				/>
			) }
		</Notice>
	);
}
