<?php
/**
 * Sets a user's admin language, for the E2E run in French. Core's REST API accepts only installed core
 * languages; the plugin ships its own translations, so the user meta is set directly.
 *
 *   WP_URL=http://127.0.0.1:8871 php user-locale.php admin fr_FR     ("" resets to the site's language)
 *
 * @package Causerie\Connector
 */

$causerie_url = (string) getenv( 'WP_URL' );

$_SERVER['HTTP_HOST']   = (string) parse_url( $causerie_url, PHP_URL_HOST ) . ':' . (int) parse_url( $causerie_url, PHP_URL_PORT ); // phpcs:ignore
$_SERVER['REQUEST_URI'] = '/';

require getcwd() . '/wp-load.php';

$causerie_user = get_user_by( 'login', (string) ( $argv[1] ?? '' ) );
if ( ! $causerie_user instanceof WP_User ) {
	fwrite( STDERR, "No such user.\n" ); // phpcs:ignore
	exit( 1 ); // phpcs:ignore
}
update_user_meta( $causerie_user->ID, 'locale', (string) ( $argv[2] ?? '' ) );
