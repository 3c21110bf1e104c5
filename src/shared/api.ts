/**
 * The only module that knows the plugin's REST paths.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import { isDiagnosisCode } from './codes';

import type {
	Activity,
	AlertSettings,
	Binding,
	ChecksRun,
	ConnectionStatus,
	ConversationDetail,
	ConversationPage,
	Diagnosis,
	DiagnosisTexts,
	DiscoveredServer,
	EnvironmentType,
	EventQuery,
	LeadNotifications,
	LeadPage,
	FoundPost,
	LoggedEvent,
	NetworkSiteSync,
	PublicKeys,
	Regeneration,
	RestError,
	Settings,
	SettingsChanges,
	SettingsLevel,
	SetupState,
	SiteInfo,
	SupportReportResponse,
	SyncStatus,
	TokenDescription,
	VerifyResult,
	WidgetSettings,
	WidgetStatus,
} from './types';

export const REST_NAMESPACE = '/causerie/v1';
export const SITE_PATH = `${ REST_NAMESPACE }/site`;

export const STATUS_PATH = `${ REST_NAMESPACE }/status`;
export const CHECKS_PATH = `${ REST_NAMESPACE }/checks`;
export const REGENERATE_PATH = `${ REST_NAMESPACE }/token/regenerate`;
export const BINDING_PATH = `${ REST_NAMESPACE }/binding`;

export function fetchSite(): Promise< SiteInfo > {
	return apiFetch< SiteInfo >( { path: SITE_PATH } );
}

export function fetchStatus(): Promise< ConnectionStatus > {
	return apiFetch< ConnectionStatus >( { path: STATUS_PATH } );
}

/**
 * The last checks, or null before the first run.
 */
export async function fetchLastChecks(): Promise< ChecksRun | null > {
	const last = await apiFetch< Partial< ChecksRun > >( {
		path: CHECKS_PATH,
	} );
	return last.checks && last.checkedAt
		? { ...last, checks: last.checks, checkedAt: last.checkedAt }
		: null;
}

/**
 * Runs the live checks on the server, which bounds every call to the API by its timeouts.
 *
 * @param signal Aborts the wait in the browser when WordPress itself does not answer.
 */
export function runChecks(
	signal: AbortSignal | null = null
): Promise< ChecksRun > {
	return apiFetch< ChecksRun >( {
		path: CHECKS_PATH,
		method: 'POST',
		signal,
	} );
}

/**
 * Gets a new token, proves it against the API, swaps it in and revokes the old one.
 *
 * @param requestId Repeating it answers from the first run, so a retried click renews once.
 */
export function regenerateToken( requestId: string ): Promise< Regeneration > {
	return apiFetch< Regeneration >( {
		path: REGENERATE_PATH,
		method: 'POST',
		data: { requestId },
	} );
}

export function updateBinding(
	action: 'rebind' | 'pause'
): Promise< Binding > {
	return apiFetch< Binding >( {
		path: BINDING_PATH,
		method: 'POST',
		data: { action },
	} );
}

export const EVENTS_PATH = `${ REST_NAMESPACE }/events`;
export const REPORT_PATH = `${ REST_NAMESPACE }/report`;

/**
 * The most recent events, newest first, already redacted by the server.
 *
 * @param query Optional kind filter and limit.
 */
export function fetchEvents(
	query: EventQuery = {}
): Promise< LoggedEvent[] > {
	const params = new URLSearchParams();
	if ( query.kind ) {
		params.set( 'kind', query.kind );
	}
	if ( query.limit !== undefined ) {
		params.set( 'limit', String( query.limit ) );
	}
	const search = params.toString();
	return apiFetch< LoggedEvent[] >( {
		path: search ? `${ EVENTS_PATH }?${ search }` : EVENTS_PATH,
	} );
}

/**
 * The redacted support report, as data and as text.
 */
export function fetchReport(): Promise< SupportReportResponse > {
	return apiFetch< SupportReportResponse >( { path: REPORT_PATH } );
}

