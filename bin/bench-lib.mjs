// What the benchmarks share on the WordPress side: a route that needs a token, and percentiles. The login is
// bin/wp-login.mjs.

// An administrator's route that calls the API, so each request needs the access token (and renews it when it
// is due). Reading GET /causerie/v1/token never asks for one.
export const TOKEN_ROUTE = '/wp-json/causerie/v1/conversations';

/**
 * The p-th percentile of some numbers, by nearest rank (p 100 is the largest).
 *
 * @param {number[]} values The numbers, in any order; at least one.
 * @param {number}   p      The percentile, 0–100.
 * @return {number} The value at that rank.
 */
export function percentile( values, p ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const rank = Math.ceil( ( p / 100 ) * sorted.length );
	return sorted[ Math.min( sorted.length - 1, Math.max( 0, rank - 1 ) ) ];
}
