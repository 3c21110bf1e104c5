<?php
/**
 * Reading a JWT's header and claims.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * Decodes a JWT segment without verifying anything: only for scheduling, display and diagnosis. Whether a
 * token is genuine is for the API (and the inspector's signature check) to say.
 */
final class Jwt_Segments {

	public const HEADER = 0;
	public const CLAIMS = 1;

	/**
	 * How deep a segment's JSON may nest. A JWT's is shallow; a deeper one would not fit in the JSON of the
	 * REST answer, the command line or the support report that shows it, whose own encoding stops at 512.
	 */
	private const DEPTH = 32;

	/**
	 * One decoded segment, or null when the token is not a JWT.
	 *
	 * @param string $jwt   Token.
	 * @param int    $index HEADER or CLAIMS.
	 * @return array<mixed>|null
	 */
	public static function decode( string $jwt, int $index ): ?array {
		$parts = explode( '.', $jwt );
		if ( 3 !== count( $parts ) || ! isset( $parts[ $index ] ) ) {
			return null;
		}
		$decoded = json_decode( (string) base64_decode( strtr( $parts[ $index ], '-_', '+/' ), true ), true, self::DEPTH ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- a JWT segment.
		// A number beyond a double (1e999) decodes as INF, which no JSON answer can carry: not a JWT's segment.
		return is_array( $decoded ) && false !== wp_json_encode( $decoded ) ? $decoded : null;
	}
}
