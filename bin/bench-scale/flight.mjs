// Benchmark 1 of `npm run bench:scale`, run by bin/bench-scale.sh: a burst of concurrent
// requests to an administrator's route that calls the API (TOKEN_ROUTE) through the load balancer, once with a fresh token (the baseline)
// and once with the cached token expired, so that every request on both nodes needs a new one at once.
// Prints one JSON line: the token requests the sandbox counted, latencies, statuses and nodes of each burst.
//
//   WP_URL=… SANDBOX_URL=… SITE_DIR=… ROOT=… [PRESSURE_REDIS_PORT=…] node bin/bench-scale/flight.mjs LABEL
//
// With PRESSURE_REDIS_PORT, a redis-benchmark writes random keys into that Redis during both bursts, so that a
// small maxmemory evicts WordPress's keys (the lock's, the token's) while the nodes renew.
import { execFileSync, spawn } from 'node:child_process';
import { control, sum } from '../sandbox-control.mjs';
import { logIn } from '../wp-login.mjs';
import { TOKEN_ROUTE } from '../bench-lib.mjs';
import { brief, load } from './load.mjs';

const { WP_URL, SANDBOX_URL, SITE_DIR, ROOT, PRESSURE_REDIS_PORT } =
	process.env;
const CONCURRENCY = Number( process.env.BENCH_SCALE_CONCURRENCY ?? 200 );
const [ label ] = process.argv.slice( 2 );

const evicted = () =>
	Number(
		/evicted_keys:(\d+)/.exec(
			execFileSync( 'redis-cli', [
				'-p',
				PRESSURE_REDIS_PORT,
				'info',
				'stats',
			] ).toString()
		)?.[ 1 ] ?? 0
	);

// The burst, with the sandbox's token requests counted from a cleared counter.
async function burst( headers ) {
	await control( SANDBOX_URL, 'DELETE', '/counters' );
	const filler = PRESSURE_REDIS_PORT
		? spawn(
				'redis-benchmark',
				// 4 KB values under random keys, for as long as the burst lasts.
				[
					...[ '-p', PRESSURE_REDIS_PORT, '-t', 'set', '-d', '4096' ],
					...[
						'-r',
						'100000000',
						'-n',
						'1000000000',
						'-c',
						'1',
						'-q',
					],
				],
				{ stdio: 'ignore' }
			)
		: null;
	const before = PRESSURE_REDIS_PORT ? evicted() : 0;
	try {
		const summary = await load( {
			url: WP_URL,
			path: TOKEN_ROUTE,
			headers,
			connections: CONCURRENCY,
			amount: CONCURRENCY,
		} );
		const counters = await control( SANDBOX_URL, 'GET', '/counters' );
		return {
			...brief( summary ),
			tokenRequests: sum( counters.tokenRequests ),
			revocations: sum( counters.revocations ),
			...( PRESSURE_REDIS_PORT ? { evicted: evicted() - before } : {} ),
		};
	} finally {
		filler?.kill();
	}
}

const headers = await logIn( WP_URL );
// Unmeasured: proves the route answers, then warms both nodes' workers and opcache.
const warm = await fetch( `${ WP_URL }${ TOKEN_ROUTE }`, { headers } );
if ( warm.status !== 200 ) {
	throw new Error( `GET ${ TOKEN_ROUTE } answered ${ warm.status }` );
}
await load( {
	url: WP_URL,
	path: TOKEN_ROUTE,
	headers,
	connections: 20,
	amount: 100,
} );

const fresh = await burst( headers );
execFileSync( 'php', [ `${ ROOT }/bin/wp/expire-token.php` ], {
	cwd: SITE_DIR,
	env: { ...process.env, WP_URL },
} );
const expired = await burst( headers );
process.stdout.write(
	JSON.stringify( { label, concurrency: CONCURRENCY, fresh, expired } ) + '\n'
);
