<?php
/**
 * Installs WordPress without WP-CLI and activates the given plugins.
 *
 *   WP_URL=http://127.0.0.1:8880 php install.php causerie-connector/causerie-connector.php
 *
 * @package Causerie\Connector
 */

$causerie_url = (string) getenv( 'WP_URL' );

$_SERVER['HTTP_HOST']       = (string) parse_url( $causerie_url, PHP_URL_HOST ) . ':' . (int) parse_url( $causerie_url, PHP_URL_PORT ); // phpcs:ignore
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's own flag.

require getcwd() . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install( 'Causerie Dev', 'admin', 'admin@example.com', false, '', 'password' );
	update_option( 'permalink_structure', '/%postname%/' );
	// Non-admin roles, for permission tests.
	wp_insert_user(
		array(
			'user_login' => 'editor',
			'user_pass'  => 'password',
			'user_email' => 'editor@example.com',
			'role'       => 'editor',
		)
	);
	wp_insert_user(
		array(
			'user_login' => 'subscriber',
			'user_pass'  => 'password',
			'user_email' => 'subscriber@example.com',
			'role'       => 'subscriber',
		)
	);
}

$causerie_status = 0;
foreach ( array_slice( $argv, 1 ) as $causerie_plugin ) {
	$causerie_result = activate_plugin( $causerie_plugin );
	if ( is_wp_error( $causerie_result ) ) {
		fwrite( STDERR, $causerie_plugin . ': ' . $causerie_result->get_error_message() . "\n" ); // phpcs:ignore
		$causerie_status = 1;
	}
}
exit( $causerie_status ); // phpcs:ignore
