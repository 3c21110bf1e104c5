/** Scopes the Causerie API knows, and the environments a client can belong to. */
export const SCOPES = [
	'read:conversations',
	'write:knowledge',
	'read:widget',
] as const;
export type Scope = ( typeof SCOPES )[ number ];

export const ENVIRONMENTS = [ 'development', 'staging', 'production' ] as const;
export type Environment = ( typeof ENVIRONMENTS )[ number ];

export function isScope( value: string ): value is Scope {
	return ( SCOPES as readonly string[] ).includes( value );
}

/**
 * Splits a space-delimited scope string (RFC 6749 §3.3); empty strings give an empty list.
 */
export function parseScope( value: string ): string[] {
	return [
		...new Set( value.split( ' ' ).filter( ( part ) => part !== '' ) ),
	];
}
