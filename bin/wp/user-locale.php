<?php
/**
 * Sets a user's admin language, for the E2E run in French. Core's REST API accepts only installed core
 * languages; the plugin ships its own translations, so the user meta is set directly.
 *
 *   WP_URL=http://127.0.0.1:8871 php user-locale.php admin fr_FR     ("" resets to the site's language)
 *
 * @package Causerie\Connector
 */

// WordPress, as a request to the site at WP_URL.
require __DIR__ . '/load.php';

$causerie_user = get_user_by( 'login', (string) ( $argv[1] ?? '' ) );
if ( ! $causerie_user instanceof WP_User ) {
	fwrite( STDERR, "No such user.\n" ); // phpcs:ignore
	exit( 1 ); // phpcs:ignore
}
update_user_meta( $causerie_user->ID, 'locale', (string) ( $argv[2] ?? '' ) );
