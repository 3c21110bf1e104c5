import { ExternalLink } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { documentationLink } from '../../shared/documentation';

interface Props {
	steps: string[];
	/** Which steps are done in the Causerie dashboard. */
	dashboardSteps?: number[] | undefined;
	/** The server's page for people (service_documentation), when it names one. */
	documentation?: string | null | undefined;
}

/**
 * A diagnosis' fix steps, in order. A step done in the Causerie dashboard links the page the server publishes
 * about its credentials, when it publishes one: the owner is sent somewhere, and told where.
 *
 * @param props                Component props.
 * @param props.steps          The steps, translated by the server.
 * @param props.dashboardSteps Which of them are done in the Causerie dashboard.
 * @param props.documentation  The server's page for people.
 */
export function DiagnosisSteps( {
	steps,
	dashboardSteps = [],
	documentation = null,
}: Props ) {
	if ( steps.length === 0 ) {
		return null;
	}
	const link = documentationLink( documentation );
	return (
		<ol className="causerie-wizard__steps">
			{ steps.map( ( step, index ) => (
				<li key={ step }>
					{ step }
					{ link && dashboardSteps.includes( index ) && (
						<>
							{ ' ' }
							<ExternalLink href={ link }>
								{ __(
									'Where to find it at Causerie',
									'causerie-connector'
								) }
							</ExternalLink>
						</>
					) }
				</li>
			) ) }
		</ol>
	);
}
