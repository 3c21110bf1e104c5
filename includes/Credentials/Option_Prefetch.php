<?php
/**
 * Reads several stored settings in one query.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * On a site of a network the credentials live in two rows that are never autoloaded: the site's own option,
 * which holds an encrypted secret, and the network's site option. Every admin page reads both for the notice,
 * so both are read in one query and left in WordPress's own caches, where get_option() and get_site_option()
 * then find them.
 */
final class Option_Prefetch {

	/**
	 * Reads in one query those of the options that WordPress has not cached yet; nothing when one query at most
	 * would be run anyway.
	 *
	 * @param Option_Storage ...$storages The options read together.
	 */
	public static function read( Option_Storage ...$storages ): void {
		global $wpdb;
		$missing = array_filter( array_values( $storages ), static fn( Option_Storage $storage ): bool => ! $storage->cached() );
		if ( count( $missing ) < 2 || ! $wpdb instanceof \wpdb ) {
			return;
		}
		$parts = array();
		foreach ( $missing as $slot => $storage ) {
			$parts[] = $storage->select( $wpdb, $slot );
		}
		$query = implode( ' UNION ALL ', $parts );
		$found = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- each part is prepared by Option_Storage::select(); the result fills core's own caches.
		foreach ( (array) $wpdb->get_results( $query, ARRAY_A ) as $row ) {
			if ( is_array( $row ) && is_numeric( $row['slot'] ?? null ) && is_string( $row['value'] ?? null ) ) {
				// Core keeps the first row it finds.
				$found[ (int) $row['slot'] ] ??= $row['value'];
			}
		}
		foreach ( $missing as $slot => $storage ) {
			$storage->prime( $found[ $slot ] ?? null );
		}
	}
}
