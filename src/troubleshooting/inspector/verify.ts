/**
 * Signature and claim verification of an access token, as RFC 9068 §4 asks of a resource server, against
 * the keys the plugin's REST route relays from the API.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWTVerifyOptions } from 'jose';

import type { DiagnosisCode } from '../../shared/codes';
import type { AuthorizationServer } from '../../shared/types';
import { diagnoseJoseError } from './jose-errors';

/** Public-key algorithms only: never `none`, never HS* (a shared secret anyone holding it could sign with). */
export const ALLOWED_ALGORITHMS = [
	'RS256',
	'RS384',
	'RS512',
	'PS256',
	'PS384',
	'PS512',
	'ES256',
	'ES384',
	'ES512',
] as const;

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const CLOCK_TOLERANCE_SECONDS = 60;
/** RFC 9068 §2.2: what every access token carries. */
export const REQUIRED_CLAIMS = [
	'iss',
	'sub',
	'aud',
	'exp',
	'iat',
	'jti',
	'client_id',
];

export interface Expectations {
	issuer: string;
	/** Null when the API publishes no resource identifier: the audience is not checked then. */
	audience: string | null;
}

export type Verification = { ok: true } | { ok: false; code: DiagnosisCode };

/** crypto.subtle exists only in secure contexts (HTTPS or localhost). */
export function hasSubtleCrypto(): boolean {
	return typeof globalThis.crypto?.subtle?.verify === 'function';
}

/**
 * The issuer and audience a token for the configured API carries: those of the sign-in service the plugin
 * found (its issuer, and the API's RFC 9728 resource identifier), else Causerie's own: the API URL itself,
 * and `<issuer>/v1`.
 *
 * @param apiUrl The API URL from the settings.
 * @param server The sign-in service found for it, when known.
 */
export function expectationsFor(
	apiUrl: string,
	server: AuthorizationServer | null = null
): Expectations {
	if ( server ) {
		return { issuer: server.issuer, audience: server.resource };
	}
	const issuer = apiUrl.replace( /\/+$/, '' );
	return { issuer, audience: `${ issuer }/v1` };
}

type KeyCandidates = Error & AsyncIterable< CryptoKey >;

function isSeveralKeys( error: unknown ): error is KeyCandidates {
	return (
		typeof error === 'object' &&
		error !== null &&
		( error as { code?: unknown } ).code ===
			'ERR_JWKS_MULTIPLE_MATCHING_KEYS' &&
		Symbol.asyncIterator in error
	);
}

async function verifyWithKeySet(
	token: string,
	jwks: JSONWebKeySet,
	options: JWTVerifyOptions
): Promise< void > {
	try {
		await jwtVerify( token, createLocalJWKSet( jwks ), options );
	} catch ( error ) {
		if ( ! isSeveralKeys( error ) ) {
			throw error;
		}
		// Several published keys fit a token without kid: one of them must verify it.
		for await ( const key of error ) {
			try {
				await jwtVerify( token, key, options );
				return;
			} catch ( attempt ) {
				if (
					( attempt as { code?: unknown } ).code !==
					'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
				) {
					throw attempt;
				}
			}
		}
		throw error;
	}
}

/**
 * Verifies the signature with the published keys, then typ, iss, aud, exp and nbf (with some clock
 * tolerance). Never throws: a failure comes back as a diagnosis code.
 *
 * @param token    The compact token.
 * @param jwks     The API's public keys.
 * @param expected Issuer and audience.
 * @param now      The time to judge exp and nbf against.
 */
export async function verifyToken(
	token: string,
	jwks: JSONWebKeySet,
	expected: Expectations,
	now: Date = new Date()
): Promise< Verification > {
	if ( ! hasSubtleCrypto() ) {
		return { ok: false, code: 'secure_context_required' };
	}
	try {
		await verifyWithKeySet( token, jwks, {
			algorithms: [ ...ALLOWED_ALGORITHMS ],
			typ: ACCESS_TOKEN_TYPE,
			issuer: expected.issuer,
			...( expected.audience === null
				? {}
				: { audience: expected.audience } ),
			requiredClaims: REQUIRED_CLAIMS,
			clockTolerance: CLOCK_TOLERANCE_SECONDS,
			currentDate: now,
		} );
		return { ok: true };
	} catch ( error ) {
		return { ok: false, code: diagnoseJoseError( error ) };
	}
}
