<?php
/**
 * An option row as every web server of the site sees it now.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Storage;

/**
 * Reads and first writes that go to the options table itself. WordPress's options API answers from the
 * request's copy and from a persistent object cache, either of which may be older than what another server
 * wrote a moment ago, and its add_option() is a read then a write. These are for the few values several
 * servers decide together: a lock, the state of the sync, the site's key in the knowledge base, the token.
 */
final class Shared_Option {

	/**
	 * The stored value, serialised as it is in the table, or null when there is no row.
	 *
	 * @param string $name Option name.
	 */
	public static function read( string $name ): ?string {
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- past the caches on purpose; WPCS 2.3 predates %i.
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $name ) );
		// phpcs:enable
		return is_string( $value ) ? $value : null;
	}

	/**
	 * Stores the value unless the row exists, in one statement: of several servers adding at once, one wins.
	 * Not autoloaded; the caches are told nothing, as the readers of these rows read them with read().
	 *
	 * @param string $name  Option name.
	 * @param string $value Value, already serialised when it is not a string.
	 * @return bool Whether this call added it.
	 *
	 * @phpstan-impure
	 */
	public static function add( string $name, string $value ): bool {
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; WPCS 2.3 predates %i.
		$inserted = $wpdb->query(
			(string) $wpdb->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $wpdb->options, $name, $value )
		);
		// phpcs:enable
		return 1 === $inserted;
	}

	/**
	 * Deletes the row if it still holds the given value, in one statement: compare-and-delete.
	 *
	 * @param string $name  Option name.
	 * @param string $value The value it must still hold.
	 * @return bool Whether this call deleted it.
	 *
	 * @phpstan-impure
	 */
	public static function remove( string $name, string $value ): bool {
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- compare-and-delete, atomic; WPCS 2.3 predates %i.
		$deleted = $wpdb->query(
			(string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value = %s', $wpdb->options, $name, $value )
		);
		// phpcs:enable
		return 1 === $deleted;
	}

	/**
	 * WordPress's database connection.
	 *
	 * @throws \LogicException Before WordPress loaded its database.
	 */
	public static function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}
}
