<?php
/**
 * A request that got no HTTP answer.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

/**
 * DNS, refused connection, timeout, TLS or another network failure, each with its own diagnosis code.
 */
final class Transport_Error {

	/**
	 * Constructor.
	 *
	 * @param string $code       Diagnosis code: dns_failure, connection_refused, timeout, tls_failure or network_error.
	 * @param string $detail     The transport's own message, for the event log and support.
	 * @param float  $elapsed_ms Time until the failure.
	 */
	public function __construct(
		public readonly string $code,
		public readonly string $detail,
		public readonly float $elapsed_ms
	) {}

	/**
	 * Classifies a WordPress HTTP error by the cURL error number, or the words of other transports.
	 *
	 * @param string $message    WP_Error message from the HTTP API.
	 * @param float  $elapsed_ms Time until the failure.
	 */
	public static function from_message( string $message, float $elapsed_ms ): self {
		$curl = 1 === preg_match( '/cURL error (\d+)/', $message, $match ) ? (int) $match[1] : 0;
		$code = match ( true ) {
			6 === $curl || 1 === preg_match( '/resolve|getaddrinfo|name or service/i', $message ) => 'dns_failure',
			7 === $curl || 1 === preg_match( '/refused/i', $message ) => 'connection_refused',
			28 === $curl || 1 === preg_match( '/timed? ?out/i', $message ) => 'timeout',
			in_array( $curl, array( 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91 ), true ) || 1 === preg_match( '/ssl|tls|certificate/i', $message ) => 'tls_failure',
			default => 'network_error',
		};
		return new self( $code, $message, $elapsed_ms );
	}
}
