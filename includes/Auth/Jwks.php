<?php
/**
 * The authorization server's public signing keys.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;

/**
 * The JWKS, cached as its caching headers allow (within bounds), and fetched again when a token names a key
 * the cached set lacks: servers change keys, and some on every restart. Asking again for an unknown key is
 * limited to once a minute, so a forged kid can't make the plugin hammer the server. Only public members
 * are kept.
 */
final class Jwks {

	public const CACHE_PREFIX = 'causerie_jwks_';

	/**
	 * Seconds before an unknown kid may fetch the keys again.
	 */
	private const REFETCH_AFTER = MINUTE_IN_SECONDS;

	/**
	 * Members of a JWK that are never public.
	 */
	private const PRIVATE_MEMBERS = array( 'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k' );

	/**
	 * Constructor.
	 *
	 * @param Metadata_Fetcher $documents Reads the JWKS document.
	 */
	public function __construct( private readonly Metadata_Fetcher $documents ) {}

	/**
	 * The public keys; fetched again first when a kid is given that the cached keys lack, or when asked.
	 *
	 * @param Endpoints $endpoints Where the keys are.
	 * @param string    $kid       A key the caller needs, or empty.
	 * @param bool      $fresh     Fetch them again whatever the cache holds: the API just refused a token the
	 *                             cached keys would accept, so they may be out of date.
	 * @return list<array<mixed>>|Finding
	 */
	public function keys( Endpoints $endpoints, string $kid = '', bool $fresh = false ) {
		if ( '' === $endpoints->jwks_uri ) {
			return new Finding( 'signing_keys_invalid', array( 'missing' => 'jwks_uri' ) );
		}
		$key    = self::cache_key( $endpoints );
		$cached = get_transient( $key );
		if ( ! $fresh && is_array( $cached ) && is_array( $cached['keys'] ?? null ) && is_int( $cached['fetchedAt'] ?? null )
			&& ( '' === $kid || null !== self::find( $cached['keys'], $kid ) || $cached['fetchedAt'] > time() - self::REFETCH_AFTER ) ) {
			return array_values( array_filter( $cached['keys'], 'is_array' ) );
		}
		$read = $this->documents->get( $endpoints->jwks_uri );
		if ( $read instanceof Finding ) {
			return $read;
		}
		$listed = is_array( $read ) ? ( $read['document']['keys'] ?? null ) : null;
		if ( ! is_array( $listed ) ) {
			return new Finding( 'signing_keys_invalid', array( 'url' => $endpoints->jwks_uri ) );
		}
		$keys = array();
		foreach ( $listed as $jwk ) {
			if ( is_array( $jwk ) ) {
				$keys[] = array_diff_key( $jwk, array_flip( self::PRIVATE_MEMBERS ) );
			}
		}
		set_transient(
			$key,
			array(
				'keys'      => $keys,
				'fetchedAt' => time(),
			),
			$read['ttl']
		);
		return $keys;
	}

	/**
	 * Forgets the keys kept for a server, wherever the transient lives (the options table or the object cache).
	 *
	 * @param Endpoints $endpoints Where the keys are.
	 */
	public function forget( Endpoints $endpoints ): void {
		delete_transient( self::cache_key( $endpoints ) );
	}

	/**
	 * The transient that keeps a server's keys.
	 *
	 * @param Endpoints $endpoints Where the keys are.
	 */
	private static function cache_key( Endpoints $endpoints ): string {
		return self::CACHE_PREFIX . md5( $endpoints->jwks_uri );
	}

	/**
	 * The key with this kid, or null.
	 *
	 * @param array<mixed> $keys JWKs.
	 * @param string       $kid  Key id.
	 * @return array<mixed>|null
	 */
	public static function find( array $keys, string $kid ): ?array {
		foreach ( $keys as $jwk ) {
			if ( is_array( $jwk ) && ( $jwk['kid'] ?? null ) === $kid ) {
				return $jwk;
			}
		}
		return null;
	}
}
