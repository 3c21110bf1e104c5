import { createLocalJWKSet, jwtVerify } from 'jose';

import type { AccessTokenClaims, Verification } from './access-tokens';
import { SIGNING_ALGORITHMS, type KeyStore } from './keys';
import { describeJoseError } from './verification-errors';

/**
 * A JWT access token's own checks, RFC 9068 §4: type, algorithm allow-list, signature with a published
 * key, issuer, audience, required claims, expiry and not-before on the server's clock (no leeway).
 */
export async function verifyJwt(
	token: string,
	expected: {
		keys: KeyStore;
		issuer: string;
		audience: string;
		nowMs: number;
	}
): Promise< Verification > {
	try {
		const { payload } = await jwtVerify< AccessTokenClaims >(
			token,
			createLocalJWKSet( expected.keys.jwks() ),
			{
				issuer: expected.issuer,
				audience: expected.audience,
				typ: 'at+jwt',
				algorithms: [ ...SIGNING_ALGORITHMS ],
				currentDate: new Date( expected.nowMs ),
				requiredClaims: [
					'iss',
					'sub',
					'aud',
					'exp',
					'iat',
					'jti',
					'client_id',
				],
			}
		);
		return { ok: true, claims: payload };
	} catch ( error ) {
		return { ok: false, description: describeJoseError( error, token ) };
	}
}

/** The jti of a token signed with a published key, whatever its claims say: for revocation. */
export async function signedJti(
	token: string,
	keys: KeyStore
): Promise< string | undefined > {
	try {
		const { payload } = await jwtVerify(
			token,
			createLocalJWKSet( keys.jwks() ),
			{
				algorithms: [ ...SIGNING_ALGORITHMS ],
				currentDate: new Date( 0 ),
				clockTolerance: Number.MAX_SAFE_INTEGER,
			}
		);
		return payload.jti;
	} catch {
		return undefined;
	}
}
