/**
 * The sandbox Causerie API from the command line.
 *
 *   tsx sandbox/cli.ts serve                      start it (environment: see USAGE)
 *   tsx sandbox/cli.ts modes [shorthand ...]      show or change the runtime modes
 *   tsx sandbox/cli.ts break <cause> [args]       make it fail; see USAGE
 *   tsx sandbox/cli.ts fix                        back to the seeded, healthy state
 *   tsx sandbox/cli.ts status                     what it is doing now
 */
import {
	DEFAULT,
	describeModes,
	parseShorthands,
	SHORTHANDS,
	SPLIT,
} from './src/modes';
import { CONTROL_PREFIX } from './src/routes/control';
import { DEFAULT_PORT, serveOptions } from './src/serve-options';
import { startSandbox } from './src/server';

const port = Number( process.env.CAUSERIE_SANDBOX_PORT ?? DEFAULT_PORT );
const base = process.env.CAUSERIE_SANDBOX_URL ?? `http://127.0.0.1:${ port }`;

const MODE_HELP = [
	`  ${ SPLIT.padEnd( 20 ) } the protected API on its own origin (start only; port: CAUSERIE_SANDBOX_API_PORT, else free)`,
	...Object.entries( SHORTHANDS ).map(
		( [ name, { help } ] ) => `  ${ name.padEnd( 20 ) } ${ help }`
	),
	`  ${ DEFAULT.padEnd( 20 ) } every mode back to its default (sandbox:modes only)`,
].join( '\n' );

const USAGE = `usage:
npm run sandbox                  start it; environment:
  CAUSERIE_SANDBOX_PORT=N              its port (default ${ DEFAULT_PORT })
  CAUSERIE_SANDBOX_API_PORT=N          the protected API on its own origin, port N (0: any free port)
  CAUSERIE_SANDBOX_MODES=a,b           start-time modes, shorthands below (a reset goes back to them)
  CAUSERIE_SANDBOX_TOKEN_LIFETIME=N    every access token lives N seconds
npm run sandbox:modes -- [shorthand ...]   print the modes, or change them (combinable)
${ MODE_HELP }
npm run sandbox:break -- <cause> [--client ID]
  expire           the client's current access tokens count as expired
  revoke           every token of the client is revoked
  rotate-key       the signing key changes and the old one is dropped (tokens it signed are refused)
  skew SECONDS     the sandbox clock runs SECONDS ahead (negative: behind)
  scope            tokens issued from now on carry only read:widget (other calls get 403)
  env [ENV]        tokens issued from now on name another environment (default: production)
  secret           the client secret is regenerated, as in the Causerie dashboard (the next token request fails)
  down             every endpoint answers 503 until fixed
  fault MODE [N] [ENDPOINT]   the next N requests fail: 500 502 503 429 html truncated hang
  latency MS [ENDPOINT]       add latency
npm run sandbox:fix      clients, clock, faults and modes back to the start (revoked tokens stay revoked)
npm run sandbox:status   the whole state`;

async function control(
	method: string,
	path: string,
	body?: unknown
): Promise< unknown > {
	const response = await fetch( base + CONTROL_PREFIX + path, {
		method,
		headers:
			body === undefined ? {} : { 'content-type': 'application/json' },
		...( body === undefined ? {} : { body: JSON.stringify( body ) } ),
	} ).catch( () => {
		throw new Error(
			`No sandbox answers at ${ base }; start it with "npm run sandbox"`
		);
	} );
	const text = await response.text();
	if ( ! response.ok ) {
		throw new Error(
			`${ method } ${ path }: HTTP ${ response.status } ${ text }`
		);
	}
	return text === '' ? null : JSON.parse( text );
}

function option( args: string[], name: string, fallback: string ): string {
	const index = args.indexOf( name );
	const value = index >= 0 ? args[ index + 1 ] : undefined;
	if ( index >= 0 ) {
		args.splice( index, 2 );
	}
	return value ?? fallback;
}

