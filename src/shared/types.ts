/**
 * Types that mirror the plugin's REST schemas (includes/REST).
 */

import type { JSONWebKeySet } from 'jose';

import type { DiagnosisCode, Severity } from './codes';

export type EnvironmentType =
	'local' | 'development' | 'staging' | 'production';

/** GET /causerie/v1/setup */
export interface SetupState {
	/** Nothing is configured: no credentials saved, none set in wp-config.php or the environment. */
	needed: boolean;
}

/** POST /causerie/v1/setup/discovery */
export interface DiscoveredServer {
	/** The address as WordPress will keep it (no trailing slash). */
	apiUrl: string;
	/** The server's page for people (RFC 8414 service_documentation), http or https; null when it names none. */
	documentation: string | null;
}

/** GET /causerie/v1/site */
export interface SiteInfo {
	pluginVersion: string;
	wordpressVersion: string;
	phpVersion: string;
	environmentType: EnvironmentType;
	multisite: boolean;
}

/** The error body of a failed WordPress REST request, as apiFetch rejects with it. */
export interface RestError {
	code: string;
	message: string;
	data?: { status?: number };
}

/** The fields of a credentials profile that a request may change, and that wp-config.php may lock. */
export type LockableField =
	| 'clientId'
	| 'clientSecret'
	| 'apiUrl'
	| 'issuer'
	| 'tokenEndpoint'
	| 'scopes';

/** GET/POST /causerie/v1/settings */
export interface Settings {
	environment: EnvironmentType;
	activeEnvironment: EnvironmentType;
	clientId: string;
	hasSecret: boolean;
	/** A fingerprint of the saved secret (six hex digits) that tells two secrets apart; '' when not shown. */
	secretHint: string;
	secretStatus: 'ok' | 'missing' | 'key_changed' | 'copied' | 'corrupt';
	apiUrl: string;
	/** Advanced, for a server that publishes no metadata: its issuer and token endpoint; '' = found from apiUrl. */
	issuer: string;
	tokenEndpoint: string;
	scopes: string[];
	locked: Partial< Record< LockableField, 'constant' | 'environment' > >;
	/** On a multisite network: fields this site does not set itself, taken from the network's settings. */
	inherited?: Partial< Record< LockableField, 'network' > >;
}

/** The credentials of the site itself, or of the multisite network (every site's unless it sets its own). */
export type SettingsLevel = 'site' | 'network';

/** GET /causerie/v1/network/sync: one site of the network (REST\Network_Sync_Controller). */
export interface NetworkSiteSync {
	site: number;
	name: string;
	url: string;
	synced: number;
	total: number;
	pending: number;
	failed: number;
	/** Why the site's sync is paused: a diagnosis code and its title; null when it is not. */
	pause: { code: string; title: string } | null;
}

/** A diagnosis as the server describes it, translated. */
export interface Diagnosis {
	code: DiagnosisCode;
	severity: Severity;
	title: string;
	explanation: string;
	steps: string[];
	/** The steps as the fix wizard shows them above its own form ("paste it below"); the server sends both. */
	wizardSteps?: string[];
	/** Which steps, counted from 0, are done in the Causerie dashboard: they link the server's page for people. */
	dashboardSteps?: number[];
}

/** The last time the checks repaired the connection by themselves, within the last 24 hours. */
export interface Healed {
	/** What was wrong, such as token_revoked; when (ISO 8601); and the code's title, translated. */
	code: DiagnosisCode;
	at: string;
	title: string;
}

/** The authorization server the plugin found for the API address (Auth\Endpoints::public_view). */
export interface AuthorizationServer {
	issuer: string;
	tokenEndpoint: string;
	/** The API's RFC 9728 resource identifier, the audience of its tokens; null when it publishes none. */
	resource: string | null;
	/** Where it was found: RFC 8414 metadata, OpenID Connect discovery, the advanced settings, or defaults. */
	source: 'metadata' | 'openid' | 'settings' | 'defaults';
	/** Whether it offers revocation (RFC 7009) and introspection (RFC 7662). */
	revocation: boolean;
	introspection: boolean;
	/** Its page for people (RFC 8414 service_documentation), from the cached metadata; null when it names none. */
	documentation?: string | null;
}

