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
	lastSuccessAt: string | null;
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
	checks: CheckResult[];
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
export type CredentialField = keyof Settings[ 'locked' ];

/** The body of POST /causerie/v1/settings and /settings/verify, besides `environment`. */
export interface SettingsChanges {
	clientId?: string;
	clientSecret?: string;
	apiUrl?: string;
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
