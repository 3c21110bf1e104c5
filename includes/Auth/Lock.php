<?php
/**
 * A lock shared by every PHP worker and web server of the site.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Storage\Shared_Option;

/**
 * A row in the options table, taken with an INSERT IGNORE on its unique key, even when the site has a persistent
 * object cache: every server shares the database and nothing evicts a row, while a cache short of memory drops
 * any key before its time (Redis and Memcached evict under pressure), and a lock that can vanish lets a second
 * worker in. Each acquisition gets its own owner token ("<expiry>:<random>"), stored as the lock's value:
 * only the holder of that token can release the lock, so a worker whose time ran out can't free the lock of
 * the one that took it over. The expiry in the token frees a lock left by a crashed worker.
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
		$owner = ( time() + $ttl_seconds ) . ':' . bin2hex( random_bytes( 16 ) );
		if ( Shared_Option::add( self::PREFIX . $name, $owner ) ) {
			return $owner;
		}
		// Held: take it over only if it expired, and only if nobody else did in between.
		$held = $this->read( $name );
		if ( null !== $held && self::expiry( $held ) < time() && Shared_Option::remove( self::PREFIX . $name, $held ) ) {
			return Shared_Option::add( self::PREFIX . $name, $owner ) ? $owner : null;
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
		return Shared_Option::remove( self::PREFIX . $name, $owner );
	}

	/**
	 * Whether anyone holds the lock now.
	 *
	 * @param string $name Lock name.
	 */
	public function is_held( string $name ): bool {
		$held = $this->read( $name );
		return null !== $held && self::expiry( $held ) >= time();
	}

	/**
	 * The Unix time an owner token expires; a bare number is the value older versions stored.
	 *
	 * @param string $owner Owner token.
	 */
	private static function expiry( string $owner ): int {
		return (int) strtok( $owner, ':' );
	}

	/**
	 * The current holder's owner token, or null when free.
	 *
	 * @param string $name Lock name.
	 */
	private function read( string $name ): ?string {
		$value = Shared_Option::read( self::PREFIX . $name );
		return null !== $value && '' !== $value ? $value : null;
	}
}
