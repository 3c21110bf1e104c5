// Fires concurrent REST requests at WordPress and runs the live checks from WP-CLI, reading the sandbox's
// counters. Run by bin/bench.sh.
import { execFileSync } from 'node:child_process';
import { control as sandboxControl, sum } from './sandbox-control.mjs';
import { logIn } from './wp-login.mjs';
import { percentile, TOKEN_ROUTE } from './bench-lib.mjs';

const { WP_URL, SANDBOX_URL, SITE_DIR, ROOT } = process.env;
const CONCURRENCY = Number( process.env.BENCH_CONCURRENCY ?? 50 );
const CHECKS = Number( process.env.BENCH_CHECKS ?? 100 );

async function timedRequest( headers ) {
	const start = performance.now();
	const response = await fetch( `${ WP_URL }${ TOKEN_ROUTE }`, {
		headers,
	} );
	await response.arrayBuffer();
	return { ms: performance.now() - start, status: response.status };
}

const burst = ( headers ) =>
	Promise.all(
		Array.from( { length: CONCURRENCY }, () => timedRequest( headers ) )
	);

function percentiles( results ) {
	const times = results.map( ( r ) => r.ms );
	const at = ( p ) => percentile( times, p ).toFixed( 0 );
	const statuses = {};
	for ( const r of results ) {
		statuses[ r.status ] = ( statuses[ r.status ] ?? 0 ) + 1;
	}
	return `p50 ${ at( 50 ) } ms, p90 ${ at( 90 ) } ms, p99 ${ at( 99 ) } ms, max ${ at( 100 ) } ms; statuses ${ JSON.stringify( statuses ) }`;
}

const control = ( method, path, body ) =>
	sandboxControl( SANDBOX_URL, method, path, body );

async function counted() {
	const counters = await control( 'GET', '/counters' );
	return {
		tokens: sum( counters.tokenRequests ),
		revocations: sum( counters.revocations ),
		outbound: sum( counters.requests ),
	};
}

function php( script ) {
	execFileSync( 'php', [ `${ ROOT }/bin/wp/${ script }` ], {
		cwd: SITE_DIR,
		env: { ...process.env, WP_URL },
	} );
}

function wp( ...args ) {
	try {
		execFileSync(
			`${ ROOT }/vendor/bin/wp`,
			[ `--path=${ SITE_DIR }`, `--url=${ WP_URL }`, ...args ],
			{ stdio: 'ignore', env: { ...process.env, WP_CLI_ALLOW_ROOT: '1' } }
		);
		return 0;
	} catch ( error ) {
		return error.status ?? 1;
	}
}

let failed = false;
const expect = ( ok, message ) => {
	if ( ! ok ) {
		failed = true;
		console.log( `FAIL: ${ message }` );
	}
};

const headers = await logIn( WP_URL );
const warm = await timedRequest( headers );
if ( warm.status !== 200 ) {
	throw new Error( `GET ${ TOKEN_ROUTE } answered ${ warm.status }` );
}
// One unmeasured burst first, so every measured run sees warm PHP workers and opcache.
await burst( headers );

// Baseline: the same burst while the cached token is valid, so nobody needs the token endpoint.
await control( 'DELETE', '/counters' );
const baseline = await burst( headers );
console.log(
	`baseline, valid token, ${ CONCURRENCY } concurrent: ${ percentiles( baseline ) }; token requests ${ ( await counted() ).tokens }`
);

// Contention: the cached token is due, so every request needs a new one at the same moment, at each lifetime.
for ( const lifetime of [ 3600, 30 ] ) {
	await control( 'PUT', '/modes', { tokenLifetime: lifetime } );
	php( 'expire-token.php' );
	await control( 'DELETE', '/counters' );
	const contended = await burst( headers );
	const { tokens, revocations } = await counted();
	console.log(
		`expired token, ${ lifetime } s lifetime, ${ CONCURRENCY } concurrent: ${ percentiles( contended ) }`
	);
	console.log(
		`token requests at ${ lifetime } s: ${ tokens }; revocations: ${ revocations }`
	);
	expect( tokens === 1, `${ tokens } token requests at ${ lifetime } s` );
	expect( revocations === 0, `routine renewal revoked ${ revocations }` );
}

// A minute of bursts with 30 s tokens: each token serves 80% of its life, and nothing is revoked.
await control( 'DELETE', '/counters' );
const started = Date.now();
let bursts = 0;
while ( Date.now() - started < 60_000 ) {
	await burst( headers );
	bursts += 1;
	await new Promise( ( resolve ) => setTimeout( resolve, 2_000 ) );
}
const sustained = await counted();
console.log(
	`30 s tokens, ${ bursts } bursts of ${ CONCURRENCY } over 60 s: token requests ${ sustained.tokens } (one per 24 s of use: ≤ 3), revocations ${ sustained.revocations }`
);
expect( sustained.tokens <= 3, `${ sustained.tokens } token requests in 60 s` );
expect( sustained.revocations === 0, 'routine renewal revoked a token' );

// Checks inside one lifetime: the first may discover and get a token; the others prove the connection with
// the token in hand, in one call each.
await control( 'PUT', '/modes', { tokenLifetime: 3600 } );
php( 'forget-connection.php' );
await control( 'DELETE', '/counters' );
expect( wp( 'causerie', 'check' ) === 0, 'the first check failed' );
const first = await counted();
await control( 'DELETE', '/counters' );
const checkStart = performance.now();
let exits = 0;
for ( let i = 0; i < CHECKS; i++ ) {
	exits += wp( 'causerie', 'check' ) === 0 ? 0 : 1;
}
const checkMs = ( performance.now() - checkStart ) / CHECKS;
const after = await counted();
console.log(
	`first check: token requests ${ first.tokens }, outbound calls ${ first.outbound }`
);
console.log(
	`${ CHECKS } checks after it: token requests ${ after.tokens }, outbound calls ${ after.outbound } (${ (
		after.outbound / CHECKS
	).toFixed(
		2
	) } per check), revocations ${ after.revocations }, failed ${ exits }, ${ checkMs.toFixed( 0 ) } ms per wp causerie check`
);
expect(
	after.tokens === 0,
	`${ after.tokens } token requests after the first check`
);
expect(
	after.outbound <= CHECKS,
	`${ after.outbound } outbound calls for ${ CHECKS } checks`
);
expect( exits === 0, `${ exits } checks failed` );
process.exit( failed ? 1 : 0 );
