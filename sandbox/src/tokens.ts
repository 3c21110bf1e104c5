import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

import {
	AccessTokens,
	type IssuedClaims,
	type Verification,
} from './access-tokens';
import type { Client } from './clients';
import type { Clock } from './clock';
import { signedJti, verifyJwt } from './jwt';
import type { KeyStore } from './keys';
import type { Modes } from './modes';
import { RefreshTokens } from './refresh-tokens';

export interface IssuedTokens {
	accessToken: string;
	expiresIn: number;
	scopes: string[];
	refreshToken?: string;
}

/** An authorization grant: what every token issued under it descends from. */
export interface Grant {
	id: string;
	scopes: string[];
}

export type RevocationResult =
	'revoked' | 'unknown' | 'foreign' | 'unsupported';

/**
 * Issues, verifies, revokes and introspects tokens. Access tokens are RFC 9068 JWTs, or opaque in that
 * mode; refresh tokens are opaque and rotate on every use.
 */
export class TokenService {
	readonly refresh: RefreshTokens;
	readonly access: AccessTokens;

	constructor(
		private readonly clock: Clock,
		private readonly keys: KeyStore,
		readonly issuer: string,
		readonly audience: string,
		private readonly modes: () => Readonly< Modes >
	) {
		this.refresh = new RefreshTokens( clock );
		this.access = new AccessTokens( clock );
	}

	/** Seconds a new access token of the client lives. */
	lifetimeOf( client: Client ): number {
		return this.modes().tokenLifetime ?? client.tokenLifetime;
	}

	/** The claims of a new access token, with nbf and environment only when their modes allow. */
	claims(
		client: Client,
		scope: string,
		times: { iat: number; exp: number }
	): IssuedClaims {
		const { nbfClaim, environmentClaim } = this.modes();
		return {
			iss: this.issuer,
			sub: client.id,
			aud: this.audience,
			client_id: client.id,
			scope,
			iat: times.iat,
			...( nbfClaim ? { nbf: times.iat } : {} ),
			exp: times.exp,
			jti: randomUUID(),
			...( environmentClaim ? { environment: client.environment } : {} ),
		};
	}

	/** Signs claims with the current key and records the token as issued here. */
	async sign(
		claims: IssuedClaims,
		options: { grantId?: string; typ?: string } = {}
	): Promise< string > {
		const key = this.keys.signing;
		this.access.register( claims.jti, claims.client_id, options.grantId );
		return new SignJWT( claims )
			.setProtectedHeader( {
				alg: key.alg,
				typ: options.typ ?? 'at+jwt',
				kid: key.kid,
			} )
			.sign( key.privateKey );
	}

	/**
	 * Issues an access token with the scopes, and a refresh token for the whole grant when the client
	 * gets them. A refresh keeps the grant's id and scopes, even when it narrows the access token's.
	 */
	async issue(
		client: Client,
		scopes: string[],
		grant: Grant = { id: randomUUID(), scopes }
	): Promise< IssuedTokens > {
		const modes = this.modes();
		const iat = this.clock.nowSeconds();
		const expiresIn = this.lifetimeOf( client );
		const claims = this.claims( client, scopes.join( ' ' ), {
			iat,
			exp: iat + expiresIn,
		} );
		const accessToken =
			modes.tokenFormat === 'opaque'
				? this.access.issueOpaque( claims, grant.id )
				: await this.sign( claims, { grantId: grant.id } );
		const refreshes =
			modes.refreshTokens === 'per-client' && client.refreshTokens;
		return {
			accessToken,
			expiresIn,
			scopes,
			...( refreshes
				? {
						refreshToken: this.refresh.issue(
							client.id,
							grant.id,
							grant.scopes
						),
					}
				: {} ),
		};
	}

	/**
	 * Checks an access token as RFC 9068 §4 asks (type, algorithm allow-list, signature, issuer, audience,
	 * expiry and not-before on this server's clock, then revocation), or an opaque one by lookup.
	 */
	async verify( token: string ): Promise< Verification > {
		const result = this.isOpaque( token )
			? this.access.verifyOpaque( token )
			: await this.verifyIssuedJwt( token );
		if ( ! result.ok || this.modes().environmentClaim ) {
			return result;
		}
		// A standard server has no environment: not reported, even for tokens issued before the mode changed.
		const { environment: _dropped, ...claims } = result.claims;
		return { ok: true, claims };
	}

