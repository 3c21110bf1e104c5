import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { __ } from '@wordpress/i18n';

import { AlertEmailSettings } from './connection/AlertEmailSettings';
import { CredentialsPanel } from './connection/CredentialsPanel';
import { StatusHeader } from './connection/StatusHeader';
import { RegenerationWizard } from './connection/wizard/RegenerationWizard';
import { isStale, useConnection } from './connection/hooks/useConnection';
import { KnowledgePanel } from './knowledge/KnowledgePanel';
import { Overview } from './overview/Overview';
import { KNOWLEDGE_SCOPE } from './shared/scopes';
import { lazyPanel } from './shared/lazyPanel';
import { NamedTabPanel } from './shared/NamedTabPanel';
import { SECTIONS } from './troubleshooting/sections';
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
// Troubleshooting holds the token inspector, which bundles jose, the heaviest part of the screen.
const TroubleshootingTab = lazyPanel( () =>
	import(
		/* webpackChunkName: "troubleshooting" */ './troubleshooting/TroubleshootingTab'
	).then( ( chunk ) => chunk.TroubleshootingTab )
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

// Overview first, the settings second, Troubleshooting last: jargon stays in the last tab.
const TABS = [
	{ name: 'overview', title: __( 'Overview', 'causerie-connector' ) },
	{ name: 'credentials', title: __( 'Credentials', 'causerie-connector' ) },
	{ name: 'chatbot', title: __( 'Chatbot', 'causerie-connector' ) },
	{ name: 'knowledge', title: __( 'Knowledge', 'causerie-connector' ) },
	{
		name: 'conversations',
		title: __( 'Conversations', 'causerie-connector' ),
	},
	{ name: 'alerts', title: __( 'Alerts', 'causerie-connector' ) },
	{
		name: 'troubleshooting',
		title: __( 'Troubleshooting', 'causerie-connector' ),
	},
];

interface Place {
	tab: string;
	/** Troubleshooting's section, for the hashes of the tabs it took in (#token, #events, #support, #site). */
	section?: string;
}

/**
 * Where a link lands: the tab or Troubleshooting section its hash names (Site Health links to #knowledge),
 * or the overview.
 *
 * @param hash The address's hash, such as "#knowledge".
 */
export function placeOf( hash: string ): Place {
	const name = hash.slice( 1 );
	if ( TABS.some( ( tab ) => tab.name === name ) ) {
		return { tab: name };
	}
	if ( SECTIONS.some( ( section ) => section.name === name ) ) {
		return { tab: 'troubleshooting', section: name };
	}
	return { tab: 'overview' };
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
	// A card's link opens its tab: TabPanel only takes a first tab, so it starts again on the new one.
	const [ place, setPlace ] = useState( () =>
		placeOf( window.location.hash )
	);
	const [ tabsVersion, setTabsVersion ] = useState( 0 );
	const openTab = useCallback( ( tab: string ) => {
		setPlace( { tab } );
		setTabsVersion( ( version ) => version + 1 );
	}, [] );
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

	// The screen's one "Check again": on the overview it is the connection's card, on every other tab it heads it.
	const statusHeader = ( details: boolean ) => (
		<StatusHeader
			status={ status }
			isChecking={ isChecking }
			onFix={ openWizard }
			onRunChecks={ recheck }
		>
			{ details && (
				<a
					href="#troubleshooting"
					onClick={ ( event ) => {
						event.preventDefault();
						openTab( 'troubleshooting' );
					} }
				>
					{ __( 'See each check', 'causerie-connector' ) }
				</a>
			) }
		</StatusHeader>
	);
	const panel = ( name: string ) => {
		switch ( name ) {
			case 'credentials':
				return (
					<CredentialsPanel
						key={ settingsVersion }
						{ ...( settings ? { initialSettings: settings } : {} ) }
						server={ status.server }
						onSaved={ ( saved ) => {
							// The wizard fixes the profile in use.
							if (
								saved.environment === saved.activeEnvironment
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
						checkedAt={ connection.checks?.checkedAt ?? null }
					/>
				);
			case 'conversations':
				return <ConversationsTab onFix={ fixRow } />;
			case 'alerts':
				return <AlertEmailSettings />;
			default:
				return (
					<TroubleshootingTab
						connection={ connection }
						onFix={ fixRow }
						texts={ initial.texts }
						site={ initial.site }
						{ ...( place.section
							? { section: place.section }
							: {} ) }
					/>
				);
		}
	};

	return (
		<div className="causerie-app">
			<NamedTabPanel
				label={ __( 'Causerie settings', 'causerie-connector' ) }
				key={ tabsVersion }
				className="causerie-tabs"
				tabs={ TABS }
				initialTabName={ place.tab }
			>
				{ ( tab ) =>
					tab.name === 'overview' ? (
						<Overview
							connection={ statusHeader( true ) }
							onOpen={ openTab }
							checkedAt={ connection.checks?.checkedAt ?? null }
							knowledgeAllowed={
								settings?.scopes.includes( KNOWLEDGE_SCOPE ) ??
								true
							}
						/>
					) : (
						<>
							{ statusHeader( false ) }
							{ panel( tab.name ) }
						</>
					)
				}
			</NamedTabPanel>
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
