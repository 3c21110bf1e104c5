<?php
/**
 * A persistent object cache for tests, in memory, that honours expiry and can evict early.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

/**
 * WordPress's own cache, plus what a real persistent cache (Redis, Memcached) does and the default one does
 * not: an entry expires after its time, and may be evicted before it. The races suite runs the real thing,
 * Redis with tests/object-cache. Installed in place of the site's cache by install(), and put back by uninstall().
 */
final class Memory_Object_Cache extends \WP_Object_Cache {

	/**
	 * The cache and the flag it replaced.
	 *
	 * @var array{0: mixed, 1: bool}|null
	 */
	private ?array $replaced = null;

	/**
	 * When each entry stored with an expiry expires, by group and key.
	 *
	 * @var array<string, array<string, int>>
	 */
	private array $expires = array();

	/**
	 * Makes this the site's persistent object cache.
	 */
	public function install(): self {
		$this->replaced             = array( $GLOBALS['wp_object_cache'] ?? null, (bool) wp_using_ext_object_cache() );
		$GLOBALS['wp_object_cache'] = $this; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- swapping the cache is the point.
		wp_using_ext_object_cache( true );
		return $this;
	}

	/**
	 * Puts back the cache it replaced.
	 */
	public function uninstall(): void {
		if ( null !== $this->replaced ) {
			$GLOBALS['wp_object_cache'] = $this->replaced[0]; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- putting it back.
			wp_using_ext_object_cache( $this->replaced[1] );
		}
	}

	/**
	 * Drops an entry before its time, as a cache short of memory does.
	 *
	 * @param string $key   Key.
	 * @param string $group Group.
	 */
	public function evict( string $key, string $group ): void {
		parent::delete( $key, $group );
		unset( $this->expires[ $group ][ $key ] );
	}

	/**
	 * Stores an entry unless one is there.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds it may live; 0 for ever.
	 */
	public function add( $key, $data, $group = 'default', $expire = 0 ) {
		$this->lapse( (string) $key, (string) $group );
		return parent::add( $key, $data, $group, $expire );
	}

	/**
	 * Stores an entry.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds it may live; 0 for ever.
	 */
	public function set( $key, $data, $group = 'default', $expire = 0 ) {
		$group = '' === (string) $group ? 'default' : (string) $group;
		unset( $this->expires[ $group ][ (string) $key ] );
		if ( (int) $expire > 0 ) {
			$this->expires[ $group ][ (string) $key ] = time() + (int) $expire;
		}
		return parent::set( $key, $data, $group, $expire );
	}

	/**
	 * Reads an entry.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @param bool       $force Ignored: there is no local copy to bypass.
	 * @param bool|null  $found Whether it was there.
	 */
	public function get( $key, $group = 'default', $force = false, &$found = null ) {
		$this->lapse( (string) $key, (string) $group );
		return parent::get( $key, $group, $force, $found );
	}

	/**
	 * Drops an entry whose time ran out.
	 *
	 * @param string $key   Key.
	 * @param string $group Group.
	 */
	private function lapse( string $key, string $group ): void {
		$group   = '' === $group ? 'default' : $group;
		$expires = $this->expires[ $group ][ $key ] ?? null;
		if ( null !== $expires && $expires <= time() ) {
			$this->evict( $key, $group );
		}
	}
}
