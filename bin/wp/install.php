<?php
/**
 * Installs WordPress without WP-CLI and activates the given plugins.
 *
 *   WP_URL=http://127.0.0.1:8880 php install.php causerie-connector/causerie-connector.php
 *
 * CAUSERIE_NETWORK=tables turns the installed site into a subdirectory network (run while wp-config.php
 * has no MULTISITE yet; it activates nothing); CAUSERIE_NETWORK=sites then adds the second site, URL/second/,
 * with siteadmin as its administrator (not the network's), and network-activates the plugins (run with the
 * network's constants defined). WP_TITLE names the site.
 *
 * @package Causerie\Connector
 */

$causerie_url     = (string) getenv( 'WP_URL' );
$causerie_network = (string) getenv( 'CAUSERIE_NETWORK' );
$causerie_title   = (string) getenv( 'WP_TITLE' );
$causerie_host    = (string) parse_url( $causerie_url, PHP_URL_HOST ) . ':' . (int) parse_url( $causerie_url, PHP_URL_PORT );

$_SERVER['HTTP_HOST']       = $causerie_host;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's own flag.

require getcwd() . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install( '' === $causerie_title ? 'Causerie Dev' : $causerie_title, 'admin', 'admin@example.com', false, '', 'password' );
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
	// An administrator who reads the admin in French, for the French run: nobody else's language changes.
	wp_insert_user(
		array(
			'user_login' => 'administrateur',
			'user_pass'  => 'password',
			'user_email' => 'administrateur@example.com',
			'role'       => 'administrator',
			'locale'     => 'fr_FR',
		)
	);
}

if ( 'tables' === $causerie_network && ! is_multisite() ) {
	// Without WP_HOME in wp-config (a network has none), the addresses come from the options.
	update_option( 'siteurl', $causerie_url );
	update_option( 'home', $causerie_url );
	// As wp-admin/network.php does: a single site's $wpdb doesn't name the network tables yet.
	foreach ( $wpdb->tables( 'ms_global' ) as $causerie_table => $causerie_prefixed ) {
		$wpdb->$causerie_table = $causerie_prefixed;
	}
	install_network();
	$causerie_result = populate_network( 1, $causerie_host, 'admin@example.com', 'Test network', '/', false );
	if ( is_wp_error( $causerie_result ) ) {
		fwrite( STDERR, 'network: ' . $causerie_result->get_error_message() . "\n" );
		exit( 1 );
	}
	exit( 0 );
}
if ( 'sites' === $causerie_network ) {
	if ( ! is_multisite() ) {
		fwrite( STDERR, "network: wp-config.php does not define MULTISITE\n" );
		exit( 1 );
	}
	// get_site_by_path() falls back to the closest parent path: the main site, until the second one exists.
	$causerie_second = get_site_by_path( $causerie_host, '/second/' );
	if ( ! $causerie_second instanceof WP_Site || '/second/' !== $causerie_second->path ) {
		$causerie_site = wpmu_create_blog( $causerie_host, '/second/', 'Second site', 1, array( 'public' => 1 ), 1 );
		if ( is_wp_error( $causerie_site ) ) {
			fwrite( STDERR, 'second site: ' . $causerie_site->get_error_message() . "\n" );
			exit( 1 );
		}
		// The second site's own administrator, who is no network administrator: for the network's permission tests.
		$causerie_user = wpmu_create_user( 'siteadmin', 'password', 'siteadmin@example.com' );
		if ( false === $causerie_user ) {
			fwrite( STDERR, "siteadmin: could not be created\n" );
			exit( 1 );
		}
		add_user_to_blog( $causerie_site, $causerie_user, 'administrator' );
	}
}

$causerie_status = 0;
foreach ( array_slice( $argv, 1 ) as $causerie_plugin ) {
	$causerie_result = activate_plugin( $causerie_plugin, '', 'sites' === $causerie_network );
	if ( is_wp_error( $causerie_result ) ) {
		fwrite( STDERR, $causerie_plugin . ': ' . $causerie_result->get_error_message() . "\n" );
		$causerie_status = 1;
	}
}
exit( (int) $causerie_status );
