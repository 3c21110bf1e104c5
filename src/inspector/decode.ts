/**
 * Reads a token without verifying it: what the inspector shows even when the signature can't be checked.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';

export interface DecodedToken {
	/** The compact token, cleaned of what pasting adds. */
	token: string;
	header: ProtectedHeaderParameters;
	claims: JWTPayload;
}

export type DecodeResult =
	| { ok: true; decoded: DecodedToken }
	| { ok: false; code: 'token_malformed' };

/**
 * Drops what comes along when a token is copied: surrounding and wrapped whitespace, a "Bearer " prefix.
 *
 * @param input The text as pasted.
 */
export function normaliseToken( input: string ): string {
	return input
		.trim()
		.replace( /^Bearer\s+/i, '' )
		.replace( /\s+/g, '' );
}

/**
 * Decodes the header and claims of a compact JWS. Anything else (an encrypted token, a truncated one, text
 * that is not a token) is malformed.
 *
 * @param input The token, possibly as pasted.
 */
export function decodeToken( input: string ): DecodeResult {
	const token = normaliseToken( input );
	try {
		const claims = decodeJwt( token );
		const header = decodeProtectedHeader( token );
		return { ok: true, decoded: { token, header, claims } };
	} catch {
		return { ok: false, code: 'token_malformed' };
	}
}
