import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import {
	authenticateClient,
	claimedClientId,
	readParams,
	type AuthenticatedClient,
	type Params,
} from '../client-auth';
import { OAuthError, noStore, sendOAuthError } from '../oauth-errors';
import { isScope, parseScope, SCOPES } from '../scopes';
import type { SandboxState } from '../state';
import type { Grant } from '../tokens';

export const PATHS = {
	metadata: '/.well-known/oauth-authorization-server',
	resourceMetadata: '/.well-known/oauth-protected-resource/v1',
	token: '/auth/token',
	jwks: '/auth/jwks.json',
	revoke: '/auth/revoke',
	introspect: '/auth/introspect',
} as const;

/**
 * The authorization server: RFC 8414 metadata, the token endpoint (RFC 6749), JWKS, revocation
 * (RFC 7009) and introspection (RFC 7662). Also RFC 9728 metadata for the protected API.
 */
export function registerOAuthRoutes(
	app: FastifyInstance,
	state: SandboxState
): void {
	const { issuer } = state;

	app.get(
		PATHS.metadata,
		{ config: { endpoint: 'metadata' } },
		async () => ( {
			issuer,
			token_endpoint: issuer + PATHS.token,
			jwks_uri: issuer + PATHS.jwks,
			revocation_endpoint: issuer + PATHS.revoke,
			introspection_endpoint: issuer + PATHS.introspect,
			grant_types_supported: [ 'client_credentials', 'refresh_token' ],
			token_endpoint_auth_methods_supported: state.authMethods,
			revocation_endpoint_auth_methods_supported: state.authMethods,
			introspection_endpoint_auth_methods_supported: state.authMethods,
			scopes_supported: [ ...SCOPES ],
			response_types_supported: [],
		} )
	);

	app.get(
		PATHS.resourceMetadata,
		{ config: { endpoint: 'metadata' } },
		async () => ( {
			resource: state.audience,
			authorization_servers: [ issuer ],
			scopes_supported: [ ...SCOPES ],
			bearer_methods_supported: [ 'header' ],
		} )
	);

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
				return await grant(
					reply,
					params,
					authenticate( request, params, state ),
					state
				);
			} catch ( error ) {
				return handleError( reply, error );
			} finally {
				// Every attempt counts, failed ones too, under the client id it claimed.
				state.counters.countTokenRequest(
					claimedClientId( request, params ),
					methodOf( request, params )
				);
			}
		}
	);

	app.post(
		PATHS.revoke,
		{ config: { endpoint: 'revoke' } },
		async ( request, reply ) => {
			try {
				const params = readParams( request );
				const { client } = authenticate( request, params, state );
				const token = required( params, 'token' );
				// RFC 7009 §2.2: an unknown or already invalid token is not an error; another client's is (§2.1).
				if (
					( await state.tokens.revoke( token, client.id ) ) ===
					'foreign'
				) {
					throw new OAuthError(
						'unauthorized_client',
						'The token was issued to another client'
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

async function grant(
	reply: FastifyReply,
	params: Params,
	auth: AuthenticatedClient,
	state: SandboxState
) {
	const { client } = auth;
	const grantType = required( params, 'grant_type' );
	const requested =
		params.scope === undefined ? undefined : parseScope( params.scope );
	if ( requested?.length === 0 ) {
		throw new OAuthError(
			'invalid_scope',
			'The scope parameter names no scope'
		);
	}
	const unknown = requested?.find( ( scope ) => ! isScope( scope ) );
	if ( unknown !== undefined ) {
		throw new OAuthError( 'invalid_scope', `Unknown scope: ${ unknown }` );
	}

	let scopes: string[];
	let refreshedGrant: Grant | undefined;
	let usedRefreshToken: string | undefined;
	if ( grantType === 'client_credentials' ) {
		const refused = requested?.find(
			( scope ) => ! ( client.scopes as string[] ).includes( scope )
		);
		if ( refused !== undefined ) {
			throw new OAuthError(
				'invalid_scope',
				`The client is not allowed the scope ${ refused }`
			);
		}
		scopes = requested ?? [ ...client.scopes ];
	} else if ( grantType === 'refresh_token' ) {
		if ( ! client.refreshTokens ) {
			throw new OAuthError(
				'unauthorized_client',
				'This client is not allowed refresh tokens'
			);
		}
		usedRefreshToken = required( params, 'refresh_token' );
		const used = state.tokens.checkRefreshToken(
			usedRefreshToken,
			client.id
		);
		if ( 'error' in used ) {
			throw new OAuthError( 'invalid_grant', used.error );
		}
		// RFC 6749 §6: a refresh may narrow the scope, never widen it; scopes the client lost since are dropped.
		const widened = requested?.find(
			( scope ) => ! used.scopes.includes( scope )
		);
		if ( widened !== undefined ) {
			throw new OAuthError(
				'invalid_scope',
				`The scope ${ widened } was not part of the original grant`
			);
		}
		scopes = ( requested ?? used.scopes ).filter( ( scope ) =>
			( client.scopes as string[] ).includes( scope )
		);
		refreshedGrant = used;
	} else {
		throw new OAuthError(
			'unsupported_grant_type',
			`The grant type ${ grantType } is not supported`
		);
	}

	const issued = await state.tokens.issue( client, scopes, refreshedGrant );
	// Only a refresh that succeeded uses up the old token.
	if ( usedRefreshToken !== undefined ) {
		state.tokens.refresh.markRotated( usedRefreshToken );
	}
	return noStore( reply ).send( {
		access_token: issued.accessToken,
		token_type: 'Bearer',
		expires_in: issued.expiresIn,
		scope: issued.scopes.join( ' ' ),
		...( issued.refreshToken
			? { refresh_token: issued.refreshToken }
			: {} ),
	} );
}

function required( params: Params, name: string ): string {
	const value = params[ name ];
	if ( value === undefined || value === '' ) {
		throw new OAuthError(
			'invalid_request',
			`The parameter ${ name } is missing`
		);
	}
	return value;
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