/** GET /causerie/v1/status */
export interface ConnectionStatus {
	state: 'connected' | 'attention' | 'broken';
	/** When causes stack, the one to fix first. */
	diagnosis: Diagnosis | null;
	/** When a check or a call first found the diagnosis; null when connected or for a local fault. */
	since?: string | null;
	tokenExpiresAt: string | null;
	nextRefreshAt: string | null;
	checkedAt: string | null;
	/** Seconds since the last live check, by the server's clock; null before the first. */
	checkAgeSeconds?: number | null;
	lastSuccessAt: string | null;
	healed: Healed | null;
	/** Null until the authorization server is known. */
	server: AuthorizationServer | null;
	/** False when WP-Cron has not run the plugin's jobs for over an hour. */
	cronRunning?: boolean;
}

/** One entry of POST /causerie/v1/checks */
export interface CheckResult {
	id:
		| 'configured'
		| 'site'
		| 'reachable'
		| 'clock'
		| 'credentials'
		| 'token'
		| 'api'
		| 'scopes'
		| 'environment';
	status: 'ok' | 'warning' | 'error' | 'skipped';
	code: DiagnosisCode | '';
	message: string;
	evidence: Record< string, unknown >;
}

/** The data of a failed request whose cause was diagnosed (status 409, 422 or 502). */
export interface DiagnosisErrorData {
	status: number;
	diagnosis: Diagnosis & { evidence: Record< string, unknown > };
}

/** GET and POST /causerie/v1/checks; GET answers {} before the first run. */
export interface ChecksRun {
	checkedAt: string;
	lastSuccessAt?: string | null;
	/** GET only: the last self-repair of the day, with what the checks saw. */
	healed?:
		| ( Omit< Healed, 'title' > & { evidence: Record< string, unknown > } )
		| null;
	checks: CheckResult[];
	/** POST only: another run was under way, so these are the last results, not a new run. */
	busy?: boolean;
}

/** POST /causerie/v1/token/regenerate */
export interface Regeneration {
	expiresAt: string;
	scopes: string[];
	environment: string;
	previousRevoked: boolean;
}

/** GET and POST /causerie/v1/binding */
export interface Binding {
	siteUrl: string;
	moved: boolean;
	paused: boolean;
}

/** A field of a credentials profile that a request may change. */
export type CredentialField = LockableField;

/** The body of POST /causerie/v1/settings and /settings/verify, besides `environment`. */
export interface SettingsChanges {
	clientId?: string;
	clientSecret?: string;
	apiUrl?: string;
	issuer?: string;
	tokenEndpoint?: string;
	scopes?: string[];
}

/** POST /causerie/v1/settings/verify, when the API accepts the candidate credentials. */
export interface VerifyResult {
	verified: true;
	scopes: string[];
	expiresIn: number;
}

/**
 * The data of a 400 about the input: core's schema validation fills `params` (field → message) and
 * `details`; the plugin's own checks name one `field` (empty when the request as a whole is at fault).
 */
export interface FieldErrorData {
	status: number;
	params?: Record< string, string > | string[];
	details?: Record< string, { code: string; message: string } >;
	field?: string;
}

/** The kinds of event the log records (Log\Event_Log::KINDS). */
export type EventKind = 'token' | 'api' | 'settings' | 'site' | 'sync';

/** One entry of GET /causerie/v1/events, redacted by the server. */
export interface LoggedEvent {
	id: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	kind: EventKind;
	/** A diagnosis code, or an action such as issued, renewed, regenerated, saved, paused, rebound. */
	code: string;
	/** An empty context comes as an empty array. */
	context: Record< string, unknown > | unknown[] | null;
}

/** Query arguments of GET /causerie/v1/events. */
export interface EventQuery {
	kind?: EventKind;
	/** 1 to 200; the server defaults to 50. */
	limit?: number;
}

