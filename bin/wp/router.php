<?php
/**
 * Router for PHP's built-in server; it lives in the site root: existing files are served as they are, everything else goes
 * through index.php so that pretty permalinks and the REST API's /wp-json/ paths work.
 *
 * On a subdirectory network (bin/wp-site.sh MULTISITE=1) it also does what core's .htaccess rules do: a site's
 * /second/wp-admin/…, /second/wp-includes/… and /second/*.php are the network's own files.
 *
 * @package Causerie\Connector
 */

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- runs before WordPress loads (no wp_unslash); the path only picks a file under the site root.
$causerie_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH ) );
$causerie_file = __DIR__ . $causerie_path;

if ( '/' !== $causerie_path && is_dir( $causerie_file ) && is_file( rtrim( $causerie_file, '/' ) . '/index.php' ) ) {
	if ( ! str_ends_with( $causerie_path, '/' ) ) {
		header( 'Location: ' . $causerie_path . '/', true, 301 );
		return true;
	}
	return false;
}
if ( '/' !== $causerie_path && is_file( $causerie_file ) ) {
	return false;
}
if ( is_file( __DIR__ . '/wp-config-network.php' ) && ! str_contains( $causerie_path, '..' )
	&& preg_match( '#^/[_0-9a-zA-Z-]+(/(?:wp-(?:content|admin|includes)(?:/.*)?|[^/]+\.php))$#', $causerie_path, $causerie_match ) ) {
	$causerie_shared = $causerie_match[1];
	$causerie_target = __DIR__ . $causerie_shared;
	if ( is_dir( $causerie_target ) ) {
		if ( ! str_ends_with( $causerie_path, '/' ) ) {
			header( 'Location: ' . $causerie_path . '/', true, 301 );
			return true;
		}
		$causerie_shared = rtrim( $causerie_shared, '/' ) . '/index.php';
		$causerie_target = __DIR__ . $causerie_shared;
	}
	if ( str_ends_with( $causerie_shared, '.php' ) && is_file( $causerie_target ) ) {
		// As Apache runs a rewritten script: its own name and folder, the address asked for left as it was.
		$_SERVER['SCRIPT_NAME']     = $causerie_shared;
		$_SERVER['PHP_SELF']        = $causerie_shared;
		$_SERVER['SCRIPT_FILENAME'] = $causerie_target;
		chdir( dirname( $causerie_target ) );
		require $causerie_target;
		return true;
	}
	if ( is_file( $causerie_target ) ) {
		// The built-in server serves only the path asked for: send the browser to the shared file itself.
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- runs before WordPress loads; the query only follows the browser to the same file.
		$causerie_query = (string) parse_url( $_SERVER['REQUEST_URI'] ?? '', PHP_URL_QUERY );
		header( 'Location: ' . $causerie_shared . ( '' === $causerie_query ? '' : '?' . $causerie_query ), true, 302 );
		return true;
	}
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = __DIR__ . '/index.php';
require __DIR__ . '/index.php';
