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
	| { ok: false; code: 'token_malformed' | 'token_too_large' };

/**
 * The most text the inspector decodes, in UTF-8 bytes as pasted. An access token is a few hundred bytes to a
 * few kilobytes; anything larger is not one, and is refused before any work is done on it.
 */
export const MAX_TOKEN_BYTES = 16 * 1024;

/**
 * How deep a token's JSON may nest, as on the server (Jwt_Segments::DEPTH). A JWT's is shallow, and what
 * shows it may then walk it without running out of stack.
 */
export const MAX_DEPTH = 32;

/**
 * How deep a decoded value nests, walked without recursion however deep it is.
 *
 * @param value A parsed JSON value.
 */
function depthOf( value: unknown ): number {
	let deepest = 0;
	const pending: Array< [ unknown, number ] > = [ [ value, 1 ] ];
	while ( pending.length > 0 ) {
		const [ item, depth ] = pending.pop() as [ unknown, number ];
		if ( typeof item === 'object' && item !== null ) {
			deepest = Math.max( deepest, depth );
			for ( const child of Object.values( item ) ) {
				pending.push( [ child, depth + 1 ] );
			}
		}
	}
	return deepest;
}

/**
 * Whether the text is over MAX_TOKEN_BYTES. A UTF-16 code unit is at least one UTF-8 byte, so text longer
 * than the limit in code units is over it without being encoded.
 *
 * @param input The text as pasted.
 */
export function isTooLarge( input: string ): boolean {
	return (
		input.length > MAX_TOKEN_BYTES ||
		new TextEncoder().encode( input ).length > MAX_TOKEN_BYTES
	);
}

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
 * that is not a token) is malformed; text over MAX_TOKEN_BYTES is not decoded at all.
 *
 * @param input The token, possibly as pasted.
 */
export function decodeToken( input: string ): DecodeResult {
	if ( isTooLarge( input ) ) {
		return { ok: false, code: 'token_too_large' };
	}
	const token = normaliseToken( input );
	try {
		const claims = decodeJwt( token );
		const header = decodeProtectedHeader( token );
		if ( depthOf( claims ) > MAX_DEPTH || depthOf( header ) > MAX_DEPTH ) {
			return { ok: false, code: 'token_malformed' };
		}
		return { ok: true, decoded: { token, header, claims } };
	} catch {
		return { ok: false, code: 'token_malformed' };
	}
}
