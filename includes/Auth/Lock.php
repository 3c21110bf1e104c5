<?php
/**
 * A lock shared by every PHP worker and web server of the site.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * Atomic: wp_cache_add() in a persistent object cache, else an INSERT IGNORE on the options table's
 * unique key. Each lock carries an expiry, so one left by a crashed worker frees itself.
 */
final class Lock {

	private const PREFIX = 'causerie_lock_';
	public const GROUP   = 'causerie';

	/**
	 * Takes the lock if it is free (or its holder's time ran out).
	 *
	 * @param string $name        Lock name.
	 * @param int    $ttl_seconds How long it may be held.
	 */
	public function acquire( string $name, int $ttl_seconds ): bool {
		$expires = time() + $ttl_seconds;
		if ( wp_using_ext_object_cache() ) {
			return wp_cache_add( self::PREFIX . $name, $expires, self::GROUP, $ttl_seconds );
		}
		if ( $this->insert( $name, $expires ) ) {
			return true;
		}
		// Held: take it over only if it expired, and only if nobody else did in between.
		$held = $this->read( $name );
		if ( null !== $held && $held < time() && $this->delete( $name, $held ) ) {
			return $this->insert( $name, $expires );
		}
		return false;
	}

	/**
	 * Frees the lock.
	 *
	 * @param string $name Lock name.
	 */
	public function release( string $name ): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_delete( self::PREFIX . $name, self::GROUP );
			return;
		}
		$held = $this->read( $name );
		if ( null !== $held ) {
			$this->delete( $name, $held );
		}
	}

	/**
	 * Inserts the lock row; false when it already exists.
	 *
	 * @param string $name    Lock name.
	 * @param int    $expires Unix time it expires.
	 */
	private function insert( string $name, int $expires ): bool {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; WPCS 2.3 predates %i.
		$inserted = $wpdb->query(
			(string) $wpdb->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $wpdb->options, self::PREFIX . $name, (string) $expires )
		);
		// phpcs:enable
		return 1 === $inserted;
	}

	/**
	 * When the current holder's lock expires, or null when free.
	 *
	 * @param string $name Lock name.
	 */
	private function read( string $name ): ?int {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- must bypass the options cache.
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, self::PREFIX . $name ) );
		// phpcs:enable
		return is_numeric( $value ) ? (int) $value : null;
	}

	/**
	 * Deletes the lock row if it still holds the given expiry.
	 *
	 * @param string $name    Lock name.
	 * @param int    $expires Expiry the caller saw.
	 */
	private function delete( string $name, int $expires ): bool {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- compare-and-delete, atomic.
		$deleted = $wpdb->query(
			(string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value = %s', $wpdb->options, self::PREFIX . $name, (string) $expires )
		);
		// phpcs:enable
		return 1 === $deleted;
	}

	/**
	 * WordPress's database object.
	 *
	 * @throws \LogicException Before WordPress loaded its database.
	 */
	private function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}
}
