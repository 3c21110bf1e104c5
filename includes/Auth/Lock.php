<?php
/**
 * A lock shared by every PHP worker and web server of the site.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Storage\Shared_Clock;
use Causerie\Connector\Storage\Shared_Option;

/**
 * A row in the options table, taken with an INSERT IGNORE on its unique key, even when the site has a persistent
 * object cache: every server shares the database and nothing evicts a row, while a cache short of memory drops
 * any key before its time (Redis and Memcached evict under pressure), and a lock that can vanish lets a second
 * worker in. Each acquisition gets its own owner token (random), stored in the lock's value ("<expiry>:<owner>"):
 * only the holder of that token can release the lock, so a worker whose time ran out can't free the lock of
 * the one that took it over. The expiry frees a lock left by a crashed worker; it is set and judged by the
 * database's clock (Shared_Clock), since the worker that reads it may run on another server than the one
 * that wrote it.
 */
final class Lock {

	private const PREFIX = 'causerie_lock_';

	/** Microseconds between tries while waiting for the lock: locks held for a few queries free up fast. */
	private const POLL_MICROS = 10000;

	/**
	 * Takes the lock if it is free (or its holder's time ran out).
	 *
	 * @param string $name        Lock name.
	 * @param int    $ttl_seconds How long it may be held.
	 * @return string|null The owner token, to release it with; null when someone else holds it.
	 */
	public function acquire( string $name, int $ttl_seconds ): ?string {
		$owner = bin2hex( random_bytes( 16 ) );
		if ( $this->add( $name, $ttl_seconds, $owner ) ) {
			return $owner;
		}
		// Held: take it over only if it expired, and only if nobody else did in between.
		$held = $this->read( $name );
		if ( null !== $held && self::expiry( $held['value'] ) < $held['now'] && Shared_Option::remove( self::PREFIX . $name, $held['value'] ) ) {
			return $this->add( $name, $ttl_seconds, $owner ) ? $owner : null;
		}
		return null;
	}

	/**
	 * Takes the lock, waiting for its holder to free it (or for its time to end) for up to $wait seconds.
	 *
	 * @param string $name        Lock name.
	 * @param int    $ttl_seconds How long it may be held.
	 * @param float  $wait        Seconds to wait at most.
	 * @return string|null The owner token; null when it was still held at the end.
	 */
	public function acquire_within( string $name, int $ttl_seconds, float $wait ): ?string {
		$deadline = microtime( true ) + $wait;
		$owner    = $this->acquire( $name, $ttl_seconds );
		while ( null === $owner && microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$owner = $this->acquire( $name, $ttl_seconds );
		}
		return $owner;
	}

	/**
	 * Frees the lock, if this owner still holds it.
	 *
	 * @param string $name  Lock name.
	 * @param string $owner The token acquire() gave.
	 * @return bool Whether it was this owner's and is now free.
	 */
	public function release( string $name, string $owner ): bool {
		if ( '' === $owner ) {
			return false;
		}
		$wpdb = Shared_Option::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- compare-and-delete, atomic; WPCS 2.3 predates %i.
		$deleted = $wpdb->query(
			(string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value LIKE %s', $wpdb->options, self::PREFIX . $name, '%:' . $wpdb->esc_like( $owner ) )
		);
		// phpcs:enable
		return 1 === $deleted;
	}

	/**
	 * Whether anyone holds the lock now.
	 *
	 * @param string $name Lock name.
	 */
	public function is_held( string $name ): bool {
		$held = $this->read( $name );
		return null !== $held && self::expiry( $held['value'] ) >= $held['now'];
	}

	/**
	 * The Unix time a stored lock expires; a bare number is the value older versions stored.
	 *
	 * @param string $value The lock's value.
	 */
	private static function expiry( string $value ): int {
		return (int) strtok( $value, ':' );
	}

	/**
	 * Stores the lock for this owner unless someone holds it, in one statement, with its expiry by the database's
	 * clock. The parentheses matter: the SQLite drop-in would otherwise concatenate before it adds.
	 *
	 * @param string $name        Lock name.
	 * @param int    $ttl_seconds How long it may be held.
	 * @param string $owner       Owner token.
	 * @return bool Whether this call took it.
	 *
	 * @phpstan-impure
	 */
	private function add( string $name, int $ttl_seconds, string $owner ): bool {
		$wpdb = Shared_Option::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; WPCS 2.3 predates %i.
		$inserted = $wpdb->query(
			(string) $wpdb->prepare(
				'INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, CONCAT((' . Shared_Clock::NOW . " + %d), ':', %s), 'off')",
				$wpdb->options,
				self::PREFIX . $name,
				$ttl_seconds,
				$owner
			)
		);
		// phpcs:enable
		return 1 === $inserted;
	}

	/**
	 * The lock's stored value and the database's time, read together; null when free.
	 *
	 * @param string $name Lock name.
	 * @return array{value: string, now: int}|null
	 */
	private function read( string $name ): ?array {
		$wpdb = Shared_Option::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- past the caches on purpose; the clock is SQL; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT option_value, ' . Shared_Clock::NOW . ' AS clock FROM %i WHERE option_name = %s', $wpdb->options, self::PREFIX . $name ), ARRAY_A );
		// phpcs:enable
		$value = is_array( $row ) && is_string( $row['option_value'] ?? null ) ? $row['option_value'] : '';
		return '' !== $value && is_numeric( $row['clock'] ?? null ) ? array(
			'value' => $value,
			'now'   => (int) $row['clock'],
		) : null;
	}
}
