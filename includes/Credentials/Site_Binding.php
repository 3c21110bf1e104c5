<?php
/**
 * Which site the credentials belong to.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Remembers a keyed hash of the address the credentials were saved on. A database search-replace rewrites
 * addresses, not hashes, so a moved or cloned site notices. Its two ways out: "this is the new address"
 * (rebind) or "this is a copy" (pause: no calls to the API until resumed). Autoloaded, as a few dozen bytes:
 * the connection's state reads it on every admin page.
 */
final class Site_Binding {

	public const OPTION = 'causerie_connector_site_binding';

	/**
	 * Action fired, with the new address, when the credentials are bound again after the site moved: what is
	 * registered at Causerie under the old address (the widget's origin) follows.
	 */
	public const REBOUND = 'causerie_connector_site_rebound';

	/**
	 * Action fired when the binding changes (bound, rebound, paused), for what follows the connection's state.
	 */
	public const CHANGED = 'causerie_connector_site_binding_changed';

	/**
	 * Binds the credentials to the site's current address, and lifts a pause.
	 */
	public function bind(): void {
		$moved = $this->has_moved();
		update_option(
			self::OPTION,
			array(
				'hash'    => self::hash( home_url() ),
				'boundAt' => time(),
				'paused'  => false,
			),
			true
		);
		if ( $moved ) {
			do_action( self::REBOUND, home_url() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
		}
		do_action( self::CHANGED ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
	}

	/**
	 * Stops all calls to the API from this copy of the site.
	 */
	public function pause(): void {
		$binding           = $this->stored();
		$binding['paused'] = true;
		update_option( self::OPTION, $binding, true );
		do_action( self::CHANGED ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
	}

	/**
	 * Whether the site answers at another address than the one it was bound to.
	 */
	public function has_moved(): bool {
		$binding = $this->stored();
		return isset( $binding['hash'] ) && ! hash_equals( $binding['hash'], self::hash( home_url() ) );
	}

	/**
	 * Whether an address was recorded yet. Credentials inherited from the network or set in wp-config.php
	 * are never saved on the site's screen, so the first token they get records it instead.
	 */
	public function is_bound(): bool {
		return isset( $this->stored()['hash'] );
	}

	/**
	 * Whether an admin paused this copy.
	 */
	public function is_paused(): bool {
		return true === ( $this->stored()['paused'] ?? false );
	}

	/**
	 * The stored binding.
	 *
	 * @return array{hash?: string, boundAt?: int, paused?: bool}
	 */
	private function stored(): array {
		$stored  = get_option( self::OPTION );
		$binding = array();
		if ( is_array( $stored ) ) {
			if ( isset( $stored['hash'] ) && is_string( $stored['hash'] ) ) {
				$binding['hash'] = $stored['hash'];
			}
			if ( isset( $stored['boundAt'] ) && is_int( $stored['boundAt'] ) ) {
				$binding['boundAt'] = $stored['boundAt'];
			}
			$binding['paused'] = isset( $stored['paused'] ) && true === $stored['paused'];
		}
		return $binding;
	}

	/**
	 * A hash of an address, normalised so that a trailing slash or letter case don't count.
	 *
	 * @param string $url Site address.
	 */
	private static function hash( string $url ): string {
		return hash( 'sha256', strtolower( untrailingslashit( $url ) ) );
	}
}