async function breakIt( args: string[] ): Promise< unknown > {
	const client = option(
		args,
		'--client',
		process.env.CAUSERIE_SANDBOX_CLIENT ?? 'wp-development'
	);
	const [ cause, first, second, third ] = args;
	switch ( cause ) {
		case 'expire':
			return control( 'POST', `/clients/${ client }/expire` );
		case 'revoke':
			return control( 'POST', `/clients/${ client }/revoke` );
		case 'rotate-key':
			return control( 'POST', '/keys/rotate', { keepOld: false } );
		case 'skew':
			return control( 'PUT', '/clock', {
				skewSeconds: Number( first ?? 300 ),
			} );
		case 'scope':
			return control( 'PATCH', `/clients/${ client }`, {
				scopes: [ 'read:widget' ],
			} );
		case 'env':
			return control( 'PATCH', `/clients/${ client }`, {
				environment: first ?? 'production',
			} );
		case 'secret':
			return control( 'POST', `/clients/${ client }/secret`, {} );
		case 'down':
			return control( 'POST', '/faults', {
				endpoint: 'all',
				mode: '503',
				count: 1_000_000,
			} );
		case 'fault':
			return control( 'POST', '/faults', {
				mode: first,
				count: Number( second ?? 1 ),
				endpoint: third ?? 'all',
			} );
		case 'latency':
			return control( 'PUT', '/latency', {
				ms: Number( first ?? 5000 ),
				endpoint: second ?? 'all',
			} );
		default:
			throw new Error( USAGE );
	}
}

/** Changes the runtime modes with shorthands; `split` can only be chosen at start. */
function modeChanges( names: string[] ) {
	if ( names.includes( SPLIT ) ) {
		throw new Error(
			`"${ SPLIT }" is chosen when the sandbox starts: CAUSERIE_SANDBOX_MODES=${ SPLIT } npm run sandbox`
		);
	}
	return parseShorthands( names ).modes;
}

async function serve(): Promise< void > {
	const sandbox = await startSandbox( serveOptions( process.env ) );
	const clients = sandbox.state.clients
		.all()
		.map(
			( c ) =>
				`${ c.id } / ${ c.secret } (${ c.environment }; ${ c.scopes.join( ' ' ) })`
		);
	const modes = describeModes( sandbox.state.modes );
	// Other scripts wait for "Causerie sandbox API on <url>": it must stay first.
	process.stdout.write(
		[
			`Causerie sandbox API on ${ sandbox.url }`,
			...( sandbox.apiUrl === sandbox.url
				? []
				: [ `protected API on ${ sandbox.apiUrl }` ] ),
			...( modes.length > 0 ? [ `modes: ${ modes.join( ', ' ) }` ] : [] ),
			`clients: ${ clients.join( '; ' ) }`,
			`control: ${ sandbox.url }${ CONTROL_PREFIX }/state`,
		].join( '  ' ) + '\n'
	);
	const stop = () => {
		void sandbox.close().then( () => process.exit( 0 ) );
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
}

async function main( [ command, ...args ]: string[] ): Promise< void > {
	switch ( command ) {
		case 'serve':
			return serve();
		case 'break':
			process.stdout.write(
				JSON.stringify( await breakIt( args ), null, 2 ) + '\n'
			);
			return;
		case 'modes':
			process.stdout.write(
				JSON.stringify(
					args.length === 0
						? await control( 'GET', '/modes' )
						: await control( 'PUT', '/modes', modeChanges( args ) ),
					null,
					2
				) + '\n'
			);
			return;
		case 'fix':
			await control( 'POST', '/reset' );
			process.stdout.write(
				'Clients, clock, faults and modes are back to the start. Revoked or expired tokens stay so: get new ones.\n'
			);
			return;
		case 'status':
			process.stdout.write(
				JSON.stringify( await control( 'GET', '/state' ), null, 2 ) +
					'\n'
			);
			return;
		default:
			throw new Error( USAGE );
	}
}

main( process.argv.slice( 2 ) ).catch( ( error: unknown ) => {
	process.stderr.write(
		`${ error instanceof Error ? error.message : String( error ) }\n`
	);
	process.exit( 1 );
} );
