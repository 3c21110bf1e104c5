<?php
/**
 * The database's clock, set apart from this process's for a test.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

/**
 * Plays a web server whose clock is off: the database, and every other server of the site through it, keeps one
 * time, and this process's time() another. On the SQLite drop-in the database's UNIX_TIMESTAMP() is a PHP
 * function registered on its connection, which this replaces; on MariaDB the session's timestamp is set (and
 * then stands still for the test).
 */
final class Database_Clock {

	/**
	 * Sets the database's clock this many seconds ahead of this process's (behind when negative).
	 *
	 * @param int $seconds The difference; 0 puts it back.
	 */
	public static function skew( int $seconds ): void {
		$wpdb = self::wpdb();
		$pdo  = self::drop_in_pdo();
		if ( null !== $pdo ) {
			// The drop-in's own function is time() or strtotime() of its argument: the same, moved.
			$pdo->sqliteCreateFunction( 'unix_timestamp', static fn( ?string $date = null ): int|false => null === $date ? time() + $seconds : strtotime( $date ), -1 );
			return;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL -- the test's session clock; an integer.
		$wpdb->query( 0 === $seconds ? 'SET @@timestamp = DEFAULT' : sprintf( 'SET @@timestamp = %d', time() + $seconds ) );
	}

	/**
	 * The database's Unix time now.
	 */
	public static function now(): int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the database's own clock.
		return (int) self::wpdb()->get_var( 'SELECT UNIX_TIMESTAMP()' );
	}

	/**
	 * The SQLite drop-in's connection, or null on MariaDB.
	 */
	private static function drop_in_pdo(): ?\PDO {
		$wpdb = self::wpdb();
		if ( ! method_exists( $wpdb, 'get_driver' ) ) {
			return null;
		}
		$driver     = $wpdb->get_driver();
		$connection = is_object( $driver ) && method_exists( $driver, 'get_connection' ) ? $driver->get_connection() : null;
		$pdo        = is_object( $connection ) && method_exists( $connection, 'get_pdo' ) ? $connection->get_pdo() : null;
		return $pdo instanceof \PDO ? $pdo : null;
	}

	/**
	 * WordPress's database object.
	 *
	 * @throws \LogicException Before WordPress loaded.
	 */
	private static function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}
}
