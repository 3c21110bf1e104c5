<?php
/**
 * Loads a real WordPress with the plugin active, for integration tests.
 *
 * The site is installed afresh on each run by bin/wp-site.sh (SQLite unless CAUSERIE_DB=mariadb), from the
 * Debian WordPress of WP_SUITE (sid: current, trixie: 6.8). Each test runs inside a database transaction.
 * With CAUSERIE_MULTISITE=1 (phpunit-multisite.xml.dist) the site is a network of two sites instead.
 *
 * @package Causerie\Connector
 */

$causerie_root  = dirname( __DIR__, 2 );
$causerie_suite = (string) getenv( 'WP_SUITE' );
$causerie_suite = '' === $causerie_suite ? 'sid' : $causerie_suite;
$causerie_multi = '1' === getenv( 'CAUSERIE_MULTISITE' );
$causerie_site  = $causerie_root . '/.cache/sites/phpunit-' . ( $causerie_multi ? 'ms-' : '' ) . $causerie_suite;
$causerie_host  = $causerie_multi ? '127.0.0.1:8891' : '127.0.0.1:8890';
$causerie_url   = 'http://' . $causerie_host;

$causerie_core = trim( (string) shell_exec( escapeshellarg( $causerie_root . '/bin/get-wordpress.sh' ) . ' ' . escapeshellarg( $causerie_suite ) ) );
passthru(
	// A neutral title: the uninstall test looks for the plugin's name anywhere in the network's database.
	( $causerie_multi ? 'MULTISITE=1 WP_TITLE="Main site" ' : '' ) . 'FRESH=1 ' . escapeshellarg( $causerie_root . '/bin/wp-site.sh' ) . ' install '
		. escapeshellarg( $causerie_site ) . ' ' . escapeshellarg( $causerie_core ) . ' ' . escapeshellarg( $causerie_url ) . ' >&2',
	$causerie_status
);
if ( 0 !== $causerie_status ) {
	fwrite( STDERR, "Could not install the test site in $causerie_site\n" );
	exit( 1 );
}

require_once __DIR__ . '/request.php';
causerie_test_request( $causerie_host );

// The plugin registers each context's services when that context runs (Plugin::register()). This process
// plays a WP-Cron request, so the jobs, their listeners and Site Health register as they load, as on
// wp-cron.php; REST and admin services register on their own hooks, which the tests fire as WordPress does.
// What a visitor's page view registers is measured in a process of its own (tests/php/Front).
define( 'DOING_CRON', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- core's constant.

require_once $causerie_root . '/vendor/autoload.php';
require $causerie_site . '/wp-load.php';
require_once $causerie_site . '/wp-admin/includes/plugin.php';

\Causerie\Connector\Tests\Sandbox::start( $causerie_root );

// A MariaDB started for this run stops with it, after WordPress's own shutdown work.
if ( 'mariadb' === getenv( 'CAUSERIE_DB' ) ) {
	register_shutdown_function(
		static function () use ( $causerie_root, $causerie_site ): void {
			exec( escapeshellarg( $causerie_root . '/bin/wp-site.sh' ) . ' stop ' . escapeshellarg( $causerie_site ) );
		}
	);
}
