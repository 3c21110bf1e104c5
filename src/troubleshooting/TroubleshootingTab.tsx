import { __ } from '@wordpress/i18n';

import { EventLog } from './EventLog';
import { HealthPanel } from './HealthPanel';
import { SiteSummary } from './SiteSummary';
import { SupportReport } from './SupportReport';
import type { DiagnosisCode } from '../shared/codes';
import type { Connection } from '../connection/hooks/useConnection';
import { lazyPanel } from '../shared/lazyPanel';
import { NamedTabPanel } from '../shared/NamedTabPanel';
import { SECTIONS } from './sections';
import type { DiagnosisTexts, SiteInfo } from '../shared/types';

// The token inspector bundles jose, the heaviest part of the screen, for a section few owners open.
const TokenInspector = lazyPanel( () =>
	import( /* webpackChunkName: "token" */ './TokenInspector' ).then(
		( chunk ) => chunk.TokenInspector
	)
);

export interface TroubleshootingTabProps {
	connection: Pick<
		Connection,
		'checks' | 'status' | 'isChecking' | 'checkError'
	>;
	/** Opens the fix wizard on a row's own diagnosis. */
	onFix: ( code: DiagnosisCode ) => void;
	texts: DiagnosisTexts | null;
	site: SiteInfo;
	/** The section to open first, from the address's hash. */
	section?: string;
}

/**
 * The screen's last tab, for when something is wrong and someone wants the details: each live check, the token
 * inspector, the event log, the support report and the site's versions. Technical words are allowed here, each
 * explained where it appears. It has no "Check again" of its own: the status above it holds the screen's one.
 *
 * @param props            Component props.
 * @param props.connection The connection's status and checks.
 * @param props.onFix      Opens the fix wizard on a row's diagnosis.
 * @param props.texts      The diagnoses' texts.
 * @param props.site       The site's versions and environment.
 * @param props.section    The section to open first.
 */
export function TroubleshootingTab( {
	connection,
	onFix,
	texts,
	site,
	section = 'events',
}: TroubleshootingTabProps ) {
	return (
		<div className="causerie-troubleshooting">
			<p>
				{ __(
					'The details behind the overview, for you or for support when something is wrong. Some words here are technical; each is explained where it appears.',
					'causerie-connector'
				) }
			</p>
			<HealthPanel
				checks={ connection.checks }
				status={ connection.status }
				isChecking={ connection.isChecking }
				checkError={ connection.checkError }
				onFix={ onFix }
				texts={ texts }
			/>
			<NamedTabPanel
				label={ __( 'Troubleshooting sections', 'causerie-connector' ) }
				className="causerie-tabs causerie-troubleshooting__sections"
				tabs={ SECTIONS }
				initialTabName={ section }
			>
				{ ( tab ) => {
					switch ( tab.name ) {
						case 'token':
							return (
								<TokenInspector
									server={ connection.status.server }
								/>
							);
						case 'events':
							return <EventLog texts={ texts } />;
						case 'support':
							return <SupportReport />;
						default:
							return <SiteSummary site={ site } />;
					}
				} }
			</NamedTabPanel>
		</div>
	);
}