	/**
	 * The grant a refresh token belongs to, or why it can't be used. A token used again after its grace
	 * period revokes its whole grant, as RFC 6749 §10.4 suggests for a leaked token.
	 */
	checkRefreshToken(
		token: string,
		clientId: string
	): Grant | { error: string } {
		const record = this.refresh.get( token );
		const problem = this.refresh.problem( record, clientId );
		if ( problem?.reason === 'reused' && record ) {
			this.revokeWhere( ( other ) => other.grantId === record.grantId );
		}
		if ( problem !== undefined || ! record ) {
			return {
				error: problem?.message ?? 'The refresh token is unknown',
			};
		}
		return { id: record.grantId, scopes: record.scopes };
	}

	/**
	 * RFC 7009: revokes a token of this client. Revoking a refresh token ends its whole grant. In the
	 * refuse-jwt mode a JWT access token is 'unsupported' (§2.2.1) and stays valid.
	 */
	async revoke(
		token: string,
		clientId: string
	): Promise< RevocationResult > {
		const refresh = this.refresh.get( token );
		if ( refresh ) {
			if ( refresh.clientId !== clientId ) {
				return 'foreign';
			}
			this.revokeWhere( ( other ) => other.grantId === refresh.grantId );
			return 'revoked';
		}
		const opaque = this.access.opaqueClaims( token );
		const jti = opaque ? opaque.jti : await signedJti( token, this.keys );
		const owner =
			jti === undefined ? undefined : this.access.clientOf( jti );
		if ( jti === undefined || owner === undefined ) {
			return 'unknown';
		}
		if ( ! opaque && this.modes().revocation === 'refuse-jwt' ) {
			return 'unsupported';
		}
		if ( owner !== clientId ) {
			return 'foreign';
		}
		this.access.revoke( jti );
		return 'revoked';
	}

	/** RFC 7662: what this client may learn about one of its own tokens. */
	async introspect(
		token: string,
		clientId: string
	): Promise< Record< string, unknown > > {
		const refresh = this.refresh.get( token );
		if ( refresh ) {
			return this.refresh.problem( refresh, clientId ) === undefined
				? {
						// RFC 7662's token_type names access token types only.
						active: true,
						client_id: refresh.clientId,
						scope: refresh.scopes.join( ' ' ),
						exp: Math.floor( refresh.expiresAtMs / 1000 ),
					}
				: { active: false };
		}
		const result = await this.verify( token );
		if ( ! result.ok || result.claims.client_id !== clientId ) {
			return { active: false };
		}
		// Claims a token lacks (nbf, environment, by mode) are left out of the answer.
		const { scope, sub, aud, iss, exp, iat, nbf, jti, environment } =
			result.claims;
		return {
			active: true,
			token_type: 'Bearer',
			client_id: clientId,
			scope,
			sub,
			aud,
			iss,
			exp,
			iat,
			nbf,
			jti,
			environment,
		};
	}

	/** Every token of the client stops working at once. */
	revokeClient( clientId: string ): void {
		this.revokeWhere( ( record ) => record.clientId === clientId );
	}

	expireClient( clientId: string ): void {
		this.access.expireClient( clientId );
	}

	/**
	 * Opaque: issued as such, or unknown while opaque tokens are issued (then it is "not active", as an
	 * introspecting resource server says). Anything else is judged as a JWT.
	 */
	private isOpaque( token: string ): boolean {
		return (
			this.access.opaqueClaims( token ) !== undefined ||
			( this.modes().tokenFormat === 'opaque' && ! token.includes( '.' ) )
		);
	}

	private async verifyIssuedJwt( token: string ): Promise< Verification > {
		const result = await verifyJwt( token, {
			keys: this.keys,
			issuer: this.issuer,
			audience: this.audience,
			nowMs: this.clock.nowMs(),
		} );
		const problem = result.ok
			? this.access.problem( result.claims.jti )
			: undefined;
		return problem ? { ok: false, description: problem } : result;
	}

	private revokeWhere(
		matches: ( record: { clientId: string; grantId: string } ) => boolean
	): void {
		this.refresh.revokeWhere( matches );
		this.access.revokeWhere( matches );
	}
}
