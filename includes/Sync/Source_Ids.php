<?php
/**
 * The ids under which the site's posts are held in the knowledge base.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Storage\Shared_Option;

/**
 * `site-<key>:post-<id>`, and `…:part-<n>` for the second part on of a post split in parts. The key is drawn
 * once per site and kept: the sites of a network that share the network's credentials share one knowledge base,
 * and each knows its own documents by the key. A copy of the database keeps it, so a restored backup finds its
 * documents again.
 */
final class Source_Ids {

	public const OPTION = 'causerie_connector_site_key';

	/**
	 * The key, drawn on first use.
	 *
	 * @var string|null
	 */
	private ?string $key = null;

	/**
	 * What every id of this site starts with.
	 */
	public function prefix(): string {
		if ( null === $this->key ) {
			$key       = get_option( self::OPTION );
			$this->key = self::valid( $key ) ? $key : $this->draw();
		}
		return 'site-' . $this->key . ':';
	}

	/**
	 * Draws the key, unless another server drew it first: the first stored is everyone's, so that no document
	 * goes under a key another server then replaces (a copy the site would no longer know as its own).
	 */
	private function draw(): string {
		Shared_Option::add( self::OPTION, bin2hex( random_bytes( 6 ) ) );
		$key = Shared_Option::read( self::OPTION );
		// This request, or a shared cache, may have noted the option as missing.
		wp_cache_delete( 'notoptions', 'options' );
		wp_cache_delete( self::OPTION, 'options' );
		if ( self::valid( $key ) ) {
			return $key;
		}
		// A value that is no key at all (edited by hand) is replaced.
		$key = bin2hex( random_bytes( 6 ) );
		update_option( self::OPTION, $key, false );
		return $key;
	}

	/**
	 * Whether a stored value is a key.
	 *
	 * @param mixed $key The value.
	 * @phpstan-assert-if-true string $key
	 */
	private static function valid( mixed $key ): bool {
		return is_string( $key ) && 1 === preg_match( '/^[a-f0-9]{12}$/', $key );
	}

	/**
	 * A post's document, or one part of it (1 is the first).
	 *
	 * @param int $post_id The post.
	 * @param int $part    Which part.
	 */
	public function of( int $post_id, int $part = 1 ): string {
		return $this->prefix() . 'post-' . $post_id . ( $part > 1 ? ':part-' . $part : '' );
	}

	/**
	 * The post a source id of this site names, or null for another site's or another client's document.
	 *
	 * @param string $source_id The id.
	 * @return array{int, int}|null The post and the part.
	 */
	public function parse( string $source_id ): ?array {
		$prefix = $this->prefix();
		if ( ! str_starts_with( $source_id, $prefix ) || 1 !== preg_match( '/^post-([1-9][0-9]*)(?::part-([2-9]|[1-9][0-9]+))?$/', substr( $source_id, strlen( $prefix ) ), $match ) ) {
			return null;
		}
		return array( (int) $match[1], isset( $match[2] ) ? (int) $match[2] : 1 );
	}
}
