// What the benchmarks share on the WordPress side: a route that needs a token, percentiles and confidence
// intervals. The login is bin/wp-login.mjs.

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

/**
 * A 95% confidence interval for a figure computed from some rounds of measures, by the percentile bootstrap:
 * the figure of many samples of the rounds drawn with replacement. The draws are seeded, so the same
 * measures give the same interval.
 *
 * @template T
 * @param {T[]}                       rounds  The rounds, at least one.
 * @param {( rounds: T[] ) => number} figure  The figure of some rounds.
 * @param {number}                    [draws] How many samples.
 * @return {[number, number]} The 2.5th and 97.5th percentiles of the figure over the samples.
 */
export function confidence( rounds, figure, draws = 2000 ) {
	// The Park–Miller generator: small, and good enough to draw rounds.
	let seed = 20261207;
	const random = () => {
		seed = ( seed * 48271 ) % 2147483647;
		return seed / 2147483647;
	};
	const figures = Array.from( { length: draws }, () =>
		figure(
			rounds.map( () => rounds[ Math.floor( random() * rounds.length ) ] )
		)
	);
	return [ percentile( figures, 2.5 ), percentile( figures, 97.5 ) ];
}
