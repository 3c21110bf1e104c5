// One load through autocannon, with what its summary leaves out: every response's time (for p95, which
// autocannon's histogram summary does not give), the statuses, and which node served each response.
import autocannon from 'autocannon';
import { percentile } from '../bench-lib.mjs';

// The header each node adds to its responses (bin/cluster-lib.sh).
export const NODE_HEADER = 'x-causerie-node';

/**
 * Runs one load and summarises it.
 *
 * @param {Object}                 options             What to load.
 * @param {string}                 options.url         The base URL (the load balancer).
 * @param {string}                 options.path        The path requested.
 * @param {Record<string, string>} [options.headers]   Request headers.
 * @param {number}                 options.connections Concurrent connections.
 * @param {number}                 [options.amount]    Requests in all (a burst), or
 * @param {number}                 [options.duration]  seconds of load.
 * @return {Promise<Summary>} Requests, requests/s, p50 and p95 in ms, statuses, error codes, nodes.
 *
 * @typedef {{requests: number, seconds: number, perSecond: number, p50: number, p95: number, statuses: Record<string, number>, refusals: Record<string, number>, nodes: Record<string, number>, times: number[]}} Summary
 */
export async function load( {
	url,
	path,
	headers = {},
	connections,
	amount,
	duration,
} ) {
	const times = [];
	const statuses = {};
	const nodes = {};
	const refusals = {};
	const count = ( record, key ) => {
		record[ key ] = ( record[ key ] ?? 0 ) + 1;
	};
	const started = performance.now();
	const instance = autocannon( {
		url,
		connections,
		...( amount ? { amount } : { duration } ),
		// A slow answer under contention is a figure, not an error.
		timeout: 120,
		requests: [
			{
				method: 'GET',
				path,
				headers,
				onResponse: ( status, body, context, responseHeaders ) => {
					count( statuses, String( status ) );
					if ( status !== 200 ) {
						count( refusals, refusal( body ) );
					}
					const node = Object.entries( responseHeaders ).find(
						( [ name ] ) => name.toLowerCase() === NODE_HEADER
					);
					count( nodes, node ? String( node[ 1 ] ) : '?' );
				},
			},
		],
	} );
	instance.on( 'response', ( client, status, bytes, ms ) =>
		times.push( ms )
	);
	const result = await instance;
	const seconds = ( performance.now() - started ) / 1000;
	if ( times.length === 0 ) {
		throw new Error(
			`no answer from ${ url }${ path } (${ result.errors } errors)`
		);
	}
	return summary( times, seconds, { statuses, refusals, nodes } );
}

// A summary of response times over some seconds, with the counts beside them.
const summary = ( times, seconds, counts ) => ( {
	requests: times.length,
	seconds,
	perSecond: times.length / seconds,
	p50: percentile( times, 50 ),
	p95: percentile( times, 95 ),
	...counts,
	times,
} );

// Why an answer was not 200: the REST error's code, when it has one.
function refusal( body ) {
	try {
		return String( JSON.parse( body ).code );
	} catch {
		return 'not JSON';
	}
}

/**
 * Several summaries of the same case taken in slices, as one.
 *
 * @param {Summary[]} slices The slices.
 * @return {Summary} Their sum, with percentiles over every response.
 */
export function merge( slices ) {
	const times = slices.flatMap( ( slice ) => slice.times );
	const seconds = slices.reduce(
		( total, slice ) => total + slice.seconds,
		0
	);
	const add = ( key ) =>
		slices.reduce( ( all, slice ) => {
			for ( const [ name, n ] of Object.entries( slice[ key ] ) ) {
				all[ name ] = ( all[ name ] ?? 0 ) + n;
			}
			return all;
		}, {} );
	return summary( times, seconds, {
		statuses: add( 'statuses' ),
		refusals: add( 'refusals' ),
		nodes: add( 'nodes' ),
	} );
}

/**
 * A summary without the raw times, for a results file.
 *
 * @param {Summary} summary The summary.
 */
export const brief = ( { times, ...rest } ) => ( {
	...rest,
	perSecond: Number( rest.perSecond.toFixed( 1 ) ),
	p50: Number( rest.p50.toFixed( 1 ) ),
	p95: Number( rest.p95.toFixed( 1 ) ),
} );
