<?php
/**
 * Removes everything the plugin stored, on every site of a network and on the network itself.
 *
 * Every name the plugin gives to what it stores starts with "causerie_" (options, transients, site options,
 * cron hooks, user meta, the events and sync queue tables) or "_causerie_" (post meta), so new ones are covered
 * without a list to keep. Closures, not
 * functions, so that loading this file twice (tests) declares nothing twice.
 *
 * @package Causerie\Connector
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// Core includes this file from inside a function: the database object has to be asked for.
global $wpdb;
if ( ! $wpdb instanceof wpdb ) {
	return;
}

// The token in use is revoked first, on each site, while the credentials it was issued to can still be read;
// then the copies in the object cache are forgotten. Revoking is a best effort: all the sites of a network
// share a few seconds, and a token left unrevoked when they run out simply expires.
$causerie_plugin   = null;
$causerie_deadline = 0.0;
if ( is_readable( __DIR__ . '/vendor/autoload.php' ) ) {
	require_once __DIR__ . '/vendor/autoload.php';
	$causerie_plugin   = new Causerie\Connector\Uninstaller( __DIR__ . '/causerie-connector.php' );
	$causerie_deadline = microtime( true ) + Causerie\Connector\Uninstaller::REVOKE_SECONDS;
}

/**
 * LIKE patterns, escaped, for names that start with one of the prefixes.
 *
 * @param string ...$prefixes Name prefixes.
 * @return list<string>
 */
$causerie_patterns = static function ( string ...$prefixes ) use ( $wpdb ): array {
	return array_map( static fn( string $prefix ): string => $wpdb->esc_like( $prefix ) . '%', $prefixes );
};

// Transients and site transients of a single site live in its options table, with these prefixes.
$causerie_option_prefixes = array( 'causerie_', '_transient_causerie_', '_transient_timeout_causerie_', '_site_transient_causerie_', '_site_transient_timeout_causerie_' );

/**
 * Deletes the current site's options, transients, cron events, table and its users' per-site meta.
 */
$causerie_uninstall_site = static function () use ( $wpdb, $causerie_patterns, $causerie_option_prefixes, $causerie_plugin, $causerie_deadline ): void {
	$causerie_plugin?->revoke_token( $causerie_deadline );
	$causerie_plugin?->forget_cached_copies();
	$patterns = $causerie_patterns( ...$causerie_option_prefixes );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- rows found by prefix, which no API does; WPCS 2.3 predates %i.
	$names = $wpdb->get_col(
		$wpdb->prepare( 'SELECT option_name FROM %i WHERE ' . implode( ' OR ', array_fill( 0, count( $patterns ), 'option_name LIKE %s' ) ), $wpdb->options, ...$patterns )
	);
	// phpcs:enable
	foreach ( array_filter( $names, 'is_string' ) as $name ) {
		delete_option( $name );
	}

	// Every cron hook of the plugin, whatever its arguments: wp_unschedule_hook() removes them all.
	$cron  = _get_cron_array();
	$hooks = array();
	foreach ( is_array( $cron ) ? $cron : array() as $events ) {
		foreach ( is_array( $events ) ? array_keys( $events ) : array() as $hook ) {
			if ( is_string( $hook ) && str_starts_with( $hook, 'causerie_' ) ) {
				$hooks[ $hook ] = true;
			}
		}
	}
	foreach ( array_keys( $hooks ) as $hook ) {
		wp_unschedule_hook( $hook );
	}

	// User meta kept per site is prefixed with the site's table prefix, such as wp_2_causerie_….
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- rows found by prefix, which no API does; WPCS 2.3 predates %i.
	$keys = $wpdb->get_col( $wpdb->prepare( 'SELECT DISTINCT meta_key FROM %i WHERE meta_key LIKE %s', $wpdb->usermeta, $wpdb->esc_like( $wpdb->get_blog_prefix() . 'causerie_' ) . '%' ) );
	foreach ( array_filter( $keys, 'is_string' ) as $key ) {
		delete_metadata( 'user', 0, $key, '', true );
	}

	// What the sync keeps per post: its record of the knowledge base and the editor's switch. The documents
	// held by Causerie stay: removing them is the admin's choice ("remove my content from Causerie"), never a
	// side effect of uninstalling.
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- rows found by prefix, which no API does; WPCS 2.3 predates %i.
	$post_keys = $wpdb->get_col( $wpdb->prepare( 'SELECT DISTINCT meta_key FROM %i WHERE meta_key LIKE %s', $wpdb->postmeta, $wpdb->esc_like( '_causerie_' ) . '%' ) );
	foreach ( array_filter( $post_keys, 'is_string' ) as $key ) {
		delete_post_meta_by_key( $key );
	}

	// The plugin's own tables go with it: the event log and the sync queue.
	foreach ( array( 'causerie_events', 'causerie_sync_queue' ) as $table ) {
		$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . $table ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own tables, named here.
	}
};

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $causerie_site_id ) {
		switch_to_blog( (int) $causerie_site_id );
		$causerie_uninstall_site();
		restore_current_blog();
	}

	// The network level: the network's credentials, site options and site transients, on every network.
	$causerie_meta_patterns = $causerie_patterns( 'causerie_', '_site_transient_causerie_', '_site_transient_timeout_causerie_' );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- rows found by prefix, which no API does; WPCS 2.3 predates %i.
	$causerie_network_rows = $wpdb->get_results(
		$wpdb->prepare( 'SELECT site_id, meta_key FROM %i WHERE ' . implode( ' OR ', array_fill( 0, count( $causerie_meta_patterns ), 'meta_key LIKE %s' ) ), $wpdb->sitemeta, ...$causerie_meta_patterns ),
		ARRAY_A
	);
	// phpcs:enable
	foreach ( is_array( $causerie_network_rows ) ? $causerie_network_rows : array() as $causerie_row ) {
		if ( is_array( $causerie_row ) && is_numeric( $causerie_row['site_id'] ?? null ) && is_string( $causerie_row['meta_key'] ?? null ) ) {
			delete_network_option( (int) $causerie_row['site_id'], $causerie_row['meta_key'] );
		}
	}
} else {
	$causerie_uninstall_site();
}

// User meta the plugin keeps for the whole installation, without a site's prefix.
// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- rows found by prefix, which no API does; WPCS 2.3 predates %i.
$causerie_user_keys = $wpdb->get_col( $wpdb->prepare( 'SELECT DISTINCT meta_key FROM %i WHERE meta_key LIKE %s', $wpdb->usermeta, $wpdb->esc_like( 'causerie_' ) . '%' ) );
foreach ( array_filter( $causerie_user_keys, 'is_string' ) as $causerie_user_key ) {
	delete_metadata( 'user', 0, $causerie_user_key, '', true );
}