/** The sections of GET /causerie/v1/report (Diagnosis\Support_Report), redacted by the server. */
export interface SupportReportSections {
	site: {
		pluginVersion: string;
		wordpressVersion: string;
		phpVersion: string;
		multisite: boolean;
		environmentType: EnvironmentType;
		siteUrl: string;
		wpCronDisabled: boolean;
		persistentObjectCache: boolean;
	};
	status: {
		state: ConnectionStatus[ 'state' ];
		diagnosis: Diagnosis | null;
		checkedAt: string | null;
	};
	settings: {
		activeProfile: EnvironmentType;
		/** Without user, password, query or fragment. */
		apiUrl: string;
		clientId: string;
		/** Whether a client secret is set; never the secret or its hint. */
		clientCredential:
			'set' | 'missing' | 'key_changed' | 'copied' | 'corrupt';
		requestedScopes: string[];
		lockedFields: Array< {
			field: LockableField;
			source: 'constant' | 'environment';
		} >;
	};
	/** The token's schedule and scopes; never the token. */
	accessGrant:
		| { held: false }
		| {
				held: true;
				profile: EnvironmentType;
				issuedAt: string;
				expiresAt: string;
				secondsLeft: number;
				renewAt: string;
				scopes: string[];
				refreshable: boolean;
				clockSkewSeconds: number;
		  };
	liveChecks: {
		checkedAt: string | null;
		/** Empty evidence comes as an empty array. */
		checks: Array<
			Omit< CheckResult, 'evidence' > & {
				evidence: Record< string, unknown > | unknown[];
			}
		>;
	};
	binding: { siteUrl: string; moved: boolean; paused: boolean };
	events: LoggedEvent[];
}

/** GET /causerie/v1/report */
export interface SupportReportResponse {
	/** ISO 8601, UTC. */
	generatedAt: string;
	report: SupportReportSections;
	/** The same report as plain text, to copy or download. */
	text: string;
}

/** GET /causerie/v1/token: the current token decoded; `token` only with reveal=true. */
export interface TokenDescription {
	/** An opaque token (not a JWT) has an empty header and claims. */
	format: 'jwt' | 'opaque';
	header: Record< string, unknown >;
	claims: Record< string, unknown >;
	scopes: string[];
	environment: string;
	issuedAt: string;
	expiresAt: string;
	renewAt: string;
	/** False when the server did not say when the token expires, so expiresAt is a guess. */
	expiryKnown: boolean;
	clockSkew: number;
	token?: string;
}

/** GET /causerie/v1/jwks: the API's public keys, relayed by the server. */
export type PublicKeys = JSONWebKeySet;

/** The texts of one code, as GET /causerie/v1/diagnoses returns them. */
export type DiagnosisText = Omit< Diagnosis, 'code' >;

/** GET /causerie/v1/diagnoses */
export type DiagnosisTexts = Partial< Record< DiagnosisCode, DiagnosisText > >;

/** GET/POST /causerie/v1/alerts */
export interface AlertSettings {
	/** The address chosen for alert emails; empty for the site's admin email. */
	alertEmail: string;
	/** Where alert emails go now. */
	recipient: string;
}

/** A full sync in progress (Sync\Full_Sync::progress). Times are Unix seconds. */
export interface SyncProgress {
	id: number;
	started: number;
	total: number;
	done: number;
	failed: number;
	pending: number;
	secondsLeft: number | null;
}

/** A post the knowledge base refused, with the reason it gave. */
export interface SyncFailure {
	postId: number;
	title: string;
	editLink: string;
	error: string;
	at: number;
}

/** A public post type, with how many of its posts qualify. */
export interface SyncPostType {
	name: string;
	label: string;
	count: number;
	chosen: boolean;
}

/** What a reconciliation found and queued to fix (Sync\Reconciler). */
export interface SyncReconcile {
	at: number;
	checked: number;
	missing: number;
	stale: number;
	orphaned: number;
}

/** GET /causerie/v1/sync, and the answers of its actions. */
export interface SyncStatus {
	inKnowledge: number;
	eligible: number;
	sentAt: number | null;
	fullSync: SyncProgress | null;
	lastFullSync: {
		finished: number;
		done: number;
		failed: number;
		cancelled: boolean;
	} | null;
	pause: {
		code: string;
		since: number;
		retryAt: number;
		evidence: Record< string, unknown >;
	} | null;
	backoff: { until: number; failures: number } | null;
	failures: SyncFailure[];
	queue: { pending: number; done: number; failed: number };
	postTypes: SyncPostType[];
	reconcile: SyncReconcile | null;
	/** POST /sync/reconcile only. */
	reconciled?: SyncReconcile;
	/** POST /sync/retry only: how many posts were queued again. */
	retried?: number;
}

/** A page the bot quoted; `url` is null for a document the API holds without one. */
export interface ConversationSource {
	title: string;
	url: string | null;
}

