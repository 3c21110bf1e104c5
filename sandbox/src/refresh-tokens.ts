import { randomBytes } from 'node:crypto';

import type { Clock } from './clock';

/** How long a rotated refresh token keeps working, for a client that retries a lost response. */
export const REFRESH_GRACE_SECONDS = 10;
export const REFRESH_LIFETIME_SECONDS = 30 * 24 * 3600;

export interface RefreshProblem {
	reason: 'unknown' | 'revoked' | 'expired' | 'reused';
	message: string;
}

export interface RefreshRecord {
	clientId: string;
	grantId: string;
	scopes: string[];
	expiresAtMs: number;
	replacedAtMs?: number;
	revoked: boolean;
}

/**
 * Opaque refresh tokens. Each use rotates the token: the used one keeps working for a grace period.
 */
export class RefreshTokens {
	private readonly records = new Map< string, RefreshRecord >();

	constructor( private readonly clock: Clock ) {}

	issue( clientId: string, grantId: string, scopes: string[] ): string {
		const token = randomBytes( 32 ).toString( 'base64url' );
		this.records.set( token, {
			clientId,
			grantId,
			scopes,
			expiresAtMs: this.clock.nowMs() + REFRESH_LIFETIME_SECONDS * 1000,
			revoked: false,
		} );
		return token;
	}

	get( token: string ): RefreshRecord | undefined {
		return this.records.get( token );
	}

	/**
	 * Why a refresh token can't be used by this client, or undefined when it can. "reused" means it was
	 * rotated more than the grace period ago: a sign that it leaked.
	 */
	problem(
		record: RefreshRecord | undefined,
		clientId: string
	): RefreshProblem | undefined {
		if ( ! record || record.clientId !== clientId ) {
			return {
				reason: 'unknown',
				message:
					'The refresh token is unknown or belongs to another client',
			};
		}
		if ( record.revoked ) {
			return {
				reason: 'revoked',
				message: 'The refresh token was revoked',
			};
		}
		const nowMs = this.clock.nowMs();
		if ( nowMs >= record.expiresAtMs ) {
			return { reason: 'expired', message: 'The refresh token expired' };
		}
		if (
			record.replacedAtMs !== undefined &&
			nowMs - record.replacedAtMs > REFRESH_GRACE_SECONDS * 1000
		) {
			return {
				reason: 'reused',
				message:
					'The refresh token was already used; its grant is revoked because it was used again',
			};
		}
		return undefined;
	}

	/** Marks a token as replaced by a new one; it keeps working for the grace period. */
	markRotated( token: string ): void {
		const record = this.records.get( token );
		if ( record ) {
			record.replacedAtMs ??= this.clock.nowMs();
		}
	}

	revokeWhere( matches: ( record: RefreshRecord ) => boolean ): void {
		for ( const record of this.records.values() ) {
			if ( matches( record ) ) {
				record.revoked = true;
			}
		}
	}
}