export const TOKEN_PATH = `${ REST_NAMESPACE }/token`;
export const JWKS_PATH = `${ REST_NAMESPACE }/jwks`;
export const DIAGNOSES_PATH = `${ REST_NAMESPACE }/diagnoses`;

/**
 * The token the plugin holds, with the raw JWT: only the token inspector asks for it, on the admin's request.
 * The server only reads it: without one, it answers with a diagnosis (no_token, renewal_in_progress) and
 * never gets one; getting one is a POST (regenerateToken, runChecks).
 */
export function fetchRevealedToken(): Promise< TokenDescription > {
	return apiFetch< TokenDescription >( {
		path: `${ TOKEN_PATH }?reveal=true`,
	} );
}

/**
 * The API's public keys, as the server caches them.
 *
 * @param kid The key a token names: the server fetches the keys again when its cached set lacks it.
 */
export function fetchPublicKeys( kid?: string ): Promise< PublicKeys > {
	return apiFetch< PublicKeys >( {
		path: kid
			? `${ JWKS_PATH }?kid=${ encodeURIComponent( kid ) }`
			: JWKS_PATH,
	} );
}

export function fetchDiagnosisTexts(): Promise< DiagnosisTexts > {
	return apiFetch< DiagnosisTexts >( { path: DIAGNOSES_PATH } );
}

function isRestError( value: unknown ): value is RestError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as RestError ).code === 'string' &&
		typeof ( value as RestError ).message === 'string'
	);
}

/**
 * Turns whatever apiFetch rejected with into a normalised error the UI can show and switch on.
 *
 * @param reason The rejection value.
 */
export function toRestError( reason: unknown ): RestError {
	if ( isRestError( reason ) ) {
		return reason;
	}
	return {
		code: 'causerie_unexpected_response',
		message: __(
			'WordPress answered with something unexpected. Reload the page; if this persists, check the PHP error log.',
			'causerie-connector'
		),
	};
}

/**
 * The diagnosis a failed request carries (status 409, 422 or 502), if any.
 *
 * @param error A normalised REST error.
 */
export function diagnosisOf( error: RestError ): Diagnosis | null {
	const diagnosis: unknown = (
		error.data as { diagnosis?: unknown } | undefined
	 )?.diagnosis;
	if (
		typeof diagnosis !== 'object' ||
		diagnosis === null ||
		! isDiagnosisCode( String( ( diagnosis as Diagnosis ).code ) ) ||
		typeof ( diagnosis as Diagnosis ).title !== 'string' ||
		! Array.isArray( ( diagnosis as Diagnosis ).steps )
	) {
		return null;
	}
	return diagnosis as Diagnosis;
}

export const SETTINGS_PATH = `${ REST_NAMESPACE }/settings`;
export const SETTINGS_VERIFY_PATH = `${ SETTINGS_PATH }/verify`;

export const NETWORK_SETTINGS_PATH = `${ REST_NAMESPACE }/network/settings`;

/**
 * Where the credentials of a level are read and saved: the site's own, or the network's that every site
 * of a multisite network uses unless it sets its own.
 *
 * @param level The site's or the network's.
 */
export function settingsPathOf( level: SettingsLevel ): string {
	return level === 'network' ? NETWORK_SETTINGS_PATH : SETTINGS_PATH;
}

/**
 * The credentials of a profile, the secret only as `hasSecret` and a hint. Without a profile, the path is
 * exactly the preloaded one, so the first paint needs no request.
 *
 * @param environment Profile; the level's own when omitted.
 * @param level       The site's credentials or the network's.
 */
export function fetchSettings(
	environment?: EnvironmentType,
	level: SettingsLevel = 'site'
): Promise< Settings > {
	const base = settingsPathOf( level );
	const path = environment
		? `${ base }?environment=${ encodeURIComponent( environment ) }`
		: base;
	return apiFetch< Settings >( { path } );
}

/**
 * Saves changes to a profile. The server verifies them with the API first for the site's own profile,
 * and for every profile of the network.
 *
 * @param environment Profile.
 * @param changes     Only the fields to change; an absent secret keeps the stored one.
 * @param level       The site's credentials or the network's.
 */
