// Logs in to a development site as admin, for the scripts and checks that call its REST API as the admin's
// browser does: the login cookies and a REST nonce.

/**
 * Logs admin in and answers the headers of an authenticated REST request.
 *
 * @param {string} siteUrl The site's URL, e.g. http://127.0.0.1:8880.
 * @return {Promise<{cookie: string, 'x-wp-nonce': string}>} The headers.
 */
export async function logIn( siteUrl ) {
	const response = await fetch( `${ siteUrl }/wp-login.php`, {
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
		await fetch( `${ siteUrl }/wp-admin/admin-ajax.php?action=rest-nonce`, {
			headers: { cookie: cookies },
		} )
	).text();
	return { cookie: cookies, 'x-wp-nonce': nonce.trim() };
}
