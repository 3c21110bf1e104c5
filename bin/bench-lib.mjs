// What the benchmarks share on the WordPress side: an administrator's REST session, a route that needs a
// token, and percentiles.

// An administrator's route that calls the API, so each request needs the access token (and renews it when it
// is due). Reading GET /causerie/v1/token never asks for one.
export const TOKEN_ROUTE = '/wp-json/causerie/v1/conversations';

/**
 * Logs in as the development administrator (admin / password) and answers the headers of an authenticated
 * REST request: the session cookies and a REST nonce.
 *
 * @param {string} wpUrl The site's base URL.
 * @return {Promise<{cookie: string, 'x-wp-nonce': string}>} The headers.
 */
export async function logIn( wpUrl ) {
	const response = await fetch( `${ wpUrl }/wp-login.php`, {
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
		await fetch( `${ wpUrl }/wp-admin/admin-ajax.php?action=rest-nonce`, {
			headers: { cookie: cookies },
		} )
	).text();
	return { cookie: cookies, 'x-wp-nonce': nonce.trim() };
}

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
