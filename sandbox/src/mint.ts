import { randomUUID } from 'node:crypto';
import { base64url, SignJWT } from 'jose';

import type { Client } from './clients';
import { createSigningKey } from './keys';
import type { SandboxState } from './state';

/** How a minted token is signed: as the server would, or wrongly in one of the ways the seed lists. */
export const SIGNINGS = [ 'current', 'foreign-key', 'hs256', 'none' ] as const;
export type Signing = ( typeof SIGNINGS )[ number ];

export interface MintRequest {
	clientId: string;
	/** Seconds from now; negative for a token that already expired. */
	expiresIn?: number;
	/** Seconds from now for iat and nbf; positive for a token from the future. */
	issuedIn?: number;
	scope?: string;
	environment?: string;
	issuer?: string;
	audience?: string;
	typ?: string;
	sign?: Signing;
}

/**
 * Makes a token with chosen claims and signature, for tests of what a client does with bad tokens.
 * A token signed with the current key is registered, so the API judges it on its claims alone.
 */
export async function mintToken(
	state: SandboxState,
	client: Client,
	request: MintRequest
): Promise< string > {
	const iat = state.clock.nowSeconds() + ( request.issuedIn ?? 0 );
	const exp =
		state.clock.nowSeconds() +
		( request.expiresIn ?? client.tokenLifetime );
	const jti = randomUUID();
	const claims = {
		iss: request.issuer ?? state.issuer,
		sub: client.id,
		aud: request.audience ?? state.audience,
		client_id: client.id,
		scope: request.scope ?? client.scopes.join( ' ' ),
		environment: request.environment ?? client.environment,
		iat,
		nbf: iat,
		exp,
		jti,
	};
	const typ = request.typ ?? 'at+jwt';
	switch ( request.sign ?? 'current' ) {
		case 'none': {
			const encode = ( value: object ) =>
				base64url.encode( JSON.stringify( value ) );
			return `${ encode( { alg: 'none', typ } ) }.${ encode( claims ) }.`;
		}
		case 'hs256': {
			// Signed with the client secret as an HMAC key: the classic algorithm-confusion token.
			return new SignJWT( claims )
				.setProtectedHeader( {
					alg: 'HS256',
					typ,
					kid: state.keys.signing.kid,
				} )
				.sign( new TextEncoder().encode( client.secret ) );
		}
		case 'foreign-key': {
			const foreign = await createSigningKey( state.keys.signing.alg );
			return new SignJWT( claims )
				.setProtectedHeader( {
					alg: foreign.alg,
					typ,
					kid: state.keys.signing.kid,
				} )
				.sign( foreign.privateKey );
		}
		case 'current': {
			const key = state.keys.signing;
			state.tokens.register( jti, client.id );
			return new SignJWT( claims )
				.setProtectedHeader( { alg: key.alg, typ, kid: key.kid } )
				.sign( key.privateKey );
		}
	}
}
