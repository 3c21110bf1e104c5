import type { FastifyInstance } from 'fastify';

import { PATHS } from '../paths';
import { SCOPES } from '../scopes';
import type { SandboxState } from '../state';

const metadata = { config: { endpoint: 'metadata' } } as const;

/**
 * RFC 8414 authorization server metadata, on the issuer's origin. In the `openid` mode the same document
 * is served as OpenID Connect discovery instead; in `none`, neither (404 as for an unknown path). With
 * metadata overrides, the fields they name point where a hostile server would point them.
 */
export function registerServerMetadata(
	app: FastifyInstance,
	state: SandboxState
): void {
	const document = () => {
		const { issuer, authMethods, modes } = state;
		const revocation = modes.revocation !== 'introspection-only';
		return {
			issuer,
			token_endpoint: issuer + PATHS.token,
			jwks_uri: issuer + PATHS.jwks,
			...( revocation
				? { revocation_endpoint: issuer + PATHS.revoke }
				: {} ),
			introspection_endpoint: issuer + PATHS.introspect,
			grant_types_supported:
				modes.refreshTokens === 'never'
					? [ 'client_credentials' ]
					: [ 'client_credentials', 'refresh_token' ],
			token_endpoint_auth_methods_supported: authMethods,
			...( revocation
				? { revocation_endpoint_auth_methods_supported: authMethods }
				: {} ),
			introspection_endpoint_auth_methods_supported: authMethods,
			scopes_supported: [ ...SCOPES ],
			response_types_supported: [],
			...modes.metadataOverrides,
		};
	};

	app.get( PATHS.metadata, metadata, async ( _request, reply ) =>
		state.modes.metadata === 'published' ? document() : reply.callNotFound()
	);
	app.get( PATHS.openidConfiguration, metadata, async ( _request, reply ) =>
		state.modes.metadata === 'openid' ? document() : reply.callNotFound()
	);
}

/** RFC 9728 protected resource metadata, on the API's origin; 404 in the `none` metadata mode. */
export function registerResourceMetadata(
	app: FastifyInstance,
	state: SandboxState
): void {
	app.get( PATHS.resourceMetadata, metadata, async ( _request, reply ) =>
		state.modes.metadata === 'none'
			? reply.callNotFound()
			: {
					resource: state.audience,
					authorization_servers: [ state.issuer ],
					scopes_supported: [ ...SCOPES ],
					bearer_methods_supported: [ 'header' ],
				}
	);
}
