/**
 * Types that mirror the plugin's REST schemas (includes/REST).
 */

import type { DiagnosisCode, Severity } from './diagnosis/codes';

export type EnvironmentType =
	'local' | 'development' | 'staging' | 'production';

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

/** GET/POST /causerie/v1/settings */
export interface Settings {
	environment: EnvironmentType;
	activeEnvironment: EnvironmentType;
	clientId: string;
	hasSecret: boolean;
	secretHint: string;
	secretStatus: 'ok' | 'missing' | 'key_changed' | 'corrupt';
	apiUrl: string;
	scopes: string[];
	locked: Partial<
		Record<
			'clientId' | 'clientSecret' | 'apiUrl' | 'scopes',
			'constant' | 'environment'
		>
	>;
}

/** A diagnosis as the server describes it, translated. */
export interface Diagnosis {
	code: DiagnosisCode;
	severity: Severity;
	title: string;
	explanation: string;
	steps: string[];
}

/** GET /causerie/v1/status */
export interface ConnectionStatus {
	state: 'connected' | 'attention' | 'broken';
	diagnosis: Diagnosis | null;
	tokenExpiresAt: string | null;
	nextRefreshAt: string | null;
	checkedAt: string | null;
}

/** One entry of POST /causerie/v1/checks */
export interface CheckResult {
	id:
		| 'configured'
		| 'reachable'
		| 'clock'
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

/** The kinds of event the log records (Log\Event_Log::KINDS). */
export type EventKind = 'token' | 'api' | 'settings' | 'site';

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

/** Fields that wp-config.php constants or environment variables can lock. */
export type LockableField = 'clientId' | 'clientSecret' | 'apiUrl' | 'scopes';

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
		clientCredential: 'set' | 'missing' | 'key_changed' | 'corrupt';
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
