<?php
/**
 * Finding the authorization server's endpoints.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Transport_Error;

/**
 * Reads RFC 8414 metadata when the server publishes it (cached for an hour), else uses the contract's
 * default paths. The metadata must name the configured API URL as its issuer (RFC 8414 §3.3).
 */
final class Discovery {

	public const CACHE_PREFIX = 'causerie_metadata_';
	public const CACHE_TTL    = HOUR_IN_SECONDS;

	/**
	 * Constructor.
	 *
	 * @param Http_Client $http Outbound HTTP.
	 */
	public function __construct( private readonly Http_Client $http ) {}

	/**
	 * The metadata for an API URL.
	 *
	 * @param string $api_url Validated API base URL (the issuer).
	 * @param bool   $fresh   Skip the cache, as a live check does.
	 * @return Server_Metadata|Finding
	 */
	public function metadata( string $api_url, bool $fresh = false ) {
		$key = self::CACHE_PREFIX . md5( $api_url );
		if ( ! $fresh ) {
			$cached = Server_Metadata::from_array( get_transient( $key ) );
			if ( null !== $cached ) {
				return $cached;
			}
		}
		$url      = self::well_known_url( $api_url );
		$response = $this->http->request( 'GET', $url );
		if ( $response instanceof Transport_Error ) {
			return Finding::from_transport( $response, $url );
		}
		if ( 404 === $response->status ) {
			$metadata = Server_Metadata::defaults( $api_url );
		} else {
			$unusable = Finding::from_unusable_response( $response, $url );
			if ( null !== $unusable ) {
				return $unusable;
			}
			$metadata = self::parse( (array) $response->json(), $api_url, $url, $response->status );
			if ( $metadata instanceof Finding ) {
				return $metadata;
			}
		}
		set_transient( $key, $metadata->to_array(), self::CACHE_TTL );
		return $metadata;
	}

	/**
	 * RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
	 *
	 * @param string $issuer Issuer identifier.
	 */
	public static function well_known_url( string $issuer ): string {
		$parts = wp_parse_url( $issuer );
		$path  = is_array( $parts ) && isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		$base  = '' === $path ? $issuer : substr( $issuer, 0, -strlen( $path ) );
		return rtrim( $base, '/' ) . '/.well-known/oauth-authorization-server' . $path;
	}

	/**
	 * Checks and reads a metadata document.
	 *
	 * @param array<string, mixed> $document Parsed JSON.
	 * @param string               $api_url  Expected issuer.
	 * @param string               $url      Where it came from.
	 * @param int                  $status   HTTP status it came with.
	 * @return Server_Metadata|Finding
	 */
	private static function parse( array $document, string $api_url, string $url, int $status ) {
		$evidence = array(
			'url'    => $url,
			'status' => $status,
		);
		$issuer   = $document['issuer'] ?? null;
		if ( 200 !== $status || ! is_string( $issuer ) || untrailingslashit( $issuer ) !== untrailingslashit( $api_url ) ) {
			return new Finding( 'metadata_invalid', $evidence + array( 'issuer' => is_string( $issuer ) ? $issuer : null ) );
		}
		$endpoint = static fn( string $field ): string => isset( $document[ $field ] ) && is_string( $document[ $field ] ) ? $document[ $field ] : '';
		if ( '' === $endpoint( 'token_endpoint' ) ) {
			return new Finding( 'metadata_invalid', $evidence + array( 'missing' => 'token_endpoint' ) );
		}
		$methods = $document['token_endpoint_auth_methods_supported'] ?? array( 'client_secret_basic' );
		return new Server_Metadata(
			$issuer,
			$endpoint( 'token_endpoint' ),
			'' !== $endpoint( 'jwks_uri' ) ? $endpoint( 'jwks_uri' ) : $api_url . '/auth/jwks.json',
			$endpoint( 'revocation_endpoint' ),
			$endpoint( 'introspection_endpoint' ),
			is_array( $methods ) ? array_values( array_filter( $methods, 'is_string' ) ) : array(),
			true
		);
	}
}
