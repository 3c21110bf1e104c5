interface Props {
	steps: string[];
}

/**
 * A diagnosis' fix steps, in order.
 *
 * @param props       Component props.
 * @param props.steps The steps, translated by the server.
 */
export function DiagnosisSteps( { steps }: Props ) {
	if ( steps.length === 0 ) {
		return null;
	}
	return (
		<ol className="causerie-wizard__steps">
			{ steps.map( ( step ) => (
				<li key={ step }>{ step }</li>
			) ) }
		</ol>
	);
}
