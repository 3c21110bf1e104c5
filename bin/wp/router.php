<?php
/**
 * Router for PHP's built-in server; it lives in the site root: existing files are served as they are, everything else goes
 * through index.php so that pretty permalinks and the REST API's /wp-json/ paths work.
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
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = __DIR__ . '/index.php';
require __DIR__ . '/index.php';
