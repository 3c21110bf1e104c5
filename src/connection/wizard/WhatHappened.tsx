import { __ } from '@wordpress/i18n';

import { evidenceLabel, evidenceValue } from '../../shared/evidence';
import type { Diagnosis } from '../../shared/types';

interface Props {
	diagnosis: Diagnosis;
	evidence: Record< string, unknown >;
}

/**
 * Step 1: the cause in plain words, and what the engine saw (never a token or secret: the server
 * records none). Only evidence with a plain label shows here; the rest is in the support report.
 *
 * @param props           Component props.
 * @param props.diagnosis The diagnosis.
 * @param props.evidence  What the engine recorded.
 */
export function WhatHappened( { diagnosis, evidence }: Props ) {
	const facts = Object.entries( evidence ).flatMap( ( [ key, value ] ) => {
		const label = evidenceLabel( key );
		return label === null ||
			value === null ||
			value === '' ||
			value === undefined
			? []
			: [ { key, label, value } ];
	} );
	return (
		<>
			<p className="causerie-wizard__cause">
				<strong>{ diagnosis.title }</strong>
			</p>
			<p>{ diagnosis.explanation }</p>
			{ facts.length > 0 && (
				<>
					<h3>
						{ __( 'What the plugin saw', 'causerie-connector' ) }
					</h3>
					<dl className="causerie-wizard__evidence">
						{ facts.map( ( { key, label, value } ) => (
							<div key={ key }>
								<dt>{ label }</dt>
								<dd>{ evidenceValue( key, value ) }</dd>
							</div>
						) ) }
					</dl>
				</>
			) }
		</>
	);
}
