<?php
/**
 * WordPress's persistent object cache on Redis (php-redis): the wp-content/object-cache.php drop-in.
 *
 * A test double of the real drop-ins (Redis Object Cache, WP Redis), which are in none of the package
 * registries this project builds from. It keeps what the plugin's correctness depends on: entries shared by
 * every node, expirations, add() as one atomic SET NX, a per-request runtime copy, non-persistent groups kept
 * in memory, per-site keys on a network, and eviction when Redis runs short of memory. WordPress loads the
 * drop-in as one file, so the class and the API functions share it.
 *
 * Configured by constants: CAUSERIE_REDIS_HOST (127.0.0.1), CAUSERIE_REDIS_PORT (6379), and WP_CACHE_KEY_SALT
 * as the prefix of every key.
 *
 * @package Causerie\Connector
 */

/**
 * The cache: a runtime copy in front of Redis. Without Redis (down, or php-redis missing) it keeps the runtime
 * copy only, as the real drop-ins do, and says so once in the error log.
 */
final class Causerie_Redis_Object_Cache {

	/**
	 * Increments a stored integer, floored at 0 as WordPress's incr/decr are, in one step on the server.
	 */
	private const INCREMENT = "local v = redis.call('GET', KEYS[1]) if not v then return false end "
		. "if not string.match(v, '^%-?%d+$') then v = 0 end local n = tonumber(v) + tonumber(ARGV[1]) "
		. "if n < 0 then n = 0 end redis.call('SET', KEYS[1], n, 'KEEPTTL') return n";

	/**
	 * The connection; null when Redis can't be reached.
	 *
	 * @var \Redis|null
	 */
	private ?\Redis $redis = null;

	/**
	 * This request's copy, by group and key.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private array $runtime = array();

	/**
	 * Groups shared by every site of a network.
	 *
	 * @var array<string, true>
	 */
	private array $global_groups = array();

	/**
	 * Groups kept in this request only.
	 *
	 * @var array<string, true>
	 */
	private array $local_groups = array();

	/**
	 * The current site's id on a network; 0 on a single site.
	 *
	 * @var int
	 */
	private int $blog_id = 0;

