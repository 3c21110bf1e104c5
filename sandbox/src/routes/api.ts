import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { AccessTokenClaims } from '../access-tokens';
import type { Scope } from '../scopes';
import type { SandboxState } from '../state';
import { WidgetBots } from '../widget-bots';
import { registerResourceMetadata } from './discovery';
import { registerConversationRoutes } from './conversations';
import { registerKnowledgeRoutes } from './knowledge';
import { registerWidgetRoutes } from './widget';

const REALM = 'causerie';

/** RFC 6750 §2.1: the b64token syntax of a bearer credential. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** An RFC 9110 quoted-string: printable ASCII only, with quotes and backslashes escaped. */
function quoted( value: string ): string {
	return (
		'"' +
		value.replace( /[^\x20-\x7e]/g, '?' ).replace( /["\\]/g, '\\$&' ) +
		'"'
	);
}

declare module 'fastify' {
	interface FastifyRequest {
		claims?: AccessTokenClaims;
	}
}

/**
 * The protected Causerie API and its RFC 9728 metadata. Every route checks the bearer token as RFC 9068 §4
 * and RFC 6750 §3 ask.
 */
export function registerApiRoutes(
	app: FastifyInstance,
	state: SandboxState
): void {
	registerResourceMetadata( app, state );

	// RFC 9728 §5.1; a server that publishes no metadata has none to point to.
	const challenge = ( parts: Record< string, string > ) => {
		const params = {
			realm: REALM,
			...parts,
			...( state.modes.metadata === 'none'
				? {}
				: { resource_metadata: state.resourceMetadataUrl } ),
		};
		return (
			'Bearer ' +
			Object.entries( params )
				.map( ( [ key, value ] ) => `${ key }=${ quoted( value ) }` )
				.join( ', ' )
		);
	};

	const authorize =
		( needed?: Scope ) =>
		async ( request: FastifyRequest, reply: FastifyReply ) => {
			const header = request.headers.authorization;
			const query = request.query as Record< string, unknown >;
			if ( header !== undefined && query.access_token !== undefined ) {
				return invalidRequest(
					reply,
					'The token was sent in more than one way'
				);
			}
			// No credentials, or another scheme: a bare challenge with no error code (RFC 6750 §3.1).
			if ( header === undefined || ! /^Bearer(\s|$)/i.test( header ) ) {
				return reply
					.code( 401 )
					.header( 'www-authenticate', challenge( {} ) )
					.send( {
						error: 'unauthorized',
						error_description: 'An access token is required',
					} );
			}
			const match = BEARER.exec( header );
			if ( ! match?.[ 1 ] ) {
				return invalidRequest(
					reply,
					'The Authorization header is not a valid Bearer credential'
				);
			}
			const result = await state.tokens.verify( match[ 1 ] );
			if ( ! result.ok ) {
				return reply
					.code( 401 )
					.header(
						'www-authenticate',
						challenge( {
							error: 'invalid_token',
							error_description: result.description,
						} )
					)
					.send( {
						error: 'invalid_token',
						error_description: result.description,
					} );
			}
			const granted = result.claims.scope.split( ' ' );
			if ( needed && ! granted.includes( needed ) ) {
				const description = `The access token lacks the scope ${ needed }`;
				return reply
					.code( 403 )
					.header(
						'www-authenticate',
						challenge( {
							error: 'insufficient_scope',
							error_description: description,
							scope: needed,
						} )
					)
					.send( {
						error: 'insufficient_scope',
						error_description: description,
						scope: needed,
					} );
			}
			request.claims = result.claims;
			return undefined;
		};

	const invalidRequest = ( reply: FastifyReply, description: string ) =>
		reply
			.code( 400 )
			.header(
				'www-authenticate',
				challenge( {
					error: 'invalid_request',
					error_description: description,
				} )
			)
			.send( {
				error: 'invalid_request',
				error_description: description,
			} );

	const claimsOf = ( request: FastifyRequest ): AccessTokenClaims => {
		if ( ! request.claims ) {
			throw new Error( 'route reached without a verified token' );
		}
		return request.claims;
	};

	const api = { config: { endpoint: 'api' } } as const;

	app.get(
		'/v1/me',
		{ ...api, preHandler: authorize() },
		async ( request ) => {
			const claims = claimsOf( request );
			return {
				account: {
					id: `acct_${ claims.client_id }`,
					name: 'Sandbox account',
				},
				bot: {
					id: WidgetBots.botIdOf( claims.client_id ),
					name: 'Causerie sandbox bot',
				},
				client_id: claims.client_id,
				// Absent when the environment claim is off (undefined is not serialized).
				environment: claims.environment,
				scopes: claims.scope.split( ' ' ).filter( Boolean ),
			};
		}
	);

	const guard = { authorize, claimsOf };
	registerWidgetRoutes( app, state, guard );
	registerConversationRoutes( app, state, guard );
	registerKnowledgeRoutes( app, state, guard );
}
