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
	const now = state.clock.nowSeconds();
	const iat = now + ( request.issuedIn ?? 0 );
	// The defaults are what the token endpoint would issue now, modes included.
	const claims = {
		...state.tokens.claims(
			client,
			request.scope ?? client.scopes.join( ' ' ),
			{
				iat,
				exp:
					now +
					( request.expiresIn ?? state.tokens.lifetimeOf( client ) ),
			}
		),
		...( request.issuer === undefined ? {} : { iss: request.issuer } ),
		...( request.audience === undefined ? {} : { aud: request.audience } ),
		...( request.environment === undefined
			? {}
			: { environment: request.environment } ),
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
		case 'current':
			return state.tokens.sign( claims, { typ } );
	}
}
