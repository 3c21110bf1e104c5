/**
 * Types that mirror the plugin's REST schemas (includes/REST).
 */

import type { JSONWebKeySet } from 'jose';

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

/** GET /causerie/v1/token: the current token decoded; `token` only with reveal=true. */
export interface TokenDescription {
	header: Record< string, unknown >;
	claims: Record< string, unknown >;
	scopes: string[];
	environment: string;
	issuedAt: string;
	expiresAt: string;
	renewAt: string;
	clockSkew: number;
	token?: string;
}

/** GET /causerie/v1/jwks: the API's public keys, relayed by the server. */
export type PublicKeys = JSONWebKeySet;

/** The texts of one code, as GET /causerie/v1/diagnoses returns them. */
export type DiagnosisText = Omit< Diagnosis, 'code' >;

/** GET /causerie/v1/diagnoses */
export type DiagnosisTexts = Partial< Record< DiagnosisCode, DiagnosisText > >;

/** POST /causerie/v1/checks */
export interface ChecksRun {
	checkedAt: string;
	checks: CheckResult[];
}
