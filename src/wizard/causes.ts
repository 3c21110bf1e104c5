/**
 * Which fix the regeneration wizard offers for a diagnosis, and which diagnoses open it on their own.
 */
import type { DiagnosisCode } from '../diagnosis/codes';

export type FixKind =
	/** The plugin repairs it alone: get a new token, prove it, revoke the old one. */
	| 'renew'
	/** A person pastes a new secret from the Causerie dashboard. */
	| 'secret'
	/** A person grants scopes in the dashboard; then a new token carries them. */
	| 'scopes'
	/** The credentials belong to another environment: enter this environment's. */
	| 'environment'
	/** The server's clock is off: only the host can fix it. */
	| 'clock'
	/** The site answers at a new address: is it the same site, or a copy? */
	| 'site'
	/** This copy was paused: resume if it is the real site. */
	| 'paused'
	/** The API or the network is failing: nothing to change here, check again later. */
	| 'wait';

const KINDS: Record< DiagnosisCode, FixKind > = {
	token_expired: 'renew',
	token_malformed: 'renew',
	token_signature_invalid: 'renew',
	token_revoked: 'renew',
	token_invalid: 'renew',
	insufficient_scope: 'scopes',
	invalid_scope: 'scopes',
	environment_mismatch: 'environment',
	invalid_client: 'secret',
	invalid_grant: 'secret',
	unauthorized_client: 'secret',
	encryption_key_changed: 'secret',
	not_configured: 'secret',
	token_endpoint_error: 'wait',
	dns_failure: 'wait',
	connection_refused: 'wait',
	timeout: 'wait',
	tls_failure: 'wait',
	network_error: 'wait',
	server_error: 'wait',
	rate_limited: 'wait',
	not_json: 'wait',
	metadata_invalid: 'wait',
	clock_skew: 'clock',
	site_moved: 'site',
	connection_paused: 'paused',
	// Found by the token inspector in the browser: a new token from the configured API settles them.
	token_not_yet_valid: 'clock',
	token_issuer_mismatch: 'renew',
	token_audience_mismatch: 'renew',
	token_type_invalid: 'renew',
	signing_key_unknown: 'renew',
	token_algorithm_not_allowed: 'wait',
	token_unverifiable: 'wait',
	signing_keys_invalid: 'wait',
	secure_context_required: 'wait',
};

export function fixKindOf( code: DiagnosisCode ): FixKind {
	return KINDS[ code ];
}

/**
 * The diagnoses behind a 401 or 403 from the API or its token endpoint: the wizard opens for them when
 * the screen loads, as they stop the chatbot and each has a fix here.
 */
const OPENS_ON_LOAD: DiagnosisCode[] = [
	'token_expired',
	'token_malformed',
	'token_signature_invalid',
	'token_revoked',
	'token_invalid',
	'insufficient_scope',
	'invalid_scope',
	'environment_mismatch',
	'invalid_client',
	'invalid_grant',
	'unauthorized_client',
];

export function opensWizard( code: DiagnosisCode ): boolean {
	return OPENS_ON_LOAD.includes( code );
}
