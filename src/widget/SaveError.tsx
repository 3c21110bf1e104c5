import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { diagnosisOf } from '../shared/api/rest';
import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import type { DiagnosisCode } from '../shared/codes';
import type { RestError } from '../shared/types';

interface Props {
	error: RestError;
	/** Opens the repair wizard on the cause. */
	onFix: ( code: DiagnosisCode | null ) => void;
}

/**
 * Why a save failed, and that nothing changed: a refusal from Causerie comes with its diagnosis and the way to
 * the fix; anything else with WordPress's message.
 *
 * @param props       Component props.
 * @param props.error The failed request.
 * @param props.onFix Opens the repair wizard.
 */
export function SaveError( { error, onFix }: Props ) {
	const diagnosis = diagnosisOf( error );
	return (
		<div className="causerie-widget-error">
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: why, such as "Causerie refused the client ID and secret". */
					__( 'Not saved: %s', 'causerie-connector' ),
					diagnosis?.title ?? error.message
				) }
			</Notice>
			{ diagnosis && (
				<>
					<DiagnosisNotice
						code={ diagnosis.code }
						text={ diagnosis }
					/>
					<Button
						variant="primary"
						onClick={ () => onFix( diagnosis.code ) }
					>
						{ __( 'Fix the connection', 'causerie-connector' ) }
					</Button>
				</>
			) }
		</div>
	);
}
