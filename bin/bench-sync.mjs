// The sandbox side of `npm run bench:sync`, run by bin/bench-sync.sh:
//
//   node bin/bench-sync.mjs clear SANDBOX_URL
//       forget every document and counter, before a run
//   node bin/bench-sync.mjs measure SANDBOX_URL ELIGIBLE RSS_KB RUN_SECONDS START_SECONDS
//       one JSON line: what the plugin's sync did, from the counters (docs/causerie-api.md §8)
//   node bin/bench-sync.mjs report BASELINE.json SMALL.json LARGE.json
//       the table, with PASS or MISS beside each goal of issue 12
import { readFileSync } from 'node:fs';
import { control, sum } from './sandbox-control.mjs';

// The client bin/wp/connect-sandbox.php stores in the plugin; the baseline uses another one.
const PLUGIN_CLIENT = 'wp-development';
// Issue 12's goals.
const MIN_RATIO = 0.5;
const MAX_REQUESTS_PER_100 = 2;
// "Flat": the larger site's peak may be this much above the smaller one's, for noise.
const FLAT_TOLERANCE = 1.25;

const [ command, ...args ] = process.argv.slice( 2 );

async function clear( sandboxUrl ) {
	await control( sandboxUrl, 'DELETE', '/knowledge' );
	await control( sandboxUrl, 'DELETE', '/counters' );
}

async function measure(
	sandboxUrl,
	eligible,
	rssKb,
	runSeconds,
	startSeconds
) {
	const counters = await control( sandboxUrl, 'GET', '/counters' );
	const writes = Object.values(
		counters.knowledgeWrites?.[ PLUGIN_CLIENT ] ?? {}
	);
	const seconds = Number( runSeconds ) + Number( startSeconds );
	// From the first write to the last, at the API: the sending alone, without the runners' start and end.
	const span = counters.knowledgeWriteSpan?.[ PLUGIN_CLIENT ];
	const writing = span ? ( span.last - span.first ) / 1000 : 0;
	return {
		eligible: Number( eligible ),
		held: counters.knowledgeDocuments?.[ PLUGIN_CLIENT ] ?? 0,
		written: writes.length,
		writes: writes.reduce( ( total, n ) => total + n, 0 ),
		maxWrites: Math.max( 0, ...writes ),
		duplicates: writes.filter( ( n ) => n > 1 ).length,
		apiRequests: counters.requests.api,
		apiStatuses: counters.apiCalls,
		tokenRequests: sum( counters.tokenRequests ),
		rssKb: Number( rssKb ),
		runSeconds: Number( runSeconds ),
		startSeconds: Number( startSeconds ),
		perSecond: Number( ( writes.length / seconds ).toFixed( 1 ) ),
		writingSeconds: writing,
		writingPerSecond:
			writing > 0
				? Number( ( writes.length / writing ).toFixed( 1 ) )
				: null,
	};
}

const verdict = ( ok ) => ( ok ? 'PASS' : 'MISS' );
const mb = ( kb ) => `${ ( kb / 1024 ).toFixed( 1 ) } MB`;
const per100 = ( requests, documents ) =>
	documents > 0 ? ( requests / documents ) * 100 : Infinity;

function report( baseline, small, large ) {
	const ratio = large.perSecond / baseline.perSecond;
	const requests = per100( large.apiRequests, large.written );
	const missing = Math.max( 0, large.eligible - large.held );
	const extra = Math.max( 0, large.held - large.eligible );
	const rows = [
		[
			'documents/s',
			`${ large.perSecond } (${ large.written } in ${ (
				large.startSeconds + large.runSeconds
			).toFixed( 1 ) } s)`,
			`${ baseline.perSecond } (${ baseline.documents } in ${ baseline.seconds } s)`,
			`≥ ${ MIN_RATIO }× the limit: ${ ratio.toFixed( 2 ) }×`,
			verdict( ratio >= MIN_RATIO ),
		],
		[
			'API requests / 100 documents',
			`${ requests.toFixed( 2 ) } (${ large.apiRequests } requests)`,
			per100( baseline.requests, baseline.documents ).toFixed( 2 ),
			`≤ ${ MAX_REQUESTS_PER_100 }`,
			verdict( requests <= MAX_REQUESTS_PER_100 ),
		],
		[
			`peak RSS, ${ small.eligible } posts`,
			mb( small.rssKb ),
			'',
			'',
			'',
		],
		[
			`peak RSS, ${ large.eligible } posts`,
			mb( large.rssKb ),
			'',
			`flat: ≤ ${ FLAT_TOLERANCE }× the smaller site's`,
			verdict( large.rssKb <= small.rssKb * FLAT_TOLERANCE ),
		],
		[
			'duplicates (documents written twice)',
			`${ large.duplicates } (most writes of one: ${ large.maxWrites })`,
			'',
			'0',
			verdict( large.duplicates === 0 ),
		],
		[
			'missing (eligible, not held)',
			`${ missing } (held ${ large.held } of ${ large.eligible })`,
			'',
			'0',
			verdict( missing === 0 ),
		],
		[
			'extra (held, not eligible)',
			String( extra ),
			'',
			'0',
			verdict( extra === 0 ),
		],
	];
	const header = [ '', 'plugin', 'limit (Node)', 'goal', '' ];
	const widths = header.map( ( _, i ) =>
		Math.max( ...[ header, ...rows ].map( ( row ) => row[ i ].length ) )
	);
	for ( const row of [ header, ...rows ] ) {
		process.stdout.write(
			row
				.map( ( cell, i ) => cell.padEnd( widths[ i ] ) )
				.join( '  ' )
				.trimEnd() + '\n'
		);
	}
	process.stdout.write(
		`\nplugin: wp causerie sync start ${ large.startSeconds } s, run ${ large.runSeconds } s; ` +
			`${ large.tokenRequests } token requests; /v1 answers ${ JSON.stringify( large.apiStatuses ) }; ` +
			`${ small.eligible } posts: ${ small.perSecond } documents/s, ${ small.apiRequests } requests, ${ small.duplicates } duplicates, held ${ small.held }\n`
	);
}

const readJson = ( file ) => JSON.parse( readFileSync( file, 'utf8' ) );

if ( command === 'clear' ) {
	await clear( args[ 0 ] );
} else if ( command === 'measure' ) {
	process.stdout.write( JSON.stringify( await measure( ...args ) ) + '\n' );
} else if ( command === 'report' ) {
	report( ...args.map( readJson ) );
} else {
	throw new Error( `unknown command ${ command }; see the top of this file` );
}
