<?php
/**
 * Runs a cron event's hook now, as `wp cron event run <hook>` does (the Composer WP-CLI has no core commands).
 *
 *   WP_URL=http://127.0.0.1:8880 php cron-event-run.php causerie_connector_leads_poll
 *
 * @package Causerie\Connector
 */

// Before WordPress loads, so code that registers its cron services only when cron runs sees it.
define( 'DOING_CRON', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's own flag.

require __DIR__ . '/load.php';

$causerie_hook = (string) ( $argv[1] ?? '' );
if ( '' === $causerie_hook ) {
	fwrite( STDERR, "usage: php cron-event-run.php <hook>\n" );
	exit( 2 );
}
do_action( $causerie_hook ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the hook named on the command line.
echo esc_html( $causerie_hook ) . "\n";
