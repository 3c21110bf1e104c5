<?php
/**
 * Something that went wrong, with its evidence.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Transport_Error;

/**
 * A diagnosis code from codes.json and the facts behind it: HTTP status, challenge parameters, OAuth error,
 * timings. Never a token or a secret.
 */
final class Finding {

	/**
	 * Constructor.
	 *
	 * @param string               $code     A code from codes.json.
	 * @param array<string, mixed> $evidence What was observed.
	 */
	public function __construct(
		public readonly string $code,
		public readonly array $evidence = array()
	) {}

	/**
	 * A finding for a request that got no HTTP answer.
	 *
	 * @param Transport_Error $error The failure.
	 * @param string          $url   What was called.
	 */
	public static function from_transport( Transport_Error $error, string $url ): self {
		$evidence = array(
			'url'       => $url,
			'detail'    => $error->detail,
			'elapsedMs' => (int) round( $error->elapsed_ms ),
		);
		if ( '' !== $error->phase() ) {
			$evidence['phase'] = $error->phase();
		}
		return new self( $error->code, $evidence );
	}

	/**
	 * A finding for an HTTP answer that is not what the contract promises: 5xx, 429, or not JSON.
	 *
	 * @param Response $response The answer.
	 * @param string   $url      What was called.
	 */
	public static function from_unusable_response( Response $response, string $url ): ?self {
		$evidence = array(
			'url'         => $url,
			'status'      => $response->status,
			'contentType' => $response->header( 'content-type' ),
			'elapsedMs'   => (int) round( $response->elapsed_ms ),
		);
		if ( 429 === $response->status ) {
			return new self( 'rate_limited', $evidence + array( 'retryAfter' => $response->retry_after() ) );
		}
		if ( $response->status >= 500 ) {
			$retry_after = $response->retry_after();
			return new self( 'server_error', $evidence + ( null === $retry_after ? array() : array( 'retryAfter' => $retry_after ) ) );
		}
		if ( null === $response->json() ) {
			return new self( 'not_json', $evidence );
		}
		return null;
	}
}
