import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';

import type { Client } from './clients';
import type { Clock } from './clock';
import { SIGNING_ALGORITHMS, type KeyStore } from './keys';
import { RefreshTokens } from './refresh-tokens';
import { describeJoseError } from './verification-errors';

export interface AccessTokenClaims extends JWTPayload {
	client_id: string;
	scope: string;
	environment: string;
}

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

export type Verification =
	| { ok: true; claims: AccessTokenClaims }
	| { ok: false; description: string };

interface AccessRecord {
	clientId: string;
	grantId: string;
	issuedAtMs: number;
	revoked: boolean;
}

/**
 * Issues, verifies, revokes and introspects tokens. Access tokens are RFC 9068 JWTs; refresh tokens are
 * opaque and rotate on every use.
 */
export class TokenService {
	readonly refresh: RefreshTokens;
	private readonly access = new Map< string, AccessRecord >();
	/** Per client: tokens issued at or before this instant count as expired (ms, sandbox clock). */
	private readonly expiredBefore = new Map< string, number >();

	constructor(
		private readonly clock: Clock,
		private readonly keys: KeyStore,
		readonly issuer: string,
		readonly audience: string
	) {
		this.refresh = new RefreshTokens( clock );
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
		const grantId = grant.id;
		const iat = this.clock.nowSeconds();
		const jti = randomUUID();
		const key = this.keys.signing;
		const accessToken = await new SignJWT( {
			client_id: client.id,
			scope: scopes.join( ' ' ),
			environment: client.environment,
		} )
			.setProtectedHeader( { alg: key.alg, typ: 'at+jwt', kid: key.kid } )
			.setIssuer( this.issuer )
			.setSubject( client.id )
			.setAudience( this.audience )
			.setIssuedAt( iat )
			.setNotBefore( iat )
			.setExpirationTime( iat + client.tokenLifetime )
			.setJti( jti )
			.sign( key.privateKey );
		this.register( jti, client.id, grantId );

		return {
			accessToken,
			expiresIn: client.tokenLifetime,
			scopes,
			...( client.refreshTokens
				? {
						refreshToken: this.refresh.issue(
							client.id,
							grantId,
							grant.scopes
						),
					}
				: {} ),
		};
	}

	/**
	 * Checks an access token as RFC 9068 §4 asks: type, algorithm allow-list, signature, issuer, audience,
	 * expiry and not-before on this server's clock; then revocation.
	 */
	async verify( token: string ): Promise< Verification > {
		let claims: AccessTokenClaims;
		try {
			const { payload } = await jwtVerify< AccessTokenClaims >(
				token,
				createLocalJWKSet( this.keys.jwks() ),
				{
					issuer: this.issuer,
					audience: this.audience,
					typ: 'at+jwt',
					algorithms: [ ...SIGNING_ALGORITHMS ],
					currentDate: new Date( this.clock.nowMs() ),
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
			claims = payload;
		} catch ( error ) {
			return {
				ok: false,
				description: describeJoseError( error, token ),
			};
		}
		const record = claims.jti ? this.access.get( claims.jti ) : undefined;
		if ( ! record ) {
			return {
				ok: false,
				description: 'The access token was not issued by this server',
			};
		}
		if ( record.revoked ) {
			return { ok: false, description: 'The access token was revoked' };
		}
		if (
			record.issuedAtMs <=
			( this.expiredBefore.get( record.clientId ) ?? -Infinity )
		) {
			return { ok: false, description: 'The access token expired' };
		}
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

	/** RFC 7009: revokes a token of this client. Revoking a refresh token ends its whole grant. */
	async revoke(
		token: string,
		clientId: string
	): Promise< 'revoked' | 'unknown' | 'foreign' > {
		const refresh = this.refresh.get( token );
		const jti = refresh ? undefined : await this.jtiOf( token );
		const record = refresh ?? ( jti ? this.access.get( jti ) : undefined );
		if ( ! record ) {
			return 'unknown';
		}
		if ( record.clientId !== clientId ) {
			return 'foreign';
		}
		if ( refresh ) {
			this.revokeWhere( ( other ) => other.grantId === refresh.grantId );
		} else {
			record.revoked = true;
		}
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

	/** Access tokens the client holds now count as expired; new ones work. */
	expireClient( clientId: string ): void {
		this.expiredBefore.set( clientId, this.clock.nowMs() );
	}

	/** Records a signed token, so that verify() knows it was issued here. */
	register(
		jti: string,
		clientId: string,
		grantId: string = randomUUID()
	): void {
		this.access.set( jti, {
			clientId,
			grantId,
			issuedAtMs: this.clock.nowMs(),
			revoked: false,
		} );
	}

	private revokeWhere(
		matches: ( record: { clientId: string; grantId: string } ) => boolean
	): void {
		this.refresh.revokeWhere( matches );
		for ( const record of this.access.values() ) {
			if ( matches( record ) ) {
				record.revoked = true;
			}
		}
	}

	/** The jti of a token this server signed, whatever its state. */
	private async jtiOf( token: string ): Promise< string | undefined > {
		try {
			const { payload } = await jwtVerify(
				token,
				createLocalJWKSet( this.keys.jwks() ),
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
}
