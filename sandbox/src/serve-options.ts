import { parseShorthands } from './modes';
import type { StartOptions } from './server';

export const DEFAULT_PORT = 8877;

/**
 * What `npm run sandbox` starts, from its environment: CAUSERIE_SANDBOX_PORT, CAUSERIE_SANDBOX_API_PORT
 * (split origins), CAUSERIE_SANDBOX_MODES (comma-separated shorthands) and CAUSERIE_SANDBOX_TOKEN_LIFETIME.
 * Throws on a value it cannot use, rather than starting something else than asked.
 */
export function serveOptions(
	env: Record< string, string | undefined >
): StartOptions & { port: number } {
	const port = integer( env, 'CAUSERIE_SANDBOX_PORT', 0, 65535 );
	const apiPort = integer( env, 'CAUSERIE_SANDBOX_API_PORT', 0, 65535 );
	const lifetime = integer( env, 'CAUSERIE_SANDBOX_TOKEN_LIFETIME', 1 );
	const { modes, split } = parseShorthands(
		( env.CAUSERIE_SANDBOX_MODES ?? '' )
			.split( ',' )
			.map( ( name ) => name.trim() )
			.filter( ( name ) => name !== '' )
	);
	return {
		port: port ?? DEFAULT_PORT,
		...( split || apiPort !== undefined ? { apiPort: apiPort ?? 0 } : {} ),
		modes: {
			...modes,
			...( lifetime === undefined ? {} : { tokenLifetime: lifetime } ),
		},
	};
}

function integer(
	env: Record< string, string | undefined >,
	name: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER
): number | undefined {
	const value = env[ name ]?.trim();
	if ( value === undefined || value === '' ) {
		return undefined;
	}
	const number = Number( value );
	if ( ! /^\d+$/.test( value ) || number < min || number > max ) {
		throw new Error(
			`${ name } must be an integer from ${ min } to ${ max }, not "${ value }"`
		);
	}
	return number;
}
