import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import type { DiagnosisCode } from './codes';
import { severityOf } from './codes';
import type { DiagnosisText } from './types';

interface Props {
	code: DiagnosisCode;
	/** The server's texts for the code; null while they are not loaded. */
	text: DiagnosisText | null | undefined;
	/** A sentence before the explanation, such as what was left unchanged. */
	lead?: ReactNode;
	/** Inside a form whose own live region announces the result, the notice itself stays silent. */
	silent?: boolean;
}

/**
 * One diagnosis in plain words: what is wrong, why, and the steps to fix it. Without the server's texts it
 * still says that something is wrong, and names the code for support.
 */
export function DiagnosisNotice( { code, text, lead, silent = false }: Props ) {
	const severity = text?.severity ?? severityOf( code );
	return (
		<Notice
			status={ severity }
			isDismissible={ false }
			className="causerie-diagnosis"
			{ ...( silent ? { spokenMessage: null } : {} ) }
		>
			<h3 className="causerie-diagnosis__title">
				{ text?.title ??
					__(
						'The token did not pass a check.',
						'causerie-connector'
					) }
			</h3>
			{ lead && <p>{ lead }</p> }
			{ text?.explanation && <p>{ text.explanation }</p> }
			{ text && text.steps.length > 0 && (
				<ol className="causerie-diagnosis__steps">
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
