import list from '../../includes/Credentials/scopes.json';

/**
 * Scopes the Causerie API knows: the ones the plugin asks for (includes/Credentials/scopes.json, written
 * from Scopes.php), and the environments a client can belong to.
 */
export type Scope = keyof typeof list.scopes;
export const SCOPES = Object.keys( list.scopes ) as Scope[];

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
