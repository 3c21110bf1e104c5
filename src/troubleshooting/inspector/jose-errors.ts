/**
 * What each jose error means for the site owner, as a diagnosis code from codes.json. Errors are told apart
 * by their `code` string, never by `instanceof`, which fails across bundles.
 */
import type { JOSEErrorCode } from 'jose/errors';

import type { DiagnosisCode } from '../../shared/codes';

export const JOSE_ERROR_DIAGNOSES: Record< JOSEErrorCode, DiagnosisCode > = {
	ERR_JOSE_ALG_NOT_ALLOWED: 'token_algorithm_not_allowed',
	// A key type, algorithm or critical header this browser or jose can't process.
	ERR_JOSE_NOT_SUPPORTED: 'token_unverifiable',
	ERR_JOSE_GENERIC: 'token_unverifiable',
	// Access tokens are signed, never encrypted: anything JWE is not one.
	ERR_JWE_DECRYPTION_FAILED: 'token_malformed',
	ERR_JWE_INVALID: 'token_malformed',
	ERR_JWK_INVALID: 'signing_keys_invalid',
	ERR_JWKS_INVALID: 'signing_keys_invalid',
	// Reported once no key of several candidates verified the signature.
	ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'token_signature_invalid',
	ERR_JWKS_NO_MATCHING_KEY: 'signing_key_unknown',
	ERR_JWKS_TIMEOUT: 'timeout',
	ERR_JWS_INVALID: 'token_malformed',
	ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'token_signature_invalid',
	// Refined by the claim that failed, below.
	ERR_JWT_CLAIM_VALIDATION_FAILED: 'token_invalid',
	ERR_JWT_EXPIRED: 'token_expired',
	ERR_JWT_INVALID: 'token_malformed',
};

export function isJoseErrorCode( code: string ): code is JOSEErrorCode {
	return Object.prototype.hasOwnProperty.call( JOSE_ERROR_DIAGNOSES, code );
}

function stringMember( value: object, name: string ): string {
	const member = ( value as Record< string, unknown > )[ name ];
	return typeof member === 'string' ? member : '';
}

/**
 * The diagnosis of a failed claim or header check (jose's `claim` and `reason`).
 *
 * @param claim  The claim or header parameter that failed: nbf, iat, exp, iss, aud, typ...
 * @param reason check_failed (a wrong value), missing, or invalid (wrong type).
 */
export function diagnoseClaim( claim: string, reason: string ): DiagnosisCode {
	const checked = reason === 'check_failed';
	switch ( claim ) {
		case 'iss':
			return checked || reason === 'missing'
				? 'token_issuer_mismatch'
				: 'token_malformed';
		case 'aud':
			return checked || reason === 'missing'
				? 'token_audience_mismatch'
				: 'token_malformed';
		case 'typ':
			return 'token_type_invalid';
		case 'nbf':
		case 'iat':
			return checked ? 'token_not_yet_valid' : 'token_malformed';
		case 'exp':
			return checked ? 'token_expired' : 'token_malformed';
		default:
			// A required claim such as sub, jti or client_id that is absent or of the wrong type.
			return reason === 'missing' || reason === 'invalid'
				? 'token_malformed'
				: 'token_invalid';
	}
}

/**
 * The diagnosis for anything a jose call threw. An error that is not jose's (a browser failure) means the
 * token could not be checked here.
 *
 * @param error What was thrown.
 */
export function diagnoseJoseError( error: unknown ): DiagnosisCode {
	if ( typeof error !== 'object' || error === null ) {
		return 'token_unverifiable';
	}
	const code = stringMember( error, 'code' );
	if ( ! isJoseErrorCode( code ) ) {
		return 'token_unverifiable';
	}
	if ( code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ) {
		return diagnoseClaim(
			stringMember( error, 'claim' ),
			stringMember( error, 'reason' )
		);
	}
	return JOSE_ERROR_DIAGNOSES[ code ];
}
