// Benchmark 4 of `npm run bench:scale`, run by bin/bench-scale.sh: visitors' page views through the load
// balancer with the plugin inactive, active with the widget off, and active with the widget on, interleaved:
// ROUNDS rounds of a slice of each case and page, summing to SECONDS a case and page. Then the database
// queries of one page view of each (bin/wp/bench-queries.php). Prints one JSON line.
//
//   WP_URL=… SANDBOX_URL=… SITE_DIR=… ROOT=… node bin/bench-scale/visitors.mjs POST_PATH [--queries]
//
// With --queries, only the query counts (for the site without an object cache, where each query shows).
// "Inactive" is the same site with the plugin left out of that request (bin/wp/bench-switch.php).
import { execFileSync } from 'node:child_process';
import { brief, load, merge } from './load.mjs';

const { WP_URL, SANDBOX_URL, SITE_DIR, ROOT } = process.env;
const CONNECTIONS = Number( process.env.BENCH_SCALE_VISITORS ?? 20 );
const SECONDS = Number( process.env.BENCH_SCALE_VISIT_SECONDS ?? 30 );
const ROUNDS = Number( process.env.BENCH_SCALE_VISIT_ROUNDS ?? 6 );
const [ postPath, only ] = process.argv.slice( 2 );

const PAGES = { home: '/', post: postPath };
// Each case: the request header that selects it and the widget's state.
const CASES = {
	inactive: { bench: 'inactive', widget: 'off' },
	off: { bench: 'active', widget: 'off' },
	on: { bench: 'active', widget: 'on' },
};

const widget = ( state ) =>
	execFileSync(
		'php',
		[ `${ ROOT }/bin/wp/widget.php`, state, SANDBOX_URL ],
		{ cwd: SITE_DIR, env: { ...process.env, WP_URL } }
	);

// A slice of load: SECONDS long, or, to warm up, a request a connection however long they take.
const slice = ( page, name, seconds ) =>
	load( {
		url: WP_URL,
		path: PAGES[ page ],
		headers: { 'x-causerie-bench': CASES[ name ].bench },
		connections: CONNECTIONS,
		...( seconds ? { duration: seconds } : { amount: CONNECTIONS } ),
	} );

// The queries of one page view, from the comment bin/wp/bench-queries.php adds; the third of three, warm.
async function queries( page, name ) {
	let count = NaN;
	for ( let i = 0; i < 3; i++ ) {
		const html = await (
			await fetch( `${ WP_URL }${ PAGES[ page ] }`, {
				headers: {
					'x-causerie-bench': CASES[ name ].bench,
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

const slices = {};
const result = {};
// The widget is switched twice a round, not once a slice: the cases that share a state run back to back.
const byWidget = [ 'off', 'on' ].map( ( state ) => [
	state,
	Object.keys( CASES ).filter( ( name ) => CASES[ name ].widget === state ),
] );
for ( let round = 0; only !== '--queries' && round <= ROUNDS; round++ ) {
	// Round 0 warms opcache, the object cache and the database's pages for every case, unmeasured.
	const seconds = round === 0 ? 0 : SECONDS / ROUNDS;
	for ( const [ state, names ] of byWidget ) {
		widget( state );
		for ( const page of Object.keys( PAGES ) ) {
			for ( const name of names ) {
				const summary = await slice( page, name, seconds );
				if ( round > 0 ) {
					( slices[ `${ page } ${ name }` ] ??= [] ).push( summary );
				}
			}
		}
	}
}
for ( const [ state, names ] of byWidget ) {
	widget( state );
	for ( const page of Object.keys( PAGES ) ) {
		for ( const name of names ) {
			( result[ page ] ??= {} )[ name ] = {
				...( slices[ `${ page } ${ name }` ]
					? brief( merge( slices[ `${ page } ${ name }` ] ) )
					: {} ),
				queries: await queries( page, name ),
			};
		}
	}
}
process.stdout.write(
	JSON.stringify( {
		connections: CONNECTIONS,
		seconds: SECONDS,
		rounds: ROUNDS,
		pages: PAGES,
		result,
	} ) + '\n'
);
