/**
 * Real keys and access tokens for the inspector's tests, made with jose as the Causerie API makes them
 * (RFC 9068, docs/causerie-api.md §3).
 */
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWK, JWTPayload } from 'jose';

export const ISSUER = 'http://127.0.0.1:8877';
export const AUDIENCE = `${ ISSUER }/v1`;
/** A fixed "now" for the verification tests, in seconds. */
export const NOW = 1_900_000_000;

export interface SigningKey {
	alg: 'RS256' | 'ES256';
	kid: string;
	privateKey: CryptoKey;
	jwk: JWK;
}

export async function signingKey(
	alg: SigningKey[ 'alg' ],
	kid = `${ alg.toLowerCase() }-key`
): Promise< SigningKey > {
	const { publicKey, privateKey } = await generateKeyPair( alg );
	const jwk = { ...( await exportJWK( publicKey ) ), kid, alg, use: 'sig' };
	return { alg, kid, privateKey, jwk };
}

export function jwksOf( ...keys: SigningKey[] ): JSONWebKeySet {
	return { keys: keys.map( ( key ) => key.jwk ) };
}

export interface TokenOptions {
	/** Claims to add or replace; undefined removes one. */
	claims?: Record< string, unknown >;
	/** Header parameters to add or replace; undefined removes one. */
	header?: Record< string, unknown >;
	/** Issue time, in seconds; NOW by default. */
	issuedAt?: number;
	/** Lifetime in seconds; 3600 by default. */
	lifetime?: number;
}

function withoutUndefined(
	values: Record< string, unknown >
): Record< string, unknown > {
	return Object.fromEntries(
		Object.entries( values ).filter(
			( [ , value ] ) => value !== undefined
		)
	);
}

export function accessClaims( options: TokenOptions = {} ): JWTPayload {
	const iat = options.issuedAt ?? NOW;
	return withoutUndefined( {
		iss: ISSUER,
		sub: 'wp-development',
		aud: AUDIENCE,
		client_id: 'wp-development',
		scope: 'read:conversations write:knowledge read:widget',
		environment: 'development',
		jti: '5b0f7c9e-3c1d-4e55-9a4e-2f0c6f0d9a11',
		iat,
		nbf: iat,
		exp: iat + ( options.lifetime ?? 3600 ),
		...options.claims,
	} );
}

export async function accessToken(
	key: SigningKey,
	options: TokenOptions = {}
): Promise< string > {
	const header = withoutUndefined( {
		alg: key.alg,
		kid: key.kid,
		typ: 'at+jwt',
		...options.header,
	} );
	return new SignJWT( accessClaims( options ) )
		.setProtectedHeader( header as { alg: string } )
		.sign( key.privateKey );
}
