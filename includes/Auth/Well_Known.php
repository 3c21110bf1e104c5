<?php
/**
 * Well-known addresses of metadata documents.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * Where a server publishes what it says about itself. RFC 8414 §3.1 and RFC 9728 §3.1 put the well-known
 * segment between the host and the identifier's path; OpenID Connect Discovery §4 appends it to the issuer.
 */
final class Well_Known {

	public const AUTHORIZATION_SERVER = 'oauth-authorization-server';
	public const PROTECTED_RESOURCE   = 'oauth-protected-resource';

	/**
	 * RFC 8414 and RFC 9728 form: https://host/.well-known/<suffix>/<path>.
	 *
	 * @param string $identifier Issuer or resource identifier.
	 * @param string $suffix     AUTHORIZATION_SERVER or PROTECTED_RESOURCE.
	 */
	public static function url( string $identifier, string $suffix ): string {
		$parts = wp_parse_url( $identifier );
		$path  = is_array( $parts ) && isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		$base  = '' === $path ? $identifier : substr( $identifier, 0, -strlen( $path ) );
		return rtrim( $base, '/' ) . '/.well-known/' . $suffix . $path;
	}

	/**
	 * OpenID Connect Discovery form: <issuer>/.well-known/openid-configuration.
	 *
	 * @param string $issuer Issuer identifier.
	 */
	public static function openid( string $issuer ): string {
		return rtrim( $issuer, '/' ) . '/.well-known/openid-configuration';
	}

	/**
	 * Whether two identifiers name the same thing; a trailing slash makes no difference.
	 *
	 * @param string $a One identifier.
	 * @param string $b The other.
	 */
	public static function same( string $a, string $b ): bool {
		return untrailingslashit( $a ) === untrailingslashit( $b );
	}

	/**
	 * Whether two URLs share scheme, host and port.
	 *
	 * @param string $a One URL.
	 * @param string $b The other.
	 */
	public static function same_origin( string $a, string $b ): bool {
		$origin = static function ( string $url ): string {
			$parts = wp_parse_url( $url );
			return is_array( $parts ) ? strtolower( ( $parts['scheme'] ?? '' ) . '://' . ( $parts['host'] ?? '' ) . ':' . ( $parts['port'] ?? '' ) ) : '';
		};
		return '://:' !== $origin( $a ) && $origin( $a ) === $origin( $b );
	}
}
