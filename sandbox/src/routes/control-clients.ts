import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { newSecret, type Client } from '../clients';
import { ENVIRONMENTS, SCOPES, type Environment, type Scope } from '../scopes';
import type { SandboxState } from '../state';
import { bodySchema as body } from './schema';

const clientProperties = {
	secret: { type: 'string', minLength: 1 },
	scopes: {
		type: 'array',
		items: { enum: [ ...SCOPES ] },
		uniqueItems: true,
	},
	environment: { enum: [ ...ENVIRONMENTS ] },
	tokenLifetime: { type: 'integer', minimum: 1 },
	refreshTokens: { type: 'boolean' },
} as const;

type ClientChanges = Partial< {
	secret: string;
	scopes: Scope[];
	environment: Environment;
	tokenLifetime: number;
	refreshTokens: boolean;
} >;

/**
 * Control routes that create clients and change them as the Causerie dashboard would: scopes,
 * environment, lifetime, secret, and revoking or expiring their tokens.
 */
export function registerClientRoutes(
	control: FastifyInstance,
	state: SandboxState
): void {
	const findClient = (
		request: FastifyRequest< { Params: { id: string } } >,
		reply: FastifyReply
	): Client | undefined => {
		const client = state.clients.get( request.params.id );
		if ( ! client ) {
			void reply.code( 404 ).send( {
				error: 'no_such_client',
				error_description: `No client ${ request.params.id }`,
			} );
		}
		return client;
	};

	control.post< { Body: ClientChanges & { id?: string } } >(
		'/clients',
		{
			schema: body(
				{
					id: {
						type: 'string',
						pattern: '^[A-Za-z0-9._-]+$',
					},
					...clientProperties,
				},
				[ 'scopes', 'environment' ]
			),
		},
		async ( request, reply ) => {
			if ( request.body.id && state.clients.get( request.body.id ) ) {
				return reply.code( 409 ).send( {
					error: 'client_exists',
					error_description: `Client ${ request.body.id } exists`,
				} );
			}
			const {
				scopes = [],
				environment = 'development',
				...rest
			} = request.body;
			return reply.code( 201 ).send(
				state.clients.add( {
					...rest,
					scopes,
					environment,
				} )
			);
		}
	);

	control.patch< { Params: { id: string }; Body: ClientChanges } >(
		'/clients/:id',
		{ schema: body( clientProperties ) },
		async ( request, reply ) => {
			const client = findClient( request, reply );
			return client
				? state.clients.update( client.id, request.body )
				: reply;
		}
	);

	// As when the secret is regenerated in the Causerie dashboard: the old one stops working.
	control.post< {
		Params: { id: string };
		Body: { secret?: string };
	} >(
		'/clients/:id/secret',
		{
			schema: body( {
				secret: { type: 'string', minLength: 1 },
			} ),
		},
		async ( request, reply ) => {
			const client = findClient( request, reply );
			return client
				? state.clients.update( client.id, {
						secret: request.body?.secret ?? newSecret(),
					} )
				: reply;
		}
	);

	control.post< { Params: { id: string } } >(
		'/clients/:id/revoke',
		async ( request, reply ) => {
			const client = findClient( request, reply );
			if ( client ) {
				state.tokens.revokeClient( client.id );
				return { revoked: client.id };
			}
			return reply;
		}
	);

	control.post< { Params: { id: string } } >(
		'/clients/:id/expire',
		async ( request, reply ) => {
			const client = findClient( request, reply );
			if ( client ) {
				state.tokens.expireClient( client.id );
				return { expired: client.id };
			}
			return reply;
		}
	);
}
