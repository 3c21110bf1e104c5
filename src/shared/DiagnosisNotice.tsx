import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { DiagnosisCode } from './codes';
import { severityOf } from './codes';
import type { DiagnosisText } from './types';

interface Props {
	code: DiagnosisCode;
	/** The server's texts for the code; null while they are not loaded. */
	text: DiagnosisText | null | undefined;
}

/**
 * One diagnosis in plain words: what is wrong, why, and the steps to fix it. Without the server's texts it
 * still says that something is wrong, and names the code for support.
 */
export function DiagnosisNotice( { code, text }: Props ) {
	const severity = text?.severity ?? severityOf( code );
	return (
		<Notice status={ severity } isDismissible={ false }>
			<p>
				<strong>
					{ text?.title ??
						__(
							'The token did not pass a check.',
							'causerie-connector'
						) }
				</strong>
			</p>
			{ text?.explanation && <p>{ text.explanation }</p> }
			{ text && text.steps.length > 0 && (
				<ol>
					{ text.steps.map( ( step ) => (
						<li key={ step }>{ step }</li>
					) ) }
				</ol>
			) }
			<p className="causerie-diagnosis-code">
				{ sprintf(
					/* translators: %s: a diagnosis code such as token_expired. */
					__( 'Diagnosis code: %s', 'causerie-connector' ),
					code
				) }
			</p>
		</Notice>
	);
}
