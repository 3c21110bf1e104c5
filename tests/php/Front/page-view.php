<?php
/**
 * Renders one front-end page view of a site in a PHP process of its own, as index.php would for a visitor,
 * and writes what it cost as JSON: the database queries, the outbound HTTP requests, the plugin's files
 * loaded, and the HTML. Used by Page_View_Test.
 *
 * Usage: php page-view.php <site directory> <site URL> <path> <active|inactive> <result file>
 *
 * @package Causerie\Connector
 */

list( , $causerie_site, $causerie_url, $causerie_path, $causerie_state, $causerie_result ) = $argv;

$causerie_host              = (string) parse_url( $causerie_url, PHP_URL_HOST ) . ':' . (string) parse_url( $causerie_url, PHP_URL_PORT ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['HTTP_HOST']       = $causerie_host;
$_SERVER['SERVER_NAME']     = (string) parse_url( $causerie_url, PHP_URL_HOST ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['SERVER_PORT']     = (string) parse_url( $causerie_url, PHP_URL_PORT ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['REQUEST_URI']     = $causerie_path;
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $causerie_site . '/index.php';

// WP-Cron would spawn itself from some views and not others (a lock it keeps for a minute): not the view's cost.
define( 'DISABLE_WP_CRON', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- core's constant.

$causerie_requests = array();
$causerie_plugin   = 'causerie-connector/causerie-connector.php';
// Hooks set before WordPress loads, as core allows: they see every request, and the plugin's own loading.
$wp_filter = array( // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- core's way to hook before it loads.
	'pre_http_request'      => array(
		PHP_INT_MIN => array(
			array(
				'function'      => static function ( $pre, $args, $address ) use ( &$causerie_requests ) {
					$causerie_requests[] = is_string( $address ) ? $address : '';
					return new WP_Error( 'page_view_test', 'No outbound request during a page view.' );
				},
				'accepted_args' => 3,
			),
		),
	),
	// The same site and database, with the plugin left out: the baseline.
	'option_active_plugins' => array(
		PHP_INT_MAX => array(
			array(
				'function'      => static fn( $plugins ) => 'inactive' === $causerie_state ? array_values( array_filter( (array) $plugins, static fn( $active ) => $causerie_plugin !== $active ) ) : $plugins,
				'accepted_args' => 1,
			),
		),
	),
);

register_shutdown_function(
	static function () use ( $causerie_site, $causerie_result, &$causerie_requests ): void {
		$html = '';
		while ( ob_get_level() > 0 ) {
			$html = (string) ob_get_clean() . $html;
		}
		$root  = (string) realpath( dirname( __DIR__, 3 ) );
		$files = array();
		foreach ( get_included_files() as $file ) {
			$real = (string) realpath( $file );
			// The working copy holds the test sites too (.cache): only the plugin's own files count.
			if ( str_starts_with( $real, $root . '/' ) && ! str_starts_with( $real, $root . '/tests/' ) && ! str_starts_with( $real, $root . '/.cache/' ) ) {
				$files[] = substr( $real, strlen( $root ) + 1 );
			}
		}
		global $wpdb;
		$queries = $wpdb instanceof wpdb ? $wpdb->num_queries : -1;
		// Read after the counts: what the page must not show.
		$token = '';
		if ( class_exists( Causerie\Connector\Auth\Token_Store::class ) ) {
			$stored = ( new Causerie\Connector\Auth\Token_Store( new Causerie\Connector\Credentials\Encryption() ) )->get();
			$token  = null === $stored ? '' : $stored->access_token;
		}
		file_put_contents( // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- the test reads it.
			$causerie_result,
			(string) wp_json_encode(
				array(
					'queries'  => $queries,
					'requests' => $causerie_requests,
					'files'    => $files,
					'token'    => $token,
					'html'     => $html,
					'site'     => $causerie_site,
				)
			)
		);
	}
);

ob_start();
define( 'WP_USE_THEMES', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- core's constant, as index.php sets it.
require $causerie_site . '/wp-blog-header.php';
