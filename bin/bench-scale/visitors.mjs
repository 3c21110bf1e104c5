// Benchmark 4 of `npm run bench:scale`, run by bin/bench-scale.sh: visitors' page views through the load
// balancer with the plugin inactive, active with the widget off, and active with the widget on, interleaved.
// Each case is chosen request by request (bin/wp/bench-switch.php), so nothing is written between slices.
// Each page in turn gets ROUNDS rounds (a multiple of 6 balances them) of a slice of each case, in orders that
// balance which case comes first and which follows which. A slice is a number of requests that all get their
// answer, sized from a warm-up so that the slices of a case and page add up to about SECONDS: none is cut off
// mid-flight, and the CPU the nodes' PHP-FPM used during a slice is that case's alone. Each active case's p50 and CPU a page
// view are compared with the inactive site's over all rounds, with 95% confidence intervals drawn from the
// rounds. Then the database queries of one page view of each (bin/wp/bench-queries.php). Prints one JSON line.
//
//   WP_URL=… SANDBOX_URL=… SITE_DIR=… CLUSTER_DIR=… ROOT=… node bin/bench-scale/visitors.mjs POST_PATH [--queries]
//
// With --queries, only the query counts (for the site without an object cache, where each query shows).
import { execFileSync } from 'node:child_process';
import { confidence } from '../bench-lib.mjs';
import { readFileSync } from 'node:fs';
import { treeCpuSeconds } from './cpu.mjs';
import { brief, load, merge } from './load.mjs';

const { WP_URL, SANDBOX_URL, SITE_DIR, CLUSTER_DIR, ROOT } = process.env;
const CONNECTIONS = Number( process.env.BENCH_SCALE_VISITORS ?? 20 );
const SECONDS = Number( process.env.BENCH_SCALE_VISIT_SECONDS ?? 30 );
const ROUNDS = Number( process.env.BENCH_SCALE_VISIT_ROUNDS ?? 12 );
const [ postPath, only ] = process.argv.slice( 2 );
// The nodes' PHP-FPM masters: their CPU, with their workers', is what the page views cost PHP.
const fpmCpu = () =>
	treeCpuSeconds(
		[ 'a', 'b' ].map( ( node ) =>
			Number(
				readFileSync(
					`${ CLUSTER_DIR }/node-${ node }/php-fpm.pid`,
					'utf8'
				)
			)
		)
	);

const PAGES = { home: '/', post: postPath };
// The value of the X-Causerie-Bench header that selects each case.
const CASES = [ 'inactive', 'off', 'on' ];

// A slice of load: AMOUNT requests over CONNECTIONS connections, with the nodes' CPU it cost.
async function slice( page, name, amount ) {
	const before = fpmCpu();
	const summary = await load( {
		url: WP_URL,
		path: PAGES[ page ],
		headers: { 'x-causerie-bench': name },
		connections: CONNECTIONS,
		amount,
	} );
	return { ...summary, cpu: fpmCpu() - before };
}

// The queries of one page view, from the comment bin/wp/bench-queries.php adds; the third of three, warm.
async function queries( page, name ) {
	let count = NaN;
	for ( let i = 0; i < 3; i++ ) {
		const html = await (
			await fetch( `${ WP_URL }${ PAGES[ page ] }`, {
				headers: {
					'x-causerie-bench': name,
					'x-causerie-queries': '1',
				},
			} )
		).text();
		count = Number( /causerie-queries: (\d+)/.exec( html )?.[ 1 ] );
	}
	if ( Number.isNaN( count ) ) {
		throw new Error( `no query count on ${ PAGES[ page ] } (${ name })` );
	}
	return count;
}

// The widget is stored on, with its bot, so that `on` shows it; `off` overrides the setting per request.
execFileSync( 'php', [ `${ ROOT }/bin/wp/widget.php`, 'on', SANDBOX_URL ], {
	cwd: SITE_DIR,
	env: { ...process.env, WP_URL },
} );

// The orders of the cases, round after round: each case comes first, second and third twice in six rounds,
// and right after each other case twice (a Williams design), so that what a slice inherits from the one before
// it (caches, a queue draining) falls on every case alike.
const ORDERS = [
	[ 0, 1, 2 ],
	[ 1, 2, 0 ],
	[ 2, 0, 1 ],
	[ 2, 1, 0 ],
	[ 0, 2, 1 ],
	[ 1, 0, 2 ],
];

// rounds[ page ][ r ][ name ]: the summary of round r's slice of that case. One page after the other, so that
// no slice follows a switch of page.
const rounds = Object.fromEntries(
	Object.keys( PAGES ).map( ( page ) => [ page, [] ] )
);
// Requests a slice, per page, sized by a warm-up of every case that is not measured (opcache, the object cache
// and the database's pages).
const amounts = {};
for ( const page of only === '--queries' ? [] : Object.keys( PAGES ) ) {
	let pace = 0;
	for ( const name of CASES ) {
		pace +=
			( await slice( page, name, 2 * CONNECTIONS ) ).perSecond /
			CASES.length;
	}
	amounts[ page ] = Math.max(
		CONNECTIONS,
		Math.round( ( pace * SECONDS ) / ROUNDS )
	);
	for ( let round = 0; round < ROUNDS; round++ ) {
		const slices = {};
		for ( const index of ORDERS[ round % ORDERS.length ] ) {
			slices[ CASES[ index ] ] = await slice(
				page,
				CASES[ index ],
				amounts[ page ]
			);
		}
		rounds[ page ].push( slices );
	}
}

// A case over some rounds: its responses pooled, and the CPU seconds of a page view.
const pooled = ( some, name ) => ( {
	...merge( some.map( ( r ) => r[ name ] ) ),
	cpu:
		some.reduce( ( all, r ) => all + r[ name ].cpu, 0 ) /
		some.reduce( ( all, r ) => all + r[ name ].requests, 0 ),
} );
// A figure of a case against the inactive site's, over the same rounds.
const against = ( some, name, figure ) =>
	pooled( some, name )[ figure ] / pooled( some, 'inactive' )[ figure ];
const compared = ( some, name, figure ) => ( {
	ratio: against( some, name, figure ),
	interval: confidence( some, ( drawn ) => against( drawn, name, figure ) ),
} );

const result = {};
for ( const page of Object.keys( PAGES ) ) {
	for ( const name of CASES ) {
		const measured = rounds[ page ].length > 0;
		const { cpu, ...responses } = measured
			? pooled( rounds[ page ], name )
			: {};
		( result[ page ] ??= {} )[ name ] = {
			...( measured
				? {
						...brief( responses ),
						cpuMs: Number( ( cpu * 1000 ).toFixed( 2 ) ),
					}
				: {} ),
			...( measured && name !== 'inactive'
				? {
						p50Ratio: compared( rounds[ page ], name, 'p50' ),
						cpuRatio: compared( rounds[ page ], name, 'cpu' ),
					}
				: {} ),
			queries: await queries( page, name ),
		};
	}
}
process.stdout.write(
	JSON.stringify( {
		connections: CONNECTIONS,
		seconds: SECONDS,
		rounds: ROUNDS,
		amounts,
		pages: PAGES,
		result,
	} ) + '\n'
);