export function saveSettings(
	environment: EnvironmentType,
	changes: SettingsChanges,
	level: SettingsLevel = 'site'
): Promise< Settings > {
	return apiFetch< Settings >( {
		path: settingsPathOf( level ),
		method: 'POST',
		data: { environment, ...changes },
	} );
}

export const NETWORK_SYNC_PATH = `${ REST_NAMESPACE }/network/sync`;

/** The knowledge sync of each site of the network, for the network's screen. */
export function fetchNetworkSync(): Promise< NetworkSiteSync[] > {
	return apiFetch< NetworkSiteSync[] >( { path: NETWORK_SYNC_PATH } );
}

/**
 * Tries candidate credentials against the API without saving anything.
 *
 * @param environment Profile whose stored values fill in the fields not sent.
 * @param changes     Candidate values.
 */
export function verifySettings(
	environment: EnvironmentType,
	changes: SettingsChanges
): Promise< VerifyResult > {
	return apiFetch< VerifyResult >( {
		path: SETTINGS_VERIFY_PATH,
		method: 'POST',
		data: { environment, ...changes },
	} );
}

export const ALERTS_PATH = `${ REST_NAMESPACE }/alerts`;

export function fetchAlertSettings(): Promise< AlertSettings > {
	return apiFetch< AlertSettings >( { path: ALERTS_PATH } );
}

/**
 * Chooses the address of the alert emails.
 *
 * @param alertEmail An email address, or empty for the site's admin email.
 */
export function saveAlertSettings(
	alertEmail: string
): Promise< AlertSettings > {
	return apiFetch< AlertSettings >( {
		path: ALERTS_PATH,
		method: 'POST',
		data: { alertEmail },
	} );
}

export const SYNC_PATH = `${ REST_NAMESPACE }/sync`;

/** Where the knowledge sync stands. */
export function fetchSync(): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( { path: SYNC_PATH } );
}

/** The sync's actions; each answers with the status. */
export type SyncAction = 'full' | 'cancel' | 'run' | 'retry' | 'reconcile';

/**
 * Starts, stops or runs the sync, retries the failed posts, or reconciles. `run` sends for about ten seconds.
 *
 * @param action What to do.
 */
export function syncAction( action: SyncAction ): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/${ action === 'cancel' ? 'full' : action }`,
		method: action === 'cancel' ? 'DELETE' : 'POST',
	} );
}

/**
 * "Remove my content from Causerie": every document of this site leaves the chatbot's knowledge, and no
 * post type stays chosen.
 */
export function removeSyncedContent(): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/remove`,
		method: 'POST',
		data: { confirm: true },
	} );
}

/**
 * Chooses the post types whose posts go to the chatbot's knowledge.
 *
 * @param postTypes The chosen types' names.
 */
