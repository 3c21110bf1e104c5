import { Notice } from '@wordpress/components';
import type { ReactNode } from 'react';

import type { DiagnosisDetail } from './types';

interface Props {
	diagnosis: DiagnosisDetail;
	/** A sentence before the explanation, such as what was left unchanged. */
	lead?: ReactNode;
}

/**
 * Why the API refused, in the server's words: the title, what it means, and the steps in order.
 * The live region of the form announces it, so the notice itself stays silent.
 */
export function DiagnosisNotice( { diagnosis, lead }: Props ) {
	return (
		<Notice
			status={ diagnosis.severity === 'error' ? 'error' : 'warning' }
			isDismissible={ false }
			spokenMessage={ null }
			className="causerie-diagnosis"
		>
			<h3 className="causerie-diagnosis__title">{ diagnosis.title }</h3>
			{ lead && <p>{ lead }</p> }
			{ diagnosis.explanation && <p>{ diagnosis.explanation }</p> }
			{ diagnosis.steps.length > 0 && (
				<ol className="causerie-diagnosis__steps">
					{ diagnosis.steps.map( ( step ) => (
						<li key={ step }>{ step }</li>
					) ) }
				</ol>
			) }
		</Notice>
	);
}
