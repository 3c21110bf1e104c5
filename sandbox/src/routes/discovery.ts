import type { FastifyInstance } from 'fastify';

import { PATHS } from '../paths';
import { SCOPES } from '../scopes';
import { SEED_CLIENTS, type SandboxState } from '../state';

const metadata = { config: { endpoint: 'metadata' } } as const;

/**
 * The sandbox's page about credentials: plain HTML, no script. It lists the seeded apps, which are public
 * by design here; a real server would send the owner to its dashboard instead.
 */
function credentialsPage(): string {
	const apps = SEED_CLIENTS.map(
		( client ) =>
			`<li><code>${ client.id }</code> (${ client.environment }), secret <code>${ client.secret }</code></li>`
	).join( '\n' );
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Your Causerie client ID and secret</title></head>
<body>
<main>
<h1>Your Causerie client ID and secret</h1>
<p>In the Causerie dashboard, open <strong>Settings → Apps</strong> and choose <strong>Connect a WordPress site</strong>.
Causerie shows the app's <strong>client ID</strong> and, once, its <strong>secret</strong>: copy both into the plugin.</p>
<p>This sandbox has these apps ready:</p>
<ul>
${ apps }
</ul>
</main>
</body>
</html>
`;
}

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
			service_documentation: issuer + PATHS.credentialsDocs,
			...modes.metadataOverrides,
		};
	};

	// Where a site owner learns where the client id and secret come from, as a real server's dashboard says.
	app.get( PATHS.credentialsDocs, async ( _request, reply ) =>
		reply.type( 'text/html; charset=utf-8' ).send( credentialsPage() )
	);

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
