<?php
/**
 * Removes everything the plugin stored, on every site of a network.
 *
 * @package Causerie\Connector
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the plugin's options and transients on the current site.
 */
function causerie_connector_uninstall_site(): void {
	global $wpdb;
	if ( ! $wpdb instanceof wpdb ) {
		return;
	}
	// Every option the plugin owns starts with this prefix, so new ones are covered without a list to keep.
	// WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2).
	// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery
	$names = $wpdb->get_col(
		$wpdb->prepare(
			'SELECT option_name FROM %i WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s',
			$wpdb->options,
			$wpdb->esc_like( 'causerie_' ) . '%',
			$wpdb->esc_like( '_transient_causerie_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_causerie_' ) . '%'
		)
	);
	// phpcs:enable
	foreach ( array_filter( $names, 'is_string' ) as $name ) {
		delete_option( $name );
	}
	wp_clear_scheduled_hook( 'causerie_connector_refresh_token' );
	wp_unschedule_hook( 'causerie_connector_health_check' );
	wp_clear_scheduled_hook( 'causerie_connector_secret_expiry_reminder' );
	// Each administrator's dismissed notice, stored per site.
	delete_metadata( 'user', 0, $wpdb->get_blog_prefix() . 'causerie_connector_dismissed_notice', '', true );
	$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . 'causerie_events' ); // phpcs:ignore WordPress.DB -- the plugin's own table, no user input.
}

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $causerie_site_id ) {
		switch_to_blog( (int) $causerie_site_id );
		causerie_connector_uninstall_site();
		restore_current_blog();
	}
} else {
	causerie_connector_uninstall_site();
}
