// The scale-out topology of `npm run cluster` (bin/cluster-lib.sh), brought up on its own ports and checked end to
// end: both nodes answer through nginx in turn, they share one object cache, a post saved through one node reaches
// the knowledge base once by a job loop, and a killed node's share goes to the other one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { control } from '../../bin/sandbox-control.mjs';
import { logIn } from '../../bin/wp-login.mjs';

const ROOT = fileURLToPath( new URL( '../..', import.meta.url ) );
const DIR = `${ ROOT }.cache/cluster-test`;
// npm run cluster takes 8900 and the scale-out benchmark 8920.
const BASE_PORT = 8910;
// The client bin/wp/connect-sandbox.php stores in the plugin.
const CLIENT = 'wp-development';

/**
 * Runs a function of bin/cluster-lib.sh on the test's cluster.
 *
 * @param {string}    name The function, e.g. cluster_url.
 * @param {...string} args Its arguments after DIR.
 * @return {string} What it printed.
 */
const cluster = ( name, ...args ) =>
	execFileSync(
		'bash',
		[ '-c', `. bin/cluster-lib.sh && ${ name } "$@"`, name, DIR, ...args ],
		{
			cwd: ROOT,
			encoding: 'utf8',
			stdio: [ 'ignore', 'pipe', 'inherit' ],
			env: { ...process.env, CLUSTER_LOOP_SECONDS: '1' },
		}
	).trim();

const pause = () => new Promise( ( resolve ) => setTimeout( resolve, 200 ) );

/**
 * How many rounds a node's job loop has finished; its loop must be running.
 *
 * @param {'a'|'b'} node The node.
 * @return {number} Finished rounds.
 */
function rounds( node ) {
	const pid = Number( readFileSync( `${ DIR }/node-${ node }/loop.pid` ) );
	process.kill( pid, 0 );
	const file = `${ DIR }/node-${ node }/loop.rounds`;
	return existsSync( file ) ? Number( readFileSync( file, 'utf8' ) ) : 0;
}

/**
 * Waits until both job loops have finished `more` rounds beyond `from`.
 *
 * @param {{a: number, b: number}} from Rounds finished before.
 * @param {number}                 more Rounds to wait for.
 */
async function roundsAfter( from, more ) {
	while ( rounds( 'a' ) < from.a + more || rounds( 'b' ) < from.b + more ) {
		await pause();
	}
}

before( () => cluster( 'cluster_up', String( BASE_PORT ) ) );
after( () => cluster( 'cluster_down' ) );

test( 'the load balancer hands the pages to node a and node b in turn, and serves static files itself', async () => {
	const url = cluster( 'cluster_url' );
	const nodes = [];
	for ( let i = 0; i < 4; i++ ) {
		const response = await fetch( `${ url }/`, { redirect: 'manual' } );
		assert.equal( response.status, 200 );
		assert.match( await response.text(), /<title>Causerie Dev/ );
		nodes.push( response.headers.get( 'x-causerie-node' ) );
	}
	assert.deepEqual( [ ...new Set( nodes ) ].sort(), [ 'a', 'b' ] );
	nodes
		.slice( 1 )
		.forEach( ( node, i ) => assert.notEqual( node, nodes[ i ] ) );

	const css = await fetch( `${ url }/wp-includes/css/dashicons.min.css` );
	assert.equal( css.status, 200 );
	assert.equal( css.headers.get( 'x-causerie-node' ), null );
} );

test( 'both nodes keep their object cache in the one Redis, under the site key salt', async () => {
	assert.ok(
		existsSync(
			`${ cluster( 'cluster_site' ) }/wp-content/object-cache.php`
		)
	);
	for ( const node of [ 'a', 'b' ] ) {
		const response = await fetch( `${ cluster( 'cluster_url', node ) }/` );
		assert.equal( response.headers.get( 'x-causerie-node' ), node );
	}
	const keys = execFileSync(
		'redis-cli',
		[
			'-p',
			String( BASE_PORT + 5 ),
			'--scan',
			'--pattern',
			`causerie-cluster-${ BASE_PORT }:*`,
		],
		{ encoding: 'utf8' }
	);
	assert.notEqual( keys.trim(), '' );
} );

test( 'a post saved through node a is sent to the knowledge base exactly once, by a job loop', async () => {
	const nodeA = cluster( 'cluster_url', 'a' );
	const sandbox = cluster( 'cluster_sandbox_url' );
	const headers = await logIn( nodeA );
	const saved = await fetch( `${ nodeA }/wp-json/wp/v2/posts`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/json' },
		body: JSON.stringify( {
			title: 'Opening hours on public holidays',
			content: 'The shop opens at noon on public holidays.',
			status: 'publish',
		} ),
	} );
	assert.equal( saved.status, 201 );
	assert.equal( saved.headers.get( 'x-causerie-node' ), 'a' );
	const { id } = await saved.json();
	const since = { a: rounds( 'a' ), b: rounds( 'b' ) };

	// A round that started after the save has sent it; one more round of each loop would show a second write.
	await roundsAfter( since, 3 );
	const counters = await control( sandbox, 'GET', '/counters' );
	const writes = Object.entries( counters.knowledgeWrites[ CLIENT ] ?? {} )
		.filter( ( [ key ] ) => key.endsWith( `:post-${ id }` ) )
		.map( ( [ , count ] ) => count );
	assert.deepEqual( writes, [ 1 ] );
} );

test( 'with node a killed the load balancer serves every page from node b, and node a comes back on its own port', async () => {
	cluster( 'cluster_node_kill', 'a' );
	assert.throws( () => rounds( 'a' ) );
	const url = cluster( 'cluster_url' );
	for ( let i = 0; i < 4; i++ ) {
		const response = await fetch( `${ url }/` );
		assert.equal( response.status, 200 );
		assert.equal( response.headers.get( 'x-causerie-node' ), 'b' );
	}

	cluster( 'cluster_node_start', 'a' );
	const response = await fetch( `${ cluster( 'cluster_url', 'a' ) }/` );
	assert.equal( response.status, 200 );
	assert.equal( response.headers.get( 'x-causerie-node' ), 'a' );
	await roundsAfter( { a: 0, b: rounds( 'b' ) }, 1 );
} );
