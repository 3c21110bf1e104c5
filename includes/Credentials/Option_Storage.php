<?php
/**
 * Where a stored setting lives: one site, or the whole network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * One option read and written at one level: the site's options table (never autoloaded), or the
 * network's sitemeta table through the site option API. Callers keep the same logic for both levels.
 */
final class Option_Storage {

	/**
	 * Constructor.
	 *
	 * @param string $name    Option name.
	 * @param bool   $network Whether it is a network (site) option rather than the current site's option.
	 */
	public function __construct(
		private readonly string $name,
		private readonly bool $network = false
	) {}

	/**
	 * Where this option lives, as encryption's associated data: its name and the site's id, or the network's
	 * id for a network option. A value encrypted for one place does not decrypt in another.
	 */
	public function context(): string {
		return ( $this->network ? 'network:' . get_current_network_id() : 'site:' . get_current_blog_id() ) . '|' . $this->name;
	}

	/**
	 * The stored value, or an empty array when there is none.
	 */
	public function read(): mixed {
		return $this->network ? get_site_option( $this->name, array() ) : get_option( $this->name, array() );
	}

	/**
	 * Whether read() answers from WordPress's caches, without a query: the row, or that there is none.
	 */
	public function cached(): bool {
		if ( ! $this->network && isset( wp_load_alloptions()[ $this->name ] ) ) {
			return true;
		}
		list( $group, $prefix ) = $this->cache_group();
		$missing                = wp_cache_get( $prefix . 'notoptions', $group );
		return ( is_array( $missing ) && isset( $missing[ $this->name ] ) ) || false !== wp_cache_get( $prefix . $this->name, $group );
	}

	/**
	 * A prepared query for the raw row, as core's own read would run it, with its slot as the first column, so
	 * that several options can be read in one UNION ALL.
	 *
	 * @param \wpdb $wpdb The database.
	 * @param int   $slot Which of the options read together this one is.
	 */
	public function select( \wpdb $wpdb, int $slot ): string {
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders -- WPCS 2.3 predates %i.
		$query = $this->network
			? $wpdb->prepare( 'SELECT %d AS slot, meta_value AS value FROM %i WHERE meta_key = %s AND site_id = %d', $slot, $wpdb->sitemeta, $this->name, get_current_network_id() )
			: $wpdb->prepare( 'SELECT %d AS slot, option_value AS value FROM %i WHERE option_name = %s', $slot, $wpdb->options, $this->name );
		// phpcs:enable
		return (string) $query;
	}

	/**
	 * Caches a raw row read by select(), or its absence, where core's get_option() or get_site_option() looks
	 * first, under the same keys: the next read() costs no query.
	 *
	 * @param string|null $raw The row's raw value; null when there is no row.
	 */
	public function prime( ?string $raw ): void {
		list( $group, $prefix ) = $this->cache_group();
		$missing                = wp_cache_get( $prefix . 'notoptions', $group );
		$missing                = is_array( $missing ) ? $missing : array();
		if ( null === $raw ) {
			$missing[ $this->name ] = true;
			wp_cache_set( $prefix . 'notoptions', $missing, $group );
			return;
		}
		// Core caches a site option unserialized and a site's option as stored.
		wp_cache_add( $prefix . $this->name, $this->network ? maybe_unserialize( $raw ) : $raw, $group );
	}

	/**
	 * Replaces the stored value.
	 *
	 * @param array<mixed> $value The new value.
	 */
	public function write( array $value ): bool {
		if ( $this->network ) {
			return update_site_option( $this->name, $value );
		}
		// Secrets have no business in the autoloaded options every request reads.
		if ( false === get_option( $this->name ) ) {
			return add_option( $this->name, $value, '', false );
		}
		return update_option( $this->name, $value, false );
	}

	/**
	 * Where core caches this option: its cache group, and the prefix of its keys there.
	 *
	 * @return array{string, string}
	 */
	private function cache_group(): array {
		return $this->network ? array( 'site-options', get_current_network_id() . ':' ) : array( 'options', '' );
	}
}
