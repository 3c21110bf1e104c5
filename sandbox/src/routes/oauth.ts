import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import {
	authenticateClient,
	claimedClientId,
	readParams,
	required,
	type AuthenticatedClient,
	type Params,
} from '../client-auth';
import { OAuthError, noStore, sendOAuthError } from '../oauth-errors';
import { PATHS } from '../paths';
import type { SandboxState } from '../state';
import { registerServerMetadata } from './discovery';
import { grant } from './grant';

/**
 * The authorization server: RFC 8414 metadata, the token endpoint (RFC 6749), JWKS, revocation
 * (RFC 7009) and introspection (RFC 7662).
 */
export function registerOAuthRoutes(
	app: FastifyInstance,
	state: SandboxState
): void {
	registerServerMetadata( app, state );

	app.get(
		PATHS.jwks,
		{ config: { endpoint: 'jwks' } },
		async ( _request, reply ) => {
			reply.header( 'cache-control', 'public, max-age=300' );
			return state.keys.jwks();
		}
	);

	app.post(
		PATHS.token,
		{ config: { endpoint: 'token' } },
		async ( request, reply ) => {
			let params: Params = {};
			try {
				params = readParams( request );
				const { client } = authenticate( request, params, state );
				return noStore( reply ).send(
					await grant( params, client, state )
				);
			} catch ( error ) {
				return handleError( reply, error );
			} finally {
				// Every attempt counts, failed ones too, under the client id it claimed.
				state.counters.countTokenRequest(
					claimedClientId( request, params ),
					methodOf( request, params )
				);
				state.counters.countResources( resourcesSent( request.body ) );
			}
		}
	);

	app.post(
		PATHS.revoke,
		{ config: { endpoint: 'revoke' } },
		async ( request, reply ) => {
			// A server without RFC 7009: the path is not there at all.
			if ( state.modes.revocation === 'introspection-only' ) {
				return reply.callNotFound();
			}
			try {
				const params = readParams( request );
				const { client } = authenticate( request, params, state );
				const result = await state.tokens.revoke(
					required( params, 'token' ),
					client.id
				);
				// RFC 7009 §2.2: an unknown or already invalid token is not an error; another client's is (§2.1).
				if ( result === 'foreign' ) {
					throw new OAuthError(
						'unauthorized_client',
						'The token was issued to another client'
					);
				}
				if ( result === 'unsupported' ) {
					throw new OAuthError(
						'unsupported_token_type',
						'This server does not revoke JWT access tokens; they stay valid until they expire'
					);
				}
				state.counters.countRevocation( client.id );
				return noStore( reply ).code( 200 ).send();
			} catch ( error ) {
				return handleError( reply, error );
			}
		}
	);

	app.post(
		PATHS.introspect,
		{ config: { endpoint: 'introspect' } },
		async ( request, reply ) => {
			try {
				const params = readParams( request );
				const { client } = authenticate( request, params, state );
				const token = required( params, 'token' );
				state.counters.countIntrospection( client.id );
				return noStore( reply ).send(
					await state.tokens.introspect( token, client.id )
				);
			} catch ( error ) {
				return handleError( reply, error );
			}
		}
	);
}

function authenticate(
	request: FastifyRequest,
	params: Params,
	state: SandboxState
): AuthenticatedClient {
	const auth = authenticateClient( request, params, state.clients );
	if ( ! state.authMethods.includes( auth.method ) ) {
		throw new OAuthError(
			'invalid_client',
			`This server does not accept ${ auth.method }; see token_endpoint_auth_methods_supported`
		);
	}
	return auth;
}

/** The RFC 8707 resource values as received, before any check: a repeated one gives each of its values. */
function resourcesSent( body: unknown ): string[] {
	const value =
		typeof body === 'object' && body !== null && 'resource' in body
			? body.resource
			: undefined;
	return ( Array.isArray( value ) ? value : [ value ] ).filter(
		( item ): item is string => typeof item === 'string' && item !== ''
	);
}

function methodOf( request: FastifyRequest, params: Params ): string {
	if ( request.headers.authorization ) {
		return 'client_secret_basic';
	}
	if ( params.client_secret === undefined ) {
		return 'none';
	}
	return ( request.headers[ 'content-type' ] ?? '' )
		.toLowerCase()
		.startsWith( 'application/json' )
		? 'client_secret_json'
		: 'client_secret_post';
}

function handleError( reply: FastifyReply, error: unknown ): FastifyReply {
	if ( error instanceof OAuthError ) {
		return sendOAuthError( reply, error );
	}
	throw error;
}
