import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

import {
	DEFAULT_MODES,
	describeModes,
	parseShorthands,
} from '../../sandbox/src/modes';
import { serveOptions } from '../../sandbox/src/serve-options';

const CLI = [ '--import', 'tsx', 'sandbox/cli.ts' ];
const run = promisify( execFile );

async function freePort(): Promise< number > {
	const server = createServer().listen( 0, '127.0.0.1' );
	await once( server, 'listening' );
	const address = server.address();
	server.close();
	return typeof address === 'object' && address ? address.port : 0;
}

describe( 'command line: mode shorthands and the environment of `serve`', () => {
	it( 'reads shorthands in order, split apart from the modes', () => {
		assert.deepEqual(
			parseShorthands( [ 'split', 'opaque', 'no-nbf', 'short-tokens' ] ),
			{
				split: true,
				modes: {
					tokenFormat: 'opaque',
					nbfClaim: false,
					tokenLifetime: 30,
				},
			}
		);
		assert.deepEqual(
			parseShorthands( [ 'openid', 'default', 'refuse-jwt' ] ).modes,
			{ ...DEFAULT_MODES, revocation: 'refuse-jwt' }
		);
		assert.throws(
			() => parseShorthands( [ 'opaque', 'nope' ] ),
			/Unknown mode "nope"; known: split, no-metadata, openid/
		);
	} );

	it( 'describes the modes that differ from the defaults', () => {
		assert.deepEqual( describeModes( DEFAULT_MODES ), [] );
		assert.deepEqual(
			describeModes( {
				...DEFAULT_MODES,
				metadata: 'none',
				tokenLifetime: 45,
				revocation: 'introspection-only',
			} ),
			[ 'no-metadata', 'tokenLifetime=45', 'introspection-only' ]
		);
	} );

	it( 'starts single-origin with default modes from an empty environment', () => {
		assert.deepEqual( serveOptions( {} ), { port: 8877, modes: {} } );
	} );

	it( 'splits on split or an API port, and reads the token lifetime', () => {
		assert.deepEqual(
			serveOptions( {
				CAUSERIE_SANDBOX_PORT: '9000',
				CAUSERIE_SANDBOX_MODES: 'split, no-refresh,short-tokens',
				CAUSERIE_SANDBOX_TOKEN_LIFETIME: '90',
			} ),
			{
				port: 9000,
				apiPort: 0,
				modes: { refreshTokens: 'never', tokenLifetime: 90 },
			}
		);
		assert.equal(
			serveOptions( { CAUSERIE_SANDBOX_API_PORT: '9001' } ).apiPort,
			9001
		);
	} );

	it( 'refuses values it cannot use', () => {
		for ( const env of [
			{ CAUSERIE_SANDBOX_MODES: 'opaque,fast' },
			{ CAUSERIE_SANDBOX_API_PORT: 'x' },
			{ CAUSERIE_SANDBOX_API_PORT: '70000' },
			{ CAUSERIE_SANDBOX_TOKEN_LIFETIME: '0' },
			{ CAUSERIE_SANDBOX_TOKEN_LIFETIME: '1.5' },
		] ) {
			assert.throws( () => serveOptions( env ), JSON.stringify( env ) );
		}
	} );
} );

describe( 'command line: a running sandbox', () => {
	it(
		'announces both origins and its modes, and changes modes with sandbox:modes',
		{
			timeout: 30_000,
		},
		async () => {
			const port = await freePort();
			// Whatever the caller's environment says, this sandbox and no other.
			const env = {
				...process.env,
				CAUSERIE_SANDBOX_PORT: String( port ),
				CAUSERIE_SANDBOX_URL: `http://127.0.0.1:${ port }`,
				CAUSERIE_SANDBOX_API_PORT: '',
				CAUSERIE_SANDBOX_TOKEN_LIFETIME: '',
				CAUSERIE_SANDBOX_MODES: 'split,opaque',
			};
			const server = spawn( process.execPath, [ ...CLI, 'serve' ], {
				env,
			} );
			try {
				const [ banner ] = ( await once( server.stdout, 'data' ) ) as [
					Buffer,
				];
				const line = banner.toString();
				assert.ok(
					line.startsWith(
						`Causerie sandbox API on http://127.0.0.1:${ port }  protected API on http://127.0.0.1:`
					),
					line
				);
				assert.match( line, / {2}modes: opaque {2}/ );

				const changed = await run(
					process.execPath,
					[ ...CLI, 'modes', 'no-nbf', 'refuse-jwt' ],
					{ env }
				);
				assert.deepEqual( JSON.parse( changed.stdout ), {
					...DEFAULT_MODES,
					tokenFormat: 'opaque',
					nbfClaim: false,
					revocation: 'refuse-jwt',
				} );
				const reset = await run(
					process.execPath,
					[ ...CLI, 'modes', 'default' ],
					{ env }
				);
				assert.deepEqual( JSON.parse( reset.stdout ), DEFAULT_MODES );
				await assert.rejects(
					run( process.execPath, [ ...CLI, 'modes', 'split' ], {
						env,
					} ),
					/is chosen when the sandbox starts/
				);
			} finally {
				server.kill( 'SIGTERM' );
				await once( server, 'exit' );
			}
		}
	);

	it( 'exits non-zero on an unknown shorthand, with the list', async () => {
		await assert.rejects(
			run( process.execPath, [ ...CLI, 'serve' ], {
				env: { ...process.env, CAUSERIE_SANDBOX_MODES: 'fast' },
			} ),
			( error: { code?: number; stderr?: string } ) =>
				error.code === 1 &&
				/Unknown mode "fast"; known: split/.test( error.stderr ?? '' )
		);
	} );
} );
