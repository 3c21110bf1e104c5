<?php
/**
 * Plugin Name: Causerie bench: the plugin left out on request
 * Description: For npm run bench:front only. A request with the header X-Causerie-Bench: inactive runs as if
 * the plugin were inactive (left out of the active plugins), on the same site and database as the others.
 *
 * @package Causerie\Connector
 */

if ( 'inactive' === ( $_SERVER['HTTP_X_CAUSERIE_BENCH'] ?? '' ) ) { // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared with one literal, never used.
	add_filter(
		'option_active_plugins',
		static fn( $plugins ) => array_values( array_diff( (array) $plugins, array( 'causerie-connector/causerie-connector.php' ) ) ),
		PHP_INT_MAX
	);
}
