import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { TabPanel } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { AlertEmailSettings } from './connection/AlertEmailSettings';
import { CredentialsPanel } from './connection/CredentialsPanel';
import { EventLog } from './troubleshooting/EventLog';
import { HealthPanel } from './troubleshooting/HealthPanel';
import { SiteSummary } from './troubleshooting/SiteSummary';
import { StatusHeader } from './connection/StatusHeader';
import { SupportReport } from './troubleshooting/SupportReport';
import { RegenerationWizard } from './connection/wizard/RegenerationWizard';
import { isStale, useConnection } from './connection/hooks/useConnection';
import { KnowledgePanel } from './knowledge/KnowledgePanel';
import { lazyPanel } from './shared/lazyPanel';
import type { DiagnosisCode } from './shared/codes';
import type {
	ChecksRun,
	ConnectionStatus,
	Diagnosis,
	DiagnosisTexts,
	Settings,
	SetupState,
	SiteInfo,
} from './shared/types';
import { opensWizard } from './connection/wizard/causes';
import { diagnosisFor } from './connection/wizard/diagnosisFor';

export const FIX_HASH = '#fix';

// Tabs fetched the first time they open, so the first paint stays within its budget (bin/bundle-size.mjs).
// The token inspector bundles jose, the heaviest part of the screen, for a tab few owners open.
const TokenInspector = lazyPanel( () =>
	import(
		/* webpackChunkName: "token" */ './troubleshooting/TokenInspector'
	).then( ( chunk ) => chunk.TokenInspector )
);
const ConversationsTab = lazyPanel( () =>
	import(
		/* webpackChunkName: "conversations" */ './conversations/ConversationsTab'
	).then( ( chunk ) => chunk.default )
);
// The guided first run: opened once on a fresh site, so it is a chunk of its own.
const FirstRun = lazyPanel( () =>
	import( /* webpackChunkName: "setup" */ './setup/FirstRun' ).then(
		( chunk ) => chunk.FirstRun
	)
);
const ChatbotTab = lazyPanel( () =>
	import( /* webpackChunkName: "chatbot" */ './widget/ChatbotTab' ).then(
		( chunk ) => chunk.ChatbotTab
	)
);

const TABS = [
	{ name: 'credentials', title: __( 'Credentials', 'causerie-connector' ) },
	{ name: 'chatbot', title: __( 'Chatbot', 'causerie-connector' ) },
	{ name: 'knowledge', title: __( 'Knowledge', 'causerie-connector' ) },
	{
		name: 'conversations',
		title: __( 'Conversations', 'causerie-connector' ),
	},
	{ name: 'token', title: __( 'Token inspector', 'causerie-connector' ) },
	{ name: 'events', title: __( 'Event log', 'causerie-connector' ) },
	{ name: 'support', title: __( 'Support report', 'causerie-connector' ) },
	{ name: 'alerts', title: __( 'Alerts', 'causerie-connector' ) },
	{ name: 'site', title: __( 'This site', 'causerie-connector' ) },
];

/**
 * The tab a link names in the address's hash (Site Health links to #knowledge), or the first.
 */
function initialTab(): string {
	const name = window.location.hash.slice( 1 );
	return TABS.some( ( tab ) => tab.name === name ) ? name : 'credentials';
}

export interface InitialData {
	site: SiteInfo;
	status: ConnectionStatus;
	checks: ChecksRun | null;
	settings: Settings | null;
	texts: DiagnosisTexts | null;
	/** Null when it could not be read: the full screen then opens. */
	setup?: SetupState | null;
}

interface Props {
	initial: InitialData;
	/** Run the checks once mounted; off in tests that drive them by hand. */
	checkOnLoad?: boolean;
}

/**
 * Settings → Causerie. It paints from the preloaded answers, then runs the live checks in the
 * background when the last one is stale; a 401 or 403 diagnosis opens the fix wizard once per visit.
 *
 * @param props             Component props.
 * @param props.initial     The preloaded REST answers.
 * @param props.checkOnLoad Whether to run the checks once mounted, when the state is stale.
 */
