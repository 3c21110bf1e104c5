<?php
/**
 * An HTTP answer from the API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

use Causerie\Connector\Diagnosis\Finding;

/**
 * What the plugin needs of a response: status, headers, body, and the server's clock.
 */
final class Response {

	/**
	 * Constructor.
	 *
	 * @param int                   $status     HTTP status.
	 * @param array<string, string> $headers    Lower-cased header names.
	 * @param string                $body       Raw body.
	 * @param float                 $elapsed_ms Time from request to full answer.
	 */
	public function __construct(
		public readonly int $status,
		public readonly array $headers,
		public readonly string $body,
		public readonly float $elapsed_ms
	) {}

	/**
	 * A header's value, or an empty string.
	 *
	 * @param string $name Header name, any case.
	 */
	public function header( string $name ): string {
		return $this->headers[ strtolower( $name ) ] ?? '';
	}

	/**
	 * The body as a JSON object, or null when it is not one (HTML, truncated, empty).
	 *
	 * @return array<string, mixed>|null
	 */
	public function json(): ?array {
		$decoded = json_decode( $this->body, true );
		if ( ! is_array( $decoded ) || array_is_list( $decoded ) && array() !== $decoded ) {
			return null;
		}
		$object = array();
		foreach ( $decoded as $key => $value ) {
			$object[ (string) $key ] = $value;
		}
		return $object;
	}

	/**
	 * The server's clock from its Date header, as a Unix time; null when absent or unreadable.
	 */
	public function server_time(): ?int {
		$date = $this->header( 'date' );
		$time = '' === $date ? false : strtotime( $date );
		return false === $time ? null : $time;
	}

	/**
	 * Seconds to wait from a Retry-After header (delay-seconds or HTTP-date), or null.
	 */
	public function retry_after(): ?int {
		$value = trim( $this->header( 'retry-after' ) );
		if ( '' === $value ) {
			return null;
		}
		if ( ctype_digit( $value ) ) {
			return (int) $value;
		}
		$time = strtotime( $value );
		return false === $time ? null : max( 0, $time - ( $this->server_time() ?? time() ) );
	}

	/**
	 * How many seconds the answer may be cached (Cache-Control max-age; 0 for no-store or no-cache), or null
	 * when it says nothing.
	 */
	public function max_age(): ?int {
		$control = strtolower( $this->header( 'cache-control' ) );
		if ( '' === $control ) {
			return null;
		}
		if ( 1 === preg_match( '/(?:^|,)\s*(?:no-store|no-cache)\s*(?:,|$)/', $control ) ) {
			return 0;
		}
		return 1 === preg_match( '/(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/', $control, $match ) ? (int) $match[1] : null;
	}

	/**
	 * A finding when the answer is not what a server that works sends: 5xx, 429, or not JSON. Null otherwise.
	 *
	 * @param string $url What was called.
	 */
	public function unusable( string $url ): ?Finding {
		$evidence = array(
			'url'         => $url,
			'status'      => $this->status,
			'contentType' => $this->header( 'content-type' ),
			'elapsedMs'   => (int) round( $this->elapsed_ms ),
		);
		if ( 429 === $this->status ) {
			return new Finding( 'rate_limited', $evidence + array( 'retryAfter' => $this->retry_after() ) );
		}
		if ( $this->status >= 500 ) {
			$retry_after = $this->retry_after();
			return new Finding( 'server_error', $evidence + ( null === $retry_after ? array() : array( 'retryAfter' => $retry_after ) ) );
		}
		if ( null === $this->json() ) {
			return new Finding( 'not_json', $evidence );
		}
		return null;
	}
}
