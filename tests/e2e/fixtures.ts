import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	test as base,
	expect,
	type APIRequestContext,
	type BrowserContext,
} from '@playwright/test';

import type { SiteOptions } from './sites';

/**
 * Users that bin/wp/install.php creates, all with the password "password"; administrateur reads French.
 * On the network, siteadmin administers the second site only.
 */
export type Role =
	'admin' | 'editor' | 'subscriber' | 'administrateur' | 'siteadmin';

const ROOT = path.resolve( __dirname, '../..' );

/** The version in the plugin header, which the REST route must report. */
export const PLUGIN_VERSION = ( () => {
	const header = readFileSync(
		path.join( ROOT, 'causerie-connector.php' ),
		'utf8'
	);
	const match = /^\s*\*\s*Version:\s*(\S+)/m.exec( header );
	if ( ! match?.[ 1 ] ) {
		throw new Error( 'No Version: line in causerie-connector.php' );
	}
	return match[ 1 ];
} )();

export const SCREEN_PATH =
	'/wp-admin/options-general.php?page=causerie-connector';
export const SITE_ROUTE = '/wp-json/causerie/v1/site';

/**
 * Logs in by posting the login form, which is faster and steadier than typing into it.
 *
 * @param context A browser context or request context sharing the page's cookies.
 * @param baseURL The site's address.
 * @param role    Which user.
 */
export async function logIn(
	context: BrowserContext,
	baseURL: string,
	role: Role
): Promise< void > {
	await context.addCookies( [
		{
			name: 'wordpress_test_cookie',
			value: 'WP%20Cookie%20check',
			url: baseURL,
		},
	] );
	const response = await context.request.post( `${ baseURL }/wp-login.php`, {
		form: {
			log: role,
			pwd: 'password',
			'wp-submit': 'Log In',
			testcookie: '1',
			redirect_to: `${ baseURL }/wp-admin/`,
		},
		maxRedirects: 0,
	} );
	const cookies = await context.cookies( baseURL );
	expect( response.status(), `login as ${ role }` ).toBe( 302 );
	expect(
		cookies.some( ( cookie ) =>
			cookie.name.startsWith( 'wordpress_logged_in_' )
		)
	).toBe( true );
}

/**
 * A REST nonce for the logged-in user of a request context, as wp-admin would print it.
 *
 * @param request A request context carrying the user's cookies.
 */
export async function restNonce(
	request: APIRequestContext
): Promise< string > {
	const response = await request.get(
		'/wp-admin/admin-ajax.php?action=rest-nonce'
	);
	expect( response.ok() ).toBe( true );
	return ( await response.text() ).trim();
}

export const test = base.extend< SiteOptions >( {
	wordpressVersion: [ '7.1', { option: true } ],
	sandboxURL: [ 'http://127.0.0.1:8872', { option: true } ],
	splitIssuerURL: [ 'http://127.0.0.1:8866', { option: true } ],
	splitApiURL: [ 'http://127.0.0.1:8867', { option: true } ],
} );

export { expect };
