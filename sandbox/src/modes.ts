/**
 * Shapes that an RFC-compliant deployment may take where Causerie does not, switchable at run time so
 * that a client's tests can cover them. Each default is Causerie's own behaviour; modes combine freely.
 */
export const MODE_CHOICES = {
	metadata: [ 'published', 'openid', 'none' ],
	refreshTokens: [ 'per-client', 'never' ],
	expiresIn: [ 'sent', 'omitted' ],
	scopeInResponse: [ 'sent', 'omitted' ],
	tokenFormat: [ 'jwt', 'opaque' ],
	revocation: [ 'rfc7009', 'introspection-only', 'refuse-jwt' ],
} as const;
type Choice< Name extends keyof typeof MODE_CHOICES > =
	( typeof MODE_CHOICES )[ Name ][ number ];

/** Fields of the authorization server's metadata that a hostile deployment may point elsewhere. */
export const METADATA_OVERRIDABLE = [
	'issuer',
	'token_endpoint',
	'jwks_uri',
	'revocation_endpoint',
	'introspection_endpoint',
	'service_documentation',
] as const;
export type MetadataOverrides = Partial<
	Record< ( typeof METADATA_OVERRIDABLE )[ number ], string >
>;

export interface Modes {
	metadata: Choice< 'metadata' >;
	/** Hostile metadata: these fields replace the published ones, in RFC 8414 and OpenID form alike. */
	metadataOverrides: MetadataOverrides | null;
	refreshTokens: Choice< 'refreshTokens' >;
	/** Seconds every new access token lives, whatever the client's own lifetime; null: per client. */
	tokenLifetime: number | null;
	expiresIn: Choice< 'expiresIn' >;
	scopeInResponse: Choice< 'scopeInResponse' >;
	nbfClaim: boolean;
	environmentClaim: boolean;
	tokenFormat: Choice< 'tokenFormat' >;
	revocation: Choice< 'revocation' >;
}

export const DEFAULT_MODES: Readonly< Modes > = {
	metadata: 'published',
	metadataOverrides: null,
	refreshTokens: 'per-client',
	tokenLifetime: null,
	expiresIn: 'sent',
	scopeInResponse: 'sent',
	nbfClaim: true,
	environmentClaim: true,
	tokenFormat: 'jwt',
	revocation: 'rfc7009',
};

/** JSON schema of each mode, for PUT /__sandbox/modes. */
export const MODE_SCHEMA: Record< keyof Modes, unknown > = {
	metadata: { enum: [ ...MODE_CHOICES.metadata ] },
	metadataOverrides: {
		type: [ 'object', 'null' ],
		additionalProperties: false,
		properties: Object.fromEntries(
			METADATA_OVERRIDABLE.map( ( field ) => [
				field,
				{ type: 'string', minLength: 1 },
			] )
		),
	},
	refreshTokens: { enum: [ ...MODE_CHOICES.refreshTokens ] },
	tokenLifetime: { type: [ 'integer', 'null' ], minimum: 1 },
	expiresIn: { enum: [ ...MODE_CHOICES.expiresIn ] },
	scopeInResponse: { enum: [ ...MODE_CHOICES.scopeInResponse ] },
	nbfClaim: { type: 'boolean' },
	environmentClaim: { type: 'boolean' },
	tokenFormat: { enum: [ ...MODE_CHOICES.tokenFormat ] },
	revocation: { enum: [ ...MODE_CHOICES.revocation ] },
};

/** Short names for the command line, each for one non-default mode, with what it imitates. */
export const SHORTHANDS = {
	'no-metadata': {
		set: { metadata: 'none' },
		help: 'no RFC 8414, OpenID or RFC 9728 metadata (404); the default paths still work',
	},
	openid: {
		set: { metadata: 'openid' },
		help: 'OpenID Connect discovery only (RFC 8414 answers 404)',
	},
	'no-refresh': {
		set: { refreshTokens: 'never' },
		help: 'no refresh tokens for any client (RFC 6749 §4.4.3)',
	},
	'short-tokens': {
		set: { tokenLifetime: 30 },
		help: 'every access token lives 30 s',
	},
	'no-expires-in': {
		set: { expiresIn: 'omitted' },
		help: 'token answers without expires_in',
	},
	'no-scope': {
		set: { scopeInResponse: 'omitted' },
		help: 'token answers without scope when it is the one requested',
	},
	'no-nbf': { set: { nbfClaim: false }, help: 'JWTs without nbf' },
	'no-environment': {
		set: { environmentClaim: false },
		help: 'no environment claim or field anywhere',
	},
	opaque: {
		set: { tokenFormat: 'opaque' },
		help: 'opaque access tokens, checked by lookup',
	},
	'introspection-only': {
		set: { revocation: 'introspection-only' },
		help: 'no RFC 7009 revocation endpoint (404)',
	},
	'refuse-jwt': {
		set: { revocation: 'refuse-jwt' },
		help: 'revoking a JWT access token: 400 unsupported_token_type',
	},
} as const satisfies Record< string, { set: Partial< Modes >; help: string } >;

/** Not a mode: the protected API on its own origin, chosen when the sandbox starts. */
export const SPLIT = 'split';
/** Not a mode: every mode back to its default. */
export const DEFAULT = 'default';

/**
 * Reads shorthands in order (a later one wins over an earlier one on the same mode). Throws on an unknown
 * name, with the list of known ones.
 */
export function parseShorthands( names: string[] ): {
	modes: Partial< Modes >;
	split: boolean;
} {
	let modes: Partial< Modes > = {};
	let split = false;
	for ( const name of names ) {
		if ( name === SPLIT ) {
			split = true;
		} else if ( name === DEFAULT ) {
			modes = { ...modes, ...DEFAULT_MODES };
		} else if ( Object.hasOwn( SHORTHANDS, name ) ) {
			modes = {
				...modes,
				...SHORTHANDS[ name as keyof typeof SHORTHANDS ].set,
			};
		} else {
			throw new Error(
				`Unknown mode "${ name }"; known: ${ [
					SPLIT,
					...Object.keys( SHORTHANDS ),
					DEFAULT,
				].join( ', ' ) }`
			);
		}
	}
	return { modes, split };
}

/** The modes that differ from the defaults, by shorthand where one fits, else as name=value. */
export function describeModes( modes: Modes ): string[] {
	return ( Object.keys( DEFAULT_MODES ) as Array< keyof Modes > )
		.filter( ( name ) => modes[ name ] !== DEFAULT_MODES[ name ] )
		.map( ( name ) => {
			const shorthand = Object.entries( SHORTHANDS ).find(
				( [ , { set } ] ) =>
					( set as Partial< Modes > )[ name ] === modes[ name ]
			);
			const value = modes[ name ];
			return (
				shorthand?.[ 0 ] ??
				`${ name }=${
					typeof value === 'object'
						? JSON.stringify( value )
						: String( value )
				}`
			);
		} );
}
