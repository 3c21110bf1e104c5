import { decodeProtectedHeader } from 'jose';

/**
 * The error_description for a token that failed a check: which check, in words, from jose's error code.
 */
export function describeJoseError( error: unknown, token: string ): string {
	const code =
		typeof error === 'object' && error !== null && 'code' in error
			? String( error.code )
			: '';
	const claim =
		typeof error === 'object' && error !== null && 'claim' in error
			? String( error.claim )
			: '';
	switch ( code ) {
		case 'ERR_JWT_EXPIRED':
			return 'The access token expired';
		case 'ERR_JOSE_ALG_NOT_ALLOWED':
			return `The access token algorithm ${ algorithmOf( token ) } is not allowed`;
		case 'ERR_JWKS_NO_MATCHING_KEY':
			return 'The access token was signed with a key this server does not publish';
		case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
		case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
			return 'The access token signature is invalid';
		case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
			return describeClaimFailure( claim );
		default:
			return 'The access token is malformed';
	}
}

function describeClaimFailure( claim: string ): string {
	switch ( claim ) {
		case 'typ':
			return 'The access token type is not at+jwt';
		case 'iss':
			return 'The access token issuer is not this server';
		case 'aud':
			return 'The access token audience is not this API';
		case 'nbf':
			return 'The access token is not valid yet';
		default:
			return `The access token claim ${ claim } is missing or invalid`;
	}
}

function algorithmOf( token: string ): string {
	try {
		const alg = String( decodeProtectedHeader( token ).alg ?? 'none' );
		return /^[A-Za-z0-9+_-]{1,20}$/.test( alg ) ? alg : 'unknown';
	} catch {
		return 'unknown';
	}
}
