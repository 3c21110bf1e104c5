import { randomBytes } from 'node:crypto';

import type { Environment, Scope } from './scopes';

export interface Client {
	id: string;
	secret: string;
	scopes: Scope[];
	environment: Environment;
	/** Access-token lifetime in seconds. */
	tokenLifetime: number;
	/** Whether the token endpoint also issues refresh tokens to this client. */
	refreshTokens: boolean;
}

export type ClientInput = Partial< Client > &
	Pick< Client, 'scopes' | 'environment' >;

export function newSecret(): string {
	return randomBytes( 24 ).toString( 'base64url' );
}

/**
 * The registered clients. Secrets are compared in constant time.
 */
export class ClientStore {
	private readonly clients = new Map< string, Client >();

	add( input: ClientInput ): Client {
		const client: Client = {
			id: input.id ?? `client-${ randomBytes( 6 ).toString( 'hex' ) }`,
			secret: input.secret ?? newSecret(),
			scopes: [ ...input.scopes ],
			environment: input.environment,
			tokenLifetime: input.tokenLifetime ?? 3600,
			refreshTokens: input.refreshTokens ?? false,
		};
		this.clients.set( client.id, client );
		return client;
	}

	get( id: string ): Client | undefined {
		return this.clients.get( id );
	}

	all(): Client[] {
		return [ ...this.clients.values() ];
	}

	update(
		id: string,
		changes: Partial< Omit< Client, 'id' > >
	): Client | undefined {
		const client = this.clients.get( id );
		if ( ! client ) {
			return undefined;
		}
		Object.assign( client, changes );
		return client;
	}

	clear(): void {
		this.clients.clear();
	}
}
