<?php
/**
 * What a web request to the test site would have set, for WordPress loaded by a test process.
 *
 * @package Causerie\Connector
 */

/**
 * Sets the server variables of a GET of the home page.
 *
 * @param string $host Host and port of the site.
 */
function causerie_test_request( string $host ): void {
	$_SERVER['HTTP_HOST']       = $host;
	$_SERVER['SERVER_NAME']     = '127.0.0.1';
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
}