export function App( { initial, checkOnLoad = true }: Props ) {
	const connection = useConnection( initial.status, initial.checks );
	const [ isWizardOpen, setIsWizardOpen ] = useState( false );
	// A health row's own diagnosis; null starts on the status' one.
	const [ wizardStart, setWizardStart ] = useState< Diagnosis | null >(
		null
	);
	const wizardOffered = useRef( false );
	// Nothing configured: the guided first run instead of the screen, until the owner finishes or leaves it.
	const [ isFirstRun, setIsFirstRun ] = useState(
		initial.setup?.needed === true && initial.settings !== null
	);
	const { runChecks, isChecking, status } = connection;
	// The wizard may save settings: the credentials tab then starts again from what the server kept.
	const [ settings, setSettings ] = useState( initial.settings );
	const [ settingsVersion, setSettingsVersion ] = useState( 0 );
	const settingsSaved = useCallback( ( saved: Settings ) => {
		setSettings( saved );
		setSettingsVersion( ( version ) => version + 1 );
	}, [] );

	const offerWizard = useCallback( ( next: ConnectionStatus | null ) => {
		if (
			! wizardOffered.current &&
			next?.diagnosis &&
			opensWizard( next.diagnosis.code )
		) {
			wizardOffered.current = true;
			setIsWizardOpen( true );
		}
	}, [] );

	useEffect( () => {
		// Admin notices and Site Health link here with #fix: the wizard opens on the known diagnosis.
		if ( window.location.hash === FIX_HASH && initial.status.diagnosis ) {
			wizardOffered.current = true;
			setIsWizardOpen( true );
		}
		if ( checkOnLoad && ! isFirstRun && isStale( initial.status ) ) {
			runChecks().then( offerWizard );
		} else {
			offerWizard( initial.status );
		}
		// Once per visit.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	const recheck = useCallback( () => {
		if ( ! isChecking ) {
			runChecks();
		}
	}, [ isChecking, runChecks ] );
	const openWizard = useCallback( () => {
		wizardOffered.current = true;
		setWizardStart( null );
		setIsWizardOpen( true );
	}, [] );
	const fixRow = ( code: DiagnosisCode ) => {
		wizardOffered.current = true;
		setWizardStart(
			diagnosisFor(
				code,
				status,
				initial.texts,
				connection.checks?.checks ?? null
			)
		);
		setIsWizardOpen( true );
	};

	if ( isFirstRun && settings ) {
		return (
			<div className="causerie-app">
				<FirstRun
					settings={ settings }
					onSettingsSaved={ settingsSaved }
					onLeave={ () => {
						setIsFirstRun( false );
						recheck();
					} }
				/>
			</div>
		);
	}

	return (
		<div className="causerie-app">
			<StatusHeader
				status={ status }
				isChecking={ isChecking }
				onFix={ openWizard }
				onRunChecks={ recheck }
			/>
			<HealthPanel
				checks={ connection.checks }
				status={ status }
				isChecking={ isChecking }
				checkError={ connection.checkError }
				onFix={ fixRow }
				texts={ initial.texts }
			/>
			<TabPanel
				className="causerie-tabs"
				tabs={ TABS }
				initialTabName={ initialTab() }
			>
				{ ( tab ) => {
					switch ( tab.name ) {
						case 'credentials':
							return (
								<CredentialsPanel
									key={ settingsVersion }
									{ ...( settings
										? { initialSettings: settings }
										: {} ) }
									server={ status.server }
									onSaved={ ( saved ) => {
										// The wizard fixes the profile in use.
										if (
											saved.environment ===
											saved.activeEnvironment
										) {
											setSettings( saved );
										}
										recheck();
									} }
								/>
							);
						case 'chatbot':
							return (
								<ChatbotTab
									texts={ initial.texts }
									onFix={ ( code ) =>
										code ? fixRow( code ) : openWizard()
									}
								/>
							);
						case 'knowledge':
							return (
								<KnowledgePanel
									texts={ initial.texts }
									onFix={ fixRow }
									checkedAt={
										connection.checks?.checkedAt ?? null
									}
								/>
							);
						case 'conversations':
							return <ConversationsTab onFix={ fixRow } />;
						case 'token':
							return <TokenInspector server={ status.server } />;
						case 'events':
							return <EventLog texts={ initial.texts } />;
						case 'support':
							return <SupportReport />;
						case 'alerts':
							return <AlertEmailSettings />;
						default:
							return <SiteSummary site={ initial.site } />;
					}
				} }
			</TabPanel>
			{ isWizardOpen && (
				<RegenerationWizard
					connection={ connection }
					start={ wizardStart }
					settings={ settings }
					onSettingsSaved={ settingsSaved }
					environmentType={ initial.site.environmentType }
					onClose={ () => setIsWizardOpen( false ) }
				/>
			) }
		</div>
	);
}
