// The table of `npm run bench:scale`, in markdown for the README, from the results bin/bench-scale.sh wrote:
//
//   node bin/bench-scale/report.mjs RESULTS_DIR CORES
import { readFileSync } from 'node:fs';

// Issue 15's goals.
const TOKEN_REQUESTS = 1;
const MAX_VISITOR_RATIO = 1.02;
// "Flat": the larger site's peak may be this much above the smaller one's, for noise.
const FLAT_TOLERANCE = 1.2;

const [ dir, cores ] = process.argv.slice( 2 );
const read = ( name ) =>
	JSON.parse( readFileSync( `${ dir }/${ name }.json`, 'utf8' ) );

const verdict = ( ok ) => ( ok ? 'PASS' : 'MISS' );
const ms = ( n ) => `${ n.toFixed( 0 ) }`;
const latency = ( s ) => `${ ms( s.p50 ) } / ${ ms( s.p95 ) } ms`;
const errors = ( s ) =>
	Object.entries( s.statuses )
		.filter( ( [ status ] ) => status !== '200' )
		.reduce( ( total, [ , n ] ) => total + n, 0 );
// The answers other than 200, by their REST error code: "7 × causerie_conversations_unavailable".
const refused = ( s ) =>
	Object.entries( s.refusals )
		.map( ( [ code, n ] ) => `${ n } × ${ code }` )
		.join( ', ' ) || 'none';
const nodes = ( s ) =>
	Object.entries( s.nodes )
		.sort()
		.map( ( [ node, n ] ) => `${ node } ${ n }` )
		.join( ', ' );
const missing = ( sync ) => Math.max( 0, sync.eligible - sync.held );
const mb = ( kb ) => `${ ( kb / 1024 ).toFixed( 1 ) } MB`;

const rows = [];
const row = ( ...cells ) => rows.push( cells );

const CACHES = {
	none: 'no object cache',
	redis: 'Redis object cache',
	evicting: 'Redis, evicting',
};
for ( const [ variant, name ] of Object.entries( CACHES ) ) {
	const { concurrency, fresh, expired } = read( `flight-${ variant }` );
	const evicted =
		expired.evicted === undefined
			? ''
			: `; ${ expired.evicted } keys evicted meanwhile`;
	row(
		`1. Single flight, ${ name }`,
		`token requests, ${ concurrency } concurrent, token expired`,
		`${ expired.tokenRequests } (nodes: ${ nodes(
			expired
		) }; answers not 200: ${ refused( expired ) }${ evicted })`,
		`${ fresh.tokenRequests } (token fresh; not 200: ${ refused(
			fresh
		) })`,
		String( TOKEN_REQUESTS ),
		verdict( expired.tokenRequests === TOKEN_REQUESTS )
	);
	row(
		'',
		'latency p50 / p95',
		latency( expired ),
		latency( fresh ),
		'',
		''
	);
}

const one = read( 'queue-one' );
const two = read( 'queue-two' );
const oneRun = read( 'queue-one-run' );
const twoRun = read( 'queue-two-run' );
// The cluster's CPU milliseconds a document written, and how busy the machine's cores were meanwhile.
const cpu = ( sync, runStats ) =>
	`${ ( ( runStats.cpuSeconds * 1000 ) / sync.written ).toFixed( 2 ) } ms, cores ${ (
		runStats.cpuBusy * 100
	).toFixed( 0 ) }% busy`;
row(
	'2. Queue across nodes',
	'documents/s while sending (first write to last, at the API)',
	`${ two.writingPerSecond } (both nodes; ${ two.writingSeconds.toFixed(
		1
	) } s)`,
	`${ one.writingPerSecond } (node a alone; ${ one.writingSeconds.toFixed(
		1
	) } s)`,
	`${ ( two.writingPerSecond / one.writingPerSecond ).toFixed( 2 ) }× one node`,
	''
);
row(
	'',
	'documents/s from `sync start` to its end, job loops waking every few seconds',
	`${ two.perSecond } (${ two.written } in ${ two.runSeconds.toFixed( 0 ) } s)`,
	`${ one.perSecond } (${ one.written } in ${ one.runSeconds.toFixed( 0 ) } s)`,
	'',
	''
);
row(
	'',
	"CPU a document, of the cluster's processes (sandbox and MariaDB included); how busy the machine was",
	cpu( two, twoRun ),
	cpu( one, oneRun ),
	'',
	''
);
row(
	'',
	'duplicate writes at the API',
	`${ two.duplicates }`,
	`${ one.duplicates }`,
	'0',
	verdict( two.duplicates === 0 && one.duplicates === 0 )
);
row(
	'',
	'documents missing at the end',
	`${ missing( two ) } (held ${ two.held } of ${ two.eligible })`,
	`${ missing( one ) }`,
	'0',
	verdict( missing( two ) === 0 && missing( one ) === 0 )
);

