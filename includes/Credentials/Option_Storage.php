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
}