export function saveSyncTypes( postTypes: string[] ): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/types`,
		method: 'PUT',
		data: { postTypes },
	} );
}

export const CONVERSATIONS_PATH = `${ REST_NAMESPACE }/conversations`;
export const LEADS_PATH = `${ REST_NAMESPACE }/leads`;
export const LEAD_NOTIFICATIONS_PATH = `${ LEADS_PATH }/notifications`;

/** The REST code of a conversation or lead read refused for want of the read:conversations scope. */
export const MISSING_SCOPE_CODE = 'causerie_missing_scope';

function pagePath( path: string, cursor: string | null, limit?: number ) {
	const params = new URLSearchParams();
	if ( cursor !== null ) {
		params.set( 'cursor', cursor );
	}
	if ( limit !== undefined ) {
		params.set( 'limit', String( limit ) );
	}
	const search = params.toString();
	return search ? `${ path }?${ search }` : path;
}

/**
 * One page of conversations, newest first.
 *
 * @param cursor The previous page's nextCursor; null for the first page.
 * @param limit  1 to 100; the server's default when omitted.
 */
export function fetchConversations(
	cursor: string | null = null,
	limit?: number
): Promise< ConversationPage > {
	return apiFetch< ConversationPage >( {
		path: pagePath( CONVERSATIONS_PATH, cursor, limit ),
	} );
}

/**
 * A conversation with its messages and the contact its visitor left.
 *
 * @param id The conversation's id.
 */
export function fetchConversation( id: string ): Promise< ConversationDetail > {
	return apiFetch< ConversationDetail >( {
		path: `${ CONVERSATIONS_PATH }/${ encodeURIComponent( id ) }`,
	} );
}

/**
 * One page of leads, oldest first.
 *
 * @param cursor The previous page's nextCursor; null for the first page.
 * @param limit  1 to 100; the server's default when omitted.
 */
export function fetchLeads(
	cursor: string | null = null,
	limit?: number
): Promise< LeadPage > {
	return apiFetch< LeadPage >( {
		path: pagePath( LEADS_PATH, cursor, limit ),
	} );
}

export function fetchLeadNotifications(): Promise< LeadNotifications > {
	return apiFetch< LeadNotifications >( { path: LEAD_NOTIFICATIONS_PATH } );
}

/**
 * Chooses whether and where an email goes for new leads.
 *
 * @param settings The mode and the address.
 */
export function saveLeadNotifications(
	settings: LeadNotifications
): Promise< LeadNotifications > {
	return apiFetch< LeadNotifications >( {
		path: LEAD_NOTIFICATIONS_PATH,
		method: 'PUT',
		data: settings,
	} );
}

export const WIDGET_PATH = `${ REST_NAMESPACE }/widget`;
export const SEARCH_PATH = '/wp/v2/search';

/** The chatbot's settings, the bot it shows, and whether visitors see it. */
export function fetchWidget(): Promise< WidgetStatus > {
	return apiFetch< WidgetStatus >( { path: WIDGET_PATH } );
}

/**
 * Saves the chatbot's settings. Turning it on registers the site with Causerie first: when Causerie refuses,
 * the answer is a diagnosis error and nothing stored changes.
 *
 * @param settings Only the settings to change.
 */
export function saveWidget(
	settings: Partial< WidgetSettings >
): Promise< WidgetStatus > {
	return apiFetch< WidgetStatus >( {
		path: WIDGET_PATH,
		method: 'PUT',
		data: { settings },
	} );
}

/**
 * Posts of any public type whose title or content matches, for the list of pages without the chatbot.
 *
 * @param search What the owner typed.
 */
export function searchPosts( search: string ): Promise< FoundPost[] > {
	const params = new URLSearchParams( {
		search,
		type: 'post',
		per_page: '10',
		_fields: 'id,title',
	} );
	return apiFetch< FoundPost[] >( {
		path: `${ SEARCH_PATH }?${ params.toString() }`,
	} );
}

export const SETUP_PATH = `${ REST_NAMESPACE }/setup`;

/** Whether the guided first run opens: nothing is configured yet. Preloaded. */
export function fetchSetup(): Promise< SetupState > {
	return apiFetch< SetupState >( { path: SETUP_PATH } );
}

/**
 * Finds the server behind an API address, from WordPress, and the page where it explains its credentials.
 * Nothing is saved.
 *
 * @param apiUrl The address the owner pasted.
 */
export function discoverServer( apiUrl: string ): Promise< DiscoveredServer > {
	return apiFetch< DiscoveredServer >( {
		path: `${ SETUP_PATH }/discovery`,
		method: 'POST',
		data: { apiUrl },
	} );
}

export const ACTIVITY_PATH = `${ REST_NAMESPACE }/activity`;

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * This week's conversations and leads. A WordPress without the route (404) answers "unavailable" rather than
 * an error: the overview then says the numbers are not available, as it does for the route's own reason.
 */
export async function fetchActivity(): Promise< Activity > {
	try {
		return await apiFetch< Activity >( { path: ACTIVITY_PATH } );
	} catch ( reason ) {
		if ( toRestError( reason ).data?.status !== 404 ) {
			throw reason;
		}
		return {
			conversations: null,
			leads: null,
			since: new Date( Date.now() - WEEK_MS ).toISOString(),
			refreshedAt: null,
			reason: 'unavailable',
		};
	}
}
