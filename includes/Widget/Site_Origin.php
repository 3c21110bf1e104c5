<?php
/**
 * The site's origin, as a visitor's browser names it.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * The scheme://host[:port] of the home URL, normalised as the chat service compares it (docs/causerie-api.md §8,
 * Origins): scheme and host lowercased, an international name in punycode, the default port dropped. The chat
 * service answers only pages whose Origin header is registered, so this is what the plugin registers.
 */
final class Site_Origin {

	/**
	 * Default port of each scheme an origin may have.
	 */
	private const DEFAULT_PORTS = array(
		'http'  => 80,
		'https' => 443,
	);

	/**
	 * The origin of this site's home URL; empty when it has none (a broken home setting).
	 */
	public static function current(): string {
		return self::of( home_url() );
	}

	/**
	 * The origin of a URL, or an empty string when it is not an http(s) URL with a host.
	 *
	 * @param string $url Absolute URL.
	 */
	public static function of( string $url ): string {
		$parts  = wp_parse_url( trim( $url ) );
		$scheme = is_array( $parts ) ? strtolower( (string) ( $parts['scheme'] ?? '' ) ) : '';
		$host   = is_array( $parts ) ? strtolower( (string) ( $parts['host'] ?? '' ) ) : '';
		if ( ! isset( self::DEFAULT_PORTS[ $scheme ] ) || '' === $host ) {
			return '';
		}
		if ( 1 === preg_match( '/[^\x00-\x7F]/', $host ) ) {
			$ascii = function_exists( 'idn_to_ascii' ) ? idn_to_ascii( $host, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46 ) : false;
			if ( ! is_string( $ascii ) ) {
				return '';
			}
			$host = $ascii;
		}
		$port = is_array( $parts ) && isset( $parts['port'] ) && self::DEFAULT_PORTS[ $scheme ] !== $parts['port'] ? ':' . $parts['port'] : '';
		return $scheme . '://' . $host . $port;
	}
}