/** One entry of GET /causerie/v1/conversations. */
export interface ConversationSummary {
	id: string;
	/** ISO 8601. */
	startedAt: string;
	/** Messages from both sides. */
	messages: number;
	firstQuestion: string;
	/** Whether the visitor left contact details. */
	lead: boolean;
	origin: string;
	sources: ConversationSource[];
}

/** GET /causerie/v1/conversations: newest first; nextCursor is null on the last page. */
export interface ConversationPage {
	conversations: ConversationSummary[];
	nextCursor: string | null;
}

export interface ConversationMessage {
	id: string;
	role: 'visitor' | 'bot';
	text: string;
	sentAt: string;
	sources: ConversationSource[];
}

/** The contact details a visitor left: at least one of email and phone. */
export interface ConversationContact {
	email: string | null;
	phone: string | null;
	capturedAt: string;
}

/** GET /causerie/v1/conversations/{id} */
export interface ConversationDetail extends ConversationSummary {
	transcript: ConversationMessage[];
	contact: ConversationContact | null;
}

/** One entry of GET /causerie/v1/leads. */
export interface Lead {
	id: string;
	conversationId: string;
	email: string | null;
	phone: string | null;
	capturedAt: string;
	origin: string;
}

/** GET /causerie/v1/leads: oldest first (the API's order); nextCursor is never null, hasMore says whether to go on. */
export interface LeadPage {
	leads: Lead[];
	nextCursor: string;
	hasMore: boolean;
}

/** GET/PUT /causerie/v1/leads/notifications: no email, one per lead at once, or a daily digest. */
export interface LeadNotifications {
	mode: 'off' | 'instant' | 'daily';
	email: string;
}

/** Where the chatbot shows by itself (Widget\Widget_Options::PLACEMENTS). */
export type WidgetPlacement = 'everywhere' | 'types' | 'except' | 'manual';

/** The owner's overrides of the bot's theme; an empty value follows the bot. */
export interface WidgetAppearance {
	/** '#rrggbb', lower case, or ''. */
	color: string;
	position: 'bottom-right' | 'bottom-left' | '';
	greeting: string;
	launcherText: string;
}

/** The owner's choices for the chatbot on the site (Widget\Widget_Options::sanitize). */
export interface WidgetSettings {
	enabled: boolean;
	placement: WidgetPlacement;
	/** Post type names, for placement 'types'. */
	types: string[];
	/** Post ids, for placement 'except'. */
	exclude: number[];
	appearance: WidgetAppearance;
	/** Without the WP Consent API: load at once, or wait for the page's consent signal. */
	consent: 'none' | 'signal';
}

/** The bot as the API last described it. */
export interface WidgetBot {
	botId: string;
	greeting: string;
	color: string;
	textColor: string;
	position: 'bottom-right' | 'bottom-left';
	origin: string;
}

/** GET and PUT /causerie/v1/widget */
export interface WidgetStatus {
	settings: WidgetSettings;
	/** Null until the bot's configuration was fetched. */
	bot: WidgetBot | null;
	/** on: shown; hidden: on but the connection is broken; unavailable: on but the bot was never fetched. */
	state: 'off' | 'on' | 'hidden' | 'unavailable';
	/** The diagnosis code that hides it, while hidden. */
	problem: string | null;
	/** Whether the WP Consent API is active. */
	consentApi: boolean;
	postTypes: Array< { name: string; label: string } >;
	/** The posts of settings.exclude, with their titles. */
	excluded: Array< { id: number; title: string } >;
	homeUrl: string;
	/** A page that shows the chatbot: the home page when the placement reaches it; null when none does. */
	previewUrl: string | null;
}

/** GET /causerie/v1/activity: this week's numbers, from the summary cron keeps (never a remote call). */
export interface Activity {
	/** Null when not known: `reason` says why. */
	conversations: number | null;
	leads: number | null;
	/** The start of the week counted, ISO 8601. */
	since: string;
	/** When the summary was last gathered, ISO 8601; null before the first time. */
	refreshedAt: string | null;
	reason: null | 'missing_scope' | 'not_connected' | 'unavailable';
}

/** One result of GET /wp/v2/search, as the exclusion list asks for it. */
export interface FoundPost {
	id: number;
	title: string;
}
