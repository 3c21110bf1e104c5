<?php
/**
 * An HTTP answer from the API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

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
}
