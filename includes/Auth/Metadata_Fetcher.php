<?php
/**
 * Reads a metadata document.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Transport_Error;

/**
 * GETs a well-known JSON document. A 4xx means the server publishes nothing there, which is allowed; a 5xx, a
 * 429, a timeout or a page that is not JSON means the server is not answering properly, which is not the same.
 */
final class Metadata_Fetcher {

	/**
	 * Seconds a document is kept when its answer says nothing about caching, and the bounds of what it may say.
	 */
	public const DEFAULT_TTL = HOUR_IN_SECONDS;
	public const MIN_TTL     = 5 * MINUTE_IN_SECONDS;
	public const MAX_TTL     = DAY_IN_SECONDS;

	/**
	 * Seconds a document may take to come.
	 */
	public const TIMEOUT = Http_Client::DEFAULT_TIMEOUT;

	/**
	 * Bytes of a document read at most: real metadata and key sets are a few kilobytes.
	 */
	public const MAX_BYTES = 256 * 1024;

	/**
	 * Constructor.
	 *
	 * @param Http_Client $http Outbound HTTP.
	 */
	public function __construct( private readonly Http_Client $http ) {}

	/**
	 * The document at a URL with how long it may be kept, null when nothing is published there, or why it could not be read.
	 *
	 * @param string $url Document URL.
	 * @return array{document: array<string, mixed>, ttl: int}|null|Finding
	 */
	public function get( string $url ) {
		$response = $this->http->request( 'GET', $url, timeout: self::TIMEOUT, max_bytes: self::MAX_BYTES );
		if ( $response instanceof Transport_Error ) {
			return $response->finding( $url );
		}
		if ( $response->status >= 400 && $response->status < 500 && 429 !== $response->status ) {
			return null;
		}
		$unusable = $response->unusable( $url );
		if ( null !== $unusable ) {
			return $unusable;
		}
		$document = $response->json();
		if ( 200 !== $response->status || null === $document ) {
			return new Finding(
				'metadata_invalid',
				array(
					'url'    => $url,
					'status' => $response->status,
				)
			);
		}
		return array(
			'document' => $document,
			'ttl'      => self::ttl( $response->max_age() ),
		);
	}

	/**
	 * How long to keep a document: what its answer allows, within bounds, so a server that forbids caching is
	 * still not asked on every call and one that allows a year is asked again within a day.
	 *
	 * @param int|null $max_age Seconds the answer allows, or null when it says nothing.
	 */
	public static function ttl( ?int $max_age ): int {
		return null === $max_age ? self::DEFAULT_TTL : max( self::MIN_TTL, min( self::MAX_TTL, $max_age ) );
	}
}
