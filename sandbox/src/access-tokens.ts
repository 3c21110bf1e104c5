import { randomBytes, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';

import type { Clock } from './clock';

export interface AccessTokenClaims extends JWTPayload {
	client_id: string;
	scope: string;
	/** Causerie's own claim; absent when the environmentClaim mode is off. */
	environment?: string;
}

/** The claims of a token this server issues: the RFC 9068 ones are all there. */
export type IssuedClaims = AccessTokenClaims &
	Required< Pick< JWTPayload, 'iss' | 'sub' | 'aud' | 'iat' | 'exp' > > & {
		jti: string;
	};

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
 * What the server remembers of the access tokens it issued: each one's grant and state by jti, and the
 * claims of opaque tokens, which only this lookup can read (as a resource server that introspects would).
 */
export class AccessTokens {
	private readonly records = new Map< string, AccessRecord >();
	private readonly opaque = new Map< string, IssuedClaims >();
	/** Per client: tokens issued at or before this instant count as expired (ms, sandbox clock). */
	private readonly expiredBefore = new Map< string, number >();

	constructor( private readonly clock: Clock ) {}

	/** Records a token, so that its state can be checked and changed by jti. */
	register(
		jti: string,
		clientId: string,
		grantId: string = randomUUID()
	): void {
		this.records.set( jti, {
			clientId,
			grantId,
			issuedAtMs: this.clock.nowMs(),
			revoked: false,
		} );
	}

	/** An opaque token (43 base64url characters) standing for these claims. */
	issueOpaque( claims: IssuedClaims, grantId: string ): string {
		const token = randomBytes( 32 ).toString( 'base64url' );
		this.opaque.set( token, claims );
		this.register( claims.jti, claims.client_id, grantId );
		return token;
	}

	opaqueClaims( token: string ): IssuedClaims | undefined {
		return this.opaque.get( token );
	}

	/** Checks an opaque token by lookup, with the same descriptions as for a JWT's claims. */
	verifyOpaque( token: string ): Verification {
		const claims = this.opaque.get( token );
		if ( ! claims ) {
			return { ok: false, description: 'The access token is not active' };
		}
		const now = this.clock.nowSeconds();
		if ( claims.nbf !== undefined && claims.nbf > now ) {
			return {
				ok: false,
				description: 'The access token is not valid yet',
			};
		}
		if ( claims.exp <= now ) {
			return { ok: false, description: 'The access token expired' };
		}
		const problem = this.problem( claims.jti );
		return problem
			? { ok: false, description: problem }
			: { ok: true, claims };
	}

	/** Why a token whose own claims are good may not be used, or undefined when it may. */
	problem( jti: string | undefined ): string | undefined {
		const record = jti === undefined ? undefined : this.records.get( jti );
		if ( ! record ) {
			return 'The access token was not issued by this server';
		}
		if ( record.revoked ) {
			return 'The access token was revoked';
		}
		if (
			record.issuedAtMs <=
			( this.expiredBefore.get( record.clientId ) ?? -Infinity )
		) {
			return 'The access token expired';
		}
		return undefined;
	}

	/** The client a recorded token was issued to. */
	clientOf( jti: string ): string | undefined {
		return this.records.get( jti )?.clientId;
	}

	revoke( jti: string ): void {
		const record = this.records.get( jti );
		if ( record ) {
			record.revoked = true;
		}
	}

	revokeWhere(
		matches: ( record: { clientId: string; grantId: string } ) => boolean
	): void {
		for ( const record of this.records.values() ) {
			if ( matches( record ) ) {
				record.revoked = true;
			}
		}
	}

	/** Access tokens the client holds now count as expired; new ones work. */
	expireClient( clientId: string ): void {
		this.expiredBefore.set( clientId, this.clock.nowMs() );
	}
}
