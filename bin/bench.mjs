// Fires concurrent REST requests at WordPress and reads the sandbox's counters. Run by bin/bench.sh.
import { execFileSync } from 'node:child_process';

const { WP_URL, SANDBOX_URL, SITE_DIR, ROOT } = process.env;
const CONCURRENCY = Number( process.env.BENCH_CONCURRENCY ?? 50 );

async function logIn() {
	const response = await fetch( `${ WP_URL }/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
		},
		body: 'log=admin&pwd=password&testcookie=1',
	} );
	const cookies = response.headers
		.getSetCookie()
		.map( ( cookie ) => cookie.split( ';' )[ 0 ] )
		.join( '; ' );
	const nonce = await (
		await fetch( `${ WP_URL }/wp-admin/admin-ajax.php?action=rest-nonce`, {
			headers: { cookie: cookies },
		} )
	).text();
	return { cookie: cookies, 'x-wp-nonce': nonce.trim() };
}

async function timedRequest( headers ) {
	const start = performance.now();
	const response = await fetch( `${ WP_URL }/wp-json/causerie/v1/token`, {
		headers,
	} );
	await response.arrayBuffer();
	return { ms: performance.now() - start, status: response.status };
}

function percentiles( results ) {
	const sorted = results.map( ( r ) => r.ms ).sort( ( a, b ) => a - b );
	const at = ( p ) =>
		sorted[
			Math.min(
				sorted.length - 1,
				Math.floor( ( p / 100 ) * sorted.length )
			)
		].toFixed( 0 );
	const statuses = {};
	for ( const r of results ) {
		statuses[ r.status ] = ( statuses[ r.status ] ?? 0 ) + 1;
	}
	return `p50 ${ at( 50 ) } ms, p90 ${ at( 90 ) } ms, p99 ${ at( 99 ) } ms, max ${ at( 100 ) } ms; statuses ${ JSON.stringify( statuses ) }`;
}

async function control( method, path ) {
	const response = await fetch( `${ SANDBOX_URL }/__sandbox${ path }`, {
		method,
	} );
	return response.json();
}

function tokenRequests( counters ) {
	return Object.values( counters.tokenRequests ).reduce(
		( sum, methods ) =>
			sum + Object.values( methods ).reduce( ( a, b ) => a + b, 0 ),
		0
	);
}

const headers = await logIn();
const warm = await timedRequest( headers );
if ( warm.status !== 200 ) {
	throw new Error( `GET /causerie/v1/token answered ${ warm.status }` );
}

// One unmeasured burst first, so both measured runs see warm PHP workers and opcache.
await Promise.all(
	Array.from( { length: CONCURRENCY }, () => timedRequest( headers ) )
);

// Baseline: the same burst while the cached token is valid, so nobody needs the token endpoint.
await control( 'DELETE', '/counters' );
const baseline = await Promise.all(
	Array.from( { length: CONCURRENCY }, () => timedRequest( headers ) )
);
const baselineTokens = tokenRequests( await control( 'GET', '/counters' ) );

// Contention: the cached token is expired, so every request needs a new one at the same moment.
execFileSync( 'php', [ `${ ROOT }/bin/wp/expire-token.php` ], {
	cwd: SITE_DIR,
	env: { ...process.env, WP_URL },
} );
await control( 'DELETE', '/counters' );
const contended = await Promise.all(
	Array.from( { length: CONCURRENCY }, () => timedRequest( headers ) )
);
const contendedTokens = tokenRequests( await control( 'GET', '/counters' ) );

console.log(
	`baseline, valid token, ${ CONCURRENCY } concurrent: ${ percentiles( baseline ) }; token requests ${ baselineTokens }`
);
console.log(
	`expired token, ${ CONCURRENCY } concurrent: ${ percentiles( contended ) }`
);
console.log( `token requests: ${ contendedTokens }` );
process.exit( contendedTokens === 1 ? 0 : 1 );
