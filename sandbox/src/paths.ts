/**
 * Where the sandbox serves each document and endpoint. The endpoint paths are Causerie's own defaults,
 * which a client uses when no metadata is published; the well-known paths come from the RFCs.
 */
export const PATHS = {
	/** RFC 8414 §3. */
	metadata: '/.well-known/oauth-authorization-server',
	/** OpenID Connect Discovery 1.0 §4, served instead of RFC 8414 in the `openid` metadata mode. */
	openidConfiguration: '/.well-known/openid-configuration',
	/** RFC 9728 §3.1: the well-known segment goes before the resource's path, /v1. */
	resourceMetadata: '/.well-known/oauth-protected-resource/v1',
	token: '/auth/token',
	jwks: '/auth/jwks.json',
	revoke: '/auth/revoke',
	introspect: '/auth/introspect',
	/** The page for people that the metadata names as `service_documentation` (RFC 8414 §2). */
	credentialsDocs: '/docs/credentials',
} as const;

/** The protected API's path under its origin; `<origin>/v1` is the resource identifier and the audience. */
export const API_PATH = '/v1';