	/**
	 * Connects to Redis.
	 */
	public function __construct() {
		$this->blog_id = is_multisite() ? get_current_blog_id() : 0;
		if ( ! class_exists( \Redis::class ) ) {
			error_log( 'object-cache.php: php-redis is missing; caching in memory only' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator must see it.
			return;
		}
		try {
			$redis = new \Redis();
			$host  = defined( 'CAUSERIE_REDIS_HOST' ) ? constant( 'CAUSERIE_REDIS_HOST' ) : '127.0.0.1';
			$port  = defined( 'CAUSERIE_REDIS_PORT' ) ? constant( 'CAUSERIE_REDIS_PORT' ) : 6379;
			$redis->connect( is_string( $host ) ? $host : '127.0.0.1', is_numeric( $port ) ? (int) $port : 6379, 1.0, null, 0, 1.0 );
			$redis->setOption( \Redis::OPT_SCAN, \Redis::SCAN_RETRY );
			$this->redis = $redis;
		} catch ( \RedisException $e ) {
			error_log( 'object-cache.php: Redis unreachable (' . $e->getMessage() . '); caching in memory only' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator must see it.
		}
	}

	/**
	 * Stores an entry: always (when), only if none is there (nx: one SET NX, so exactly one of several nodes
	 * wins) or only if one is there (xx).
	 *
	 * @param int|string  $key    Key.
	 * @param mixed       $data   Value.
	 * @param string      $group  Group.
	 * @param int         $expire Seconds it may live; 0 for ever.
	 * @param string|null $only   nx, xx or null.
	 */
	public function set( int|string $key, mixed $data, string $group, int $expire, ?string $only = null ): bool {
		list( $group, $key ) = $this->name( $key, $group );
		if ( isset( $this->local_groups[ $group ] ) || null === $this->redis ) {
			$there = array_key_exists( $key, $this->runtime[ $group ] ?? array() );
			if ( ( 'nx' === $only && $there ) || ( 'xx' === $only && ! $there ) ) {
				return false;
			}
		} elseif ( true !== $this->redis->set( $this->id( $key, $group ), self::encode( $data ), self::options( $expire, $only ) ) ) {
			return false;
		}
		$this->runtime[ $group ][ $key ] = is_object( $data ) ? clone $data : $data;
		return true;
	}

	/**
	 * Reads entries: from this request's copy, else from Redis in one MGET.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @param bool              $force Skip this request's copy.
	 * @return array<int|string, mixed> Each key's value, false when absent.
	 */
	public function get_multiple( array $keys, string $group, bool $force ): array {
		$found   = array();
		$missing = array();
		foreach ( $keys as $key ) {
			list( $name, $id ) = $this->name( $key, $group );
			if ( array_key_exists( $id, $this->runtime[ $name ] ?? array() ) && ( ! $force || isset( $this->local_groups[ $name ] ) || null === $this->redis ) ) {
				$value         = $this->runtime[ $name ][ $id ];
				$found[ $key ] = is_object( $value ) ? clone $value : $value;
			} elseif ( isset( $this->local_groups[ $name ] ) || null === $this->redis ) {
				$found[ $key ] = false;
			} else {
				$missing[ $key ] = $this->id( $id, $name );
			}
		}
		$stored = array() === $missing || null === $this->redis ? array() : $this->redis->mget( array_values( $missing ) );
		foreach ( array_keys( $missing ) as $index => $key ) {
			$raw               = is_array( $stored ) ? ( $stored[ $index ] ?? false ) : false;
			list( $name, $id ) = $this->name( $key, $group );
			unset( $this->runtime[ $name ][ $id ] );
			$found[ $key ] = false;
			if ( is_string( $raw ) ) {
				$value                         = self::decode( $raw );
				$found[ $key ]                 = $value;
				$this->runtime[ $name ][ $id ] = is_object( $value ) ? clone $value : $value;
			}
		}
		return array_replace( array_fill_keys( $keys, false ), $found );
	}

	/**
	 * Whether an entry is there, after get_multiple() read it.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 */
	public function has( int|string $key, string $group ): bool {
		list( $group, $key ) = $this->name( $key, $group );
		return array_key_exists( $key, $this->runtime[ $group ] ?? array() );
	}

	/**
	 * Deletes entries.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @return array<int|string, bool> Whether each was there.
	 */
	public function delete_multiple( array $keys, string $group ): array {
		$deleted = array();
		foreach ( $keys as $key ) {
			list( $name, $id ) = $this->name( $key, $group );
			$deleted[ $key ]   = array_key_exists( $id, $this->runtime[ $name ] ?? array() );
			unset( $this->runtime[ $name ][ $id ] );
			if ( ! isset( $this->local_groups[ $name ] ) && null !== $this->redis ) {
				$deleted[ $key ] = 1 === $this->redis->del( $this->id( $id, $name ) );
			}
		}
		return $deleted;
	}

	/**
	 * Adds to a stored number (floored at 0); false when absent.
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount, negative to decrement.
	 * @param string     $group  Group.
	 */
	public function incr( int|string $key, int $offset, string $group ): int|false {
		list( $group, $key ) = $this->name( $key, $group );
		if ( isset( $this->local_groups[ $group ] ) || null === $this->redis ) {
			if ( ! array_key_exists( $key, $this->runtime[ $group ] ?? array() ) ) {
				return false;
			}
			$value = $this->runtime[ $group ][ $key ];
			$value = max( 0, ( is_numeric( $value ) ? (int) $value : 0 ) + $offset );
		} else {
			$value = $this->redis->eval( self::INCREMENT, array( $this->id( $key, $group ), $offset ), 1 );
			if ( ! is_int( $value ) ) {
				return false;
			}
		}
		$this->runtime[ $group ][ $key ] = $value;
		return $value;
	}

	/**
	 * Empties the cache: this site's keys (those under WP_CACHE_KEY_SALT), or the whole database without a salt.
	 */
	public function flush(): bool {
		$this->runtime = array();
		if ( null === $this->redis ) {
			return true;
		}
		return '' === self::salt() ? (bool) $this->redis->flushDB() : $this->unlink( self::salt() . '*', null );
	}

	/**
	 * Empties one group, on every site of a network.
	 *
	 * @param string $group Group.
	 */
	public function flush_group( string $group ): bool {
		$group = '' === $group ? 'default' : $group;
		unset( $this->runtime[ $group ] );
		return null === $this->redis || $this->unlink( self::salt() . '*', $group );
	}

	/**
	 * Forgets this request's copy.
	 */
	public function flush_runtime(): bool {
		$this->runtime = array();
		return true;
	}

	/**
	 * Marks groups as shared by every site, or as kept in this request only.
	 *
	 * @param string|array<string> $groups Groups.
	 * @param bool                 $local  Whether they stay in this request.
	 */
	public function add_groups( string|array $groups, bool $local ): void {
		foreach ( (array) $groups as $group ) {
			if ( $local ) {
				$this->local_groups[ $group ] = true;
			} else {
				$this->global_groups[ $group ] = true;
			}
		}
	}

	/**
	 * Switches to another site's keys.
	 *
	 * @param int $blog_id Site id.
	 */
	public function switch_to_blog( int $blog_id ): void {
		$this->blog_id = is_multisite() ? $blog_id : 0;
	}

	/**
	 * Closes the connection.
	 */
	public function close(): bool {
		return null === $this->redis || $this->redis->close();
	}

	/**
	 * The group (default when empty) and the key within this request's copy, which carries the site on a network.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return array{string, string}
	 */
	private function name( int|string $key, string $group ): array {
		$group = '' === $group ? 'default' : $group;
		return array( $group, ( isset( $this->global_groups[ $group ] ) ? '' : $this->blog_id . ':' ) . $key );
	}

	/**
	 * The Redis key: salt, group, then the site and key.
	 *
	 * @param string $key   Key from name().
	 * @param string $group Group.
	 */
	private function id( string $key, string $group ): string {
		return self::salt() . $group . '|' . $key;
	}

	/**
	 * Deletes the keys a pattern matches, in one group or all.
	 *
	 * @param string      $pattern SCAN pattern.
	 * @param string|null $group   Group; null for all.
	 */
	private function unlink( string $pattern, ?string $group ): bool {
		$redis  = $this->redis;
		$cursor = null;
		$prefix = null === $group ? '' : self::salt() . $group . '|';
		do {
			$keys = null === $redis ? false : $redis->scan( $cursor, $pattern, 1000 );
			$keys = array_filter( is_array( $keys ) ? $keys : array(), static fn( string $id ): bool => '' === $prefix || str_starts_with( $id, $prefix ) );
			if ( null !== $redis && array() !== $keys ) {
				$redis->unlink( array_values( $keys ) );
			}
		} while ( 0 !== $cursor && null !== $cursor );
		return true;
	}

	/**
	 * SET's options: NX or XX, and the expiry.
	 *
	 * @param int         $expire Seconds; 0 for ever.
	 * @param string|null $only   nx, xx or null.
	 * @return array<int|string, int|string>
	 */
	private static function options( int $expire, ?string $only ): array {
		return array_merge( null === $only ? array() : array( $only ), $expire > 0 ? array( 'ex' => $expire ) : array() );
	}

	/**
	 * Integers as digits (so the server can add to them), anything else serialized (never all digits).
	 *
	 * @param mixed $data Value.
	 */
	private static function encode( mixed $data ): string {
		return is_int( $data ) ? (string) $data : serialize( $data ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- what every object cache stores.
	}

	/**
	 * A stored value back.
	 *
	 * @param string $raw As stored.
	 */
	private static function decode( string $raw ): mixed {
		return 1 === preg_match( '/^-?\d+$/', $raw ) ? (int) $raw : unserialize( $raw ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- our own serialize() above.
	}

	/**
	 * The prefix of every key.
	 */
	private static function salt(): string {
		$salt = defined( 'WP_CACHE_KEY_SALT' ) ? constant( 'WP_CACHE_KEY_SALT' ) : '';
		return is_string( $salt ) ? $salt : '';
	}
}

/**
 * Starts the cache.
 */
function wp_cache_init(): void { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	unset( $GLOBALS['wp_object_cache'] );
	causerie_object_cache();
}

/**
 * The cache started by wp_cache_init().
 */
function causerie_object_cache(): Causerie_Redis_Object_Cache {
	$cache = $GLOBALS['wp_object_cache'] ?? null;
	if ( ! $cache instanceof Causerie_Redis_Object_Cache ) {
		$cache                      = new Causerie_Redis_Object_Cache();
		$GLOBALS['wp_object_cache'] = $cache; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the drop-in's own global.
	}
	return $cache;
}

/**
 * Stores an entry unless one is there (atomic across nodes).
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds it may live; 0 for ever.
 */
function wp_cache_add( $key, $data, $group = '', $expire = 0 ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->set( $key, $data, (string) $group, (int) $expire, 'nx' );
}

/**
 * Stores entries unless they are there.
 *
 * @param array<int|string, mixed> $data   Values by key.
 * @param string                   $group  Group.
 * @param int                      $expire Seconds they may live; 0 for ever.
 * @return array<int|string, bool>
 */
function wp_cache_add_multiple( array $data, $group = '', $expire = 0 ): array { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return array_map( static fn( int|string $key ): bool => wp_cache_add( $key, $data[ $key ], $group, $expire ), array_combine( array_keys( $data ), array_keys( $data ) ) );
}

/**
 * Stores an entry only if one is there.
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds it may live; 0 for ever.
 */
function wp_cache_replace( $key, $data, $group = '', $expire = 0 ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->set( $key, $data, (string) $group, (int) $expire, 'xx' );
}

/**
 * Stores an entry.
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds it may live; 0 for ever.
 */
function wp_cache_set( $key, $data, $group = '', $expire = 0 ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->set( $key, $data, (string) $group, (int) $expire );
}

/**
 * Stores entries.
 *
 * @param array<int|string, mixed> $data   Values by key.
 * @param string                   $group  Group.
 * @param int                      $expire Seconds they may live; 0 for ever.
 * @return array<int|string, bool>
 */
function wp_cache_set_multiple( array $data, $group = '', $expire = 0 ): array { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return array_map( static fn( int|string $key ): bool => wp_cache_set( $key, $data[ $key ], $group, $expire ), array_combine( array_keys( $data ), array_keys( $data ) ) );
}

/**
 * Reads an entry.
 *
 * @param int|string $key   Key.
 * @param string     $group Group.
 * @param bool       $force Skip this request's copy.
 * @param bool|null  $found Whether it was there.
 * @param-out bool   $found
 * @return mixed The value; false when absent.
 */
function wp_cache_get( $key, $group = '', $force = false, &$found = null ): mixed { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	$cache = causerie_object_cache();
	$value = $cache->get_multiple( array( $key ), (string) $group, (bool) $force )[ $key ];
	$found = $cache->has( $key, (string) $group );
	return $value;
}

/**
 * Reads entries.
 *
 * @param array<int|string> $keys  Keys.
 * @param string            $group Group.
 * @param bool              $force Skip this request's copy.
 * @return array<int|string, mixed> Each key's value, false when absent.
 */
function wp_cache_get_multiple( $keys, $group = '', $force = false ): array { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->get_multiple( $keys, (string) $group, (bool) $force );
}

/**
 * Deletes an entry.
 *
 * @param int|string $key   Key.
 * @param string     $group Group.
 */
function wp_cache_delete( $key, $group = '' ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->delete_multiple( array( $key ), (string) $group )[ $key ];
}

/**
 * Deletes entries.
 *
 * @param array<int|string> $keys  Keys.
 * @param string            $group Group.
 * @return array<int|string, bool>
 */
function wp_cache_delete_multiple( array $keys, $group = '' ): array { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->delete_multiple( $keys, (string) $group );
}

/**
 * Adds to a stored number.
 *
 * @param int|string $key    Key.
 * @param int        $offset Amount.
 * @param string     $group  Group.
 */
function wp_cache_incr( $key, $offset = 1, $group = '' ): int|false { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->incr( $key, (int) $offset, (string) $group );
}

/**
 * Subtracts from a stored number, down to 0.
 *
 * @param int|string $key    Key.
 * @param int        $offset Amount.
 * @param string     $group  Group.
 */
function wp_cache_decr( $key, $offset = 1, $group = '' ): int|false { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->incr( $key, - (int) $offset, (string) $group );
}

/**
 * Empties the cache.
 */
function wp_cache_flush(): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->flush();
}

/**
 * Forgets this request's copy, leaving Redis alone.
 */
function wp_cache_flush_runtime(): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->flush_runtime();
}

/**
 * Empties one group.
 *
 * @param string $group Group.
 */
function wp_cache_flush_group( $group ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->flush_group( (string) $group );
}

/**
 * Whether the cache has a feature of the API.
 *
 * @param string $feature Feature.
 */
function wp_cache_supports( $feature ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return in_array( $feature, array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true );
}

/**
 * Closes the connection at the end of the request.
 */
function wp_cache_close(): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	return causerie_object_cache()->close();
}

/**
 * Marks groups as shared by every site of a network.
 *
 * @param string|array<string> $groups Groups.
 */
function wp_cache_add_global_groups( $groups ): void { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	causerie_object_cache()->add_groups( $groups, false );
}

/**
 * Marks groups as kept in this request only.
 *
 * @param string|array<string> $groups Groups.
 */
function wp_cache_add_non_persistent_groups( $groups ): void { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	causerie_object_cache()->add_groups( $groups, true );
}

/**
 * Switches to another site's keys.
 *
 * @param int $blog_id Site id.
 */
function wp_cache_switch_to_blog( $blog_id ): void { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- core's drop-in API.
	causerie_object_cache()->switch_to_blog( (int) $blog_id );
}
