<?php
/**
 * A WWW-Authenticate challenge.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

/**
 * Parses `Bearer realm="x", error="invalid_token", error_description="…"` (RFC 9110 §11.2, RFC 6750 §3)
 * into its scheme and parameters, quoted strings unescaped.
 */
final class Challenge {

	/**
	 * Constructor.
	 *
	 * @param string                $scheme Auth scheme, lower-cased.
	 * @param array<string, string> $params Parameter names lower-cased.
	 */
	public function __construct(
		public readonly string $scheme,
		public readonly array $params
	) {}

	/**
	 * Parses a header value; the first challenge only.
	 *
	 * @param string $header WWW-Authenticate value.
	 */
	public static function parse( string $header ): self {
		if ( 1 !== preg_match( '/^\s*([!#$%&\'*+.^_`|~0-9A-Za-z-]+)\s*(.*)$/s', $header, $match ) ) {
			return new self( '', array() );
		}
		$params = array();
		preg_match_all( '/([!#$%&\'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\s,]*))\s*,?\s*/', $match[2], $pairs, PREG_SET_ORDER );
		foreach ( $pairs as $pair ) {
			// A quoted-pair is a backslash and the character it protects.
			$value                            = isset( $pair[3] ) && '' !== $pair[3] ? $pair[3] : (string) preg_replace( '/\\\\(.)/s', '$1', $pair[2] ?? '' );
			$params[ strtolower( $pair[1] ) ] = $value;
		}
		return new self( strtolower( $match[1] ), $params );
	}

	/**
	 * A parameter, or an empty string.
	 *
	 * @param string $name Parameter name.
	 */
	public function param( string $name ): string {
		return $this->params[ strtolower( $name ) ] ?? '';
	}
}