const killed = read( 'node-killed' );
const run = read( 'node-killed-run' );
row(
	'3. A node dies',
	'duplicates / missing, node a killed mid-sync',
	`${ killed.duplicates } / ${ missing( killed ) }`,
	'',
	'0 / 0',
	verdict( killed.duplicates === 0 && missing( killed ) === 0 )
);
row(
	'',
	'until the sync ended',
	run.ended
		? `${ run.afterKill?.toFixed( 0 ) } s after the kill (${ killed.runSeconds.toFixed(
				0
			) } s in all)`
		: `not ended in ${ killed.runSeconds.toFixed( 0 ) } s`,
	`${ one.runSeconds.toFixed( 0 ) } s with no kill (node a alone)`,
	'',
	''
);

const visitors = read( 'visitors' );
const uncached = read( 'visitors-uncached' ).result;
const CASES = { off: 'active, widget off', on: 'active, widget on' };
for ( const [ page, cases ] of Object.entries( visitors.result ) ) {
	const base = cases.inactive;
	for ( const [ name, label ] of Object.entries( CASES ) ) {
		const s = cases[ name ];
		// "1.004× (95% CI 0.981–1.027×)"
		const against = ( { ratio, interval } ) =>
			`${ ratio.toFixed( 3 ) }× (95% CI ${ interval
				.map( ( n ) => n.toFixed( 3 ) )
				.join( '–' ) }×)`;
		row(
			rows.some( ( r ) => r[ 0 ].startsWith( '4.' ) )
				? ''
				: '4. Visitors',
			`${ page } (${ visitors.pages[ page ] }), ${ label }: req/s, p50 / p95`,
			`${ s.perSecond }, ${ latency( s ) }; ${ against( s.p50Ratio ) }`,
			`${ base.perSecond }, ${ latency( base ) } (plugin inactive)`,
			`≤ ${ MAX_VISITOR_RATIO }× by p50`,
			verdict(
				s.p50Ratio.ratio <= MAX_VISITOR_RATIO && errors( s ) === 0
			)
		);
		row(
			'',
			`${ page }, ${ label }: PHP-FPM CPU a page view`,
			`${ s.cpuMs.toFixed( 1 ) } ms; ${ against( s.cpuRatio ) }`,
			`${ base.cpuMs.toFixed( 1 ) } ms`,
			'',
			''
		);
		const more = ( counts ) => {
			const n = counts[ name ].queries - counts.inactive.queries;
			return `${ counts[ name ].queries } (${ n >= 0 ? '+' : '' }${ n })`;
		};
		row(
			'',
			`${ page }, ${ label }: DB queries a page view, Redis / no object cache`,
			`${ more( cases ) } / ${ more( uncached[ page ] ) }`,
			`${ base.queries } / ${ uncached[ page ].inactive.queries }`,
			'+0',
			verdict(
				s.queries <= base.queries &&
					uncached[ page ][ name ].queries <=
						uncached[ page ].inactive.queries
			)
		);
	}
}

const small = read( 'memory-small' );
const large = read( 'memory-large' );
row(
	'5. Memory',
	'peak RSS of one sync worker',
	`${ mb( large.rssKb ) } (${ large.eligible } posts; ${ (
		large.rssKb / small.rssKb
	).toFixed( 2 ) }×)`,
	`${ mb( small.rssKb ) } (${ small.eligible } posts)`,
	`flat: ≤ ${ FLAT_TOLERANCE }×`,
	verdict( large.rssKb <= small.rssKb * FLAT_TOLERANCE )
);

const header = [
	'Benchmark',
	'Figure',
	'Measured',
	'Baseline (same run)',
	'Goal',
	'',
];
const line = ( cells ) => `| ${ cells.join( ' | ' ) } |`;
process.stdout.write(
	[
		line( header ),
		line( header.map( () => '---' ) ),
		...rows.map( line ),
	].join( '\n' ) + '\n'
);
process.stdout.write(
	`\n${ new Date().toISOString().slice( 0, 10 ) }, ${ cores } cores (nproc), \`npm run bench:scale\`. ` +
		`Visitors: ${ visitors.connections } connections, about ${ visitors.seconds } s a case and page (${ Object.entries(
			visitors.amounts
		)
			.map( ( [ page, n ] ) => `${ page } ${ n * visitors.rounds }` )
			.join( ', ' ) } requests), in ${ visitors.rounds } rounds ` +
		'that interleave the cases slice by slice, in orders that balance which comes first and which follows which; each 95% CI is a bootstrap over the rounds; ' +
		"latency is autocannon's response time (request sent to last byte), standing for time to first byte.\n"
);
