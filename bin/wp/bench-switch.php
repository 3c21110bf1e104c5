<?php
/**
 * Plugin Name: Causerie bench: the plugin's state on request
 * Description: For npm run bench:front and bench:scale only. The header X-Causerie-Bench picks, for one request,
 * on the same site and database: `inactive` runs as if the plugin were inactive (left out of the active plugins);
 * `off` and `on` run it with the chat widget off or on, whatever the stored setting says; anything else leaves
 * the site as it is. The cases can then be interleaved request by request, with no write between them.
 *
 * @package Causerie\Connector
 */

$causerie_bench = $_SERVER['HTTP_X_CAUSERIE_BENCH'] ?? ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared with literals, never used otherwise.
if ( 'inactive' === $causerie_bench ) {
	add_filter(
		'option_active_plugins',
		static fn( $plugins ) => array_values( array_diff( (array) $plugins, array( 'causerie-connector/causerie-connector.php' ) ) ),
		PHP_INT_MAX
	);
} elseif ( 'off' === $causerie_bench || 'on' === $causerie_bench ) {
	$causerie_enabled = 'on' === $causerie_bench;
	add_filter(
		'option_causerie_connector_widget',
		static function ( $stored ) use ( $causerie_enabled ) {
			if ( is_array( $stored ) && is_array( $stored['settings'] ?? null ) ) {
				$stored['settings']['enabled'] = $causerie_enabled;
			}
			return $stored;
		},
		PHP_INT_MAX
	);
}
unset( $causerie_bench, $causerie_enabled );
