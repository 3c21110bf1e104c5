<?php
/**
 * What the API says about itself (RFC 9728).
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Challenge;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Transport_Error;

/**
 * Finds the API's protected-resource metadata, which names its resource identifier and the authorization
 * servers that issue tokens for it. Tried in order: the well-known document for the contract's resource
 * (`<address>/v1`), then for the address itself, then the `resource_metadata` URL of the API's own 401
 * challenge (RFC 9728 §5). A document counts only if its resource is the one asked for (§3.3); from a
 * challenge, a resource on the same origin whose path leads to the URL called is accepted, as
 * draft-mcguinness-oauth-rfc9728bis proposes, since the resource is the API's base and not one of its routes.
 *
 * @phpstan-type Found array{resource: string|null, servers: list<string>, ttl: int, unpublished: list<string>}
 */
final class Resource_Discovery {

	/**
	 * The route of the contract that every deployment of the API serves; called without a token for its challenge.
	 */
	public const PROBE_PATH = '/v1/me';

	/**
	 * The most requests find() makes: two well-known documents, the challenge, and the document it names.
	 */
	public const MOST_REQUESTS = 4;

	/**
	 * Constructor.
	 *
	 * @param Http_Client      $http      Outbound HTTP.
	 * @param Metadata_Fetcher $documents Reads the documents.
	 */
	public function __construct(
		private readonly Http_Client $http,
		private readonly Metadata_Fetcher $documents
	) {}

	/**
	 * The resource and its authorization servers; resource null and no servers when the API publishes none.
	 *
	 * @param string $api_url API address, without a trailing slash.
	 * @return Found|Finding
	 */
	public function find( string $api_url ) {
		$unpublished = array();
		foreach ( array( $api_url . '/v1', $api_url ) as $resource ) {
			$url   = Well_Known::url( $resource, Well_Known::PROTECTED_RESOURCE );
			$found = $this->read( $url, static fn( string $named ): bool => Well_Known::same( $named, $resource ) );
			if ( null === $found ) {
				$unpublished[] = $url;
				continue;
			}
			return $found instanceof Finding ? $found : $found + array( 'unpublished' => $unpublished );
		}
		$found = $this->from_challenge( $api_url, $unpublished );
		if ( $found instanceof Finding || is_array( $found ) ) {
			return $found instanceof Finding ? $found : $found + array( 'unpublished' => $unpublished );
		}
		return array(
			'resource'    => null,
			'servers'     => array(),
			'ttl'         => Metadata_Fetcher::DEFAULT_TTL,
			'unpublished' => $unpublished,
		);
	}

	/**
	 * The metadata the API's 401 challenge points to, if it points to any.
	 *
	 * @param string   $api_url API address.
	 * @param string[] $tried   Documents already found missing.
	 * @return array{resource: string, servers: list<string>, ttl: int}|Finding|null
	 *
	 * @phpstan-param list<string> $tried
	 */
	private function from_challenge( string $api_url, array $tried ) {
		$called   = $api_url . self::PROBE_PATH;
		$response = $this->http->request( 'GET', $called, timeout: Metadata_Fetcher::TIMEOUT, max_bytes: Metadata_Fetcher::MAX_BYTES );
		if ( $response instanceof Transport_Error ) {
			return $response->finding( $called );
		}
		$url = 401 === $response->status ? Challenge::parse( $response->header( 'www-authenticate' ) )->param( 'resource_metadata' ) : '';
		if ( '' === $url || in_array( $url, $tried, true ) || ! Well_Known::same_origin( $url, $api_url ) ) {
			return null;
		}
		return $this->read( $url, static fn( string $named ): bool => Well_Known::same_origin( $named, $called ) && str_starts_with( (string) wp_parse_url( $called, PHP_URL_PATH ), untrailingslashit( (string) wp_parse_url( $named, PHP_URL_PATH ) ) ) );
	}

	/**
	 * Reads one document and checks it names an acceptable resource and at least one authorization server.
	 *
	 * @param string   $url       Document URL.
	 * @param \Closure $acceptable Whether the resource it names may be used.
	 * @return array{resource: string, servers: list<string>, ttl: int}|Finding|null
	 *
	 * @phpstan-param \Closure(string): bool $acceptable
	 */
	private function read( string $url, \Closure $acceptable ) {
		$read = $this->documents->get( $url );
		if ( ! is_array( $read ) ) {
			return $read;
		}
		$resource = $read['document']['resource'] ?? null;
		$servers  = $read['document']['authorization_servers'] ?? null;
		$servers  = is_array( $servers ) ? array_values( array_filter( $servers, static fn( mixed $server ): bool => is_string( $server ) && '' !== $server ) ) : array();
		if ( ! is_string( $resource ) || ! $acceptable( $resource ) || array() === $servers ) {
			return new Finding(
				'metadata_invalid',
				array(
					'url'                  => $url,
					'resource'             => is_string( $resource ) ? $resource : null,
					'authorizationServers' => $servers,
				)
			);
		}
		return array(
			'resource' => untrailingslashit( $resource ),
			'servers'  => $servers,
			'ttl'      => $read['ttl'],
		);
	}
}
