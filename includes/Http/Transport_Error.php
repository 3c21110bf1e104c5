<?php
/**
 * A request that got no HTTP answer.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

use Causerie\Connector\Diagnosis\Finding;

/**
 * DNS, refused connection, timeout, TLS or another network failure, each with its own diagnosis code; or a
 * request the plugin would not send (an address the policy refuses, or any while the connection is paused on
 * this copy of the site) or an answer it would not read (too large).
 */
final class Transport_Error {

	public const PHASE_CONNECT  = 'connect';
	public const PHASE_RESPONSE = 'response';

	/**
	 * Constructor.
	 *
	 * @param string               $code       Diagnosis code: dns_failure, connection_refused, timeout, tls_failure,
	 *                                         network_error, address_refused, response_too_large
	 *                                         or connection_paused.
	 * @param string               $detail     The transport's own message, for the event log and support.
	 * @param float                $elapsed_ms Time until the failure.
	 * @param array<string, mixed> $evidence   More for the diagnosis.
	 */
	public function __construct(
		public readonly string $code,
		public readonly string $detail,
		public readonly float $elapsed_ms,
		public readonly array $evidence = array()
	) {}

	/**
	 * A request the address policy refused; a name that does not resolve is a DNS failure, as cURL would say.
	 *
	 * @param array{reason: string, address: string} $refusal    Why, and which host or address.
	 * @param float                                  $elapsed_ms Time the check took.
	 */
	public static function refused( array $refusal, float $elapsed_ms ): self {
		if ( Address_Policy::REASON_UNRESOLVED === $refusal['reason'] ) {
			return new self( 'dns_failure', 'Could not resolve host: ' . $refusal['address'], $elapsed_ms );
		}
		return new self( 'address_refused', 'The address policy refused this address (' . $refusal['reason'] . ').', $elapsed_ms, $refusal );
	}

	/**
	 * An answer that reached the size limit: what was read is cut short, so none of it is used.
	 *
	 * @param int   $max_bytes  The limit.
	 * @param float $elapsed_ms Time until the answer.
	 */
	public static function too_large( int $max_bytes, float $elapsed_ms ): self {
		return new self( 'response_too_large', 'The answer reached the ' . $max_bytes . '-byte limit and was not read further.', $elapsed_ms, array( 'limitBytes' => $max_bytes ) );
	}

	/**
	 * Whether the failure came while connecting or while waiting for the answer, when the words say so.
	 * cURL's connect limit says "Failed to connect … Timeout was reached" or "Connection timed out";
	 * a server that accepted the connection and never answered gives "Operation timed out … bytes received".
	 *
	 * @return string PHASE_CONNECT, PHASE_RESPONSE, or an empty string when the message does not tell.
	 */
	public function phase(): string {
		return match ( true ) {
			in_array( $this->code, array( 'dns_failure', 'connection_refused' ), true ) => self::PHASE_CONNECT,
			1 === preg_match( '/failed to connect|connection time(?:d )?out|unable to connect/i', $this->detail ) => self::PHASE_CONNECT,
			1 === preg_match( '/bytes received|operation timed out/i', $this->detail ) => self::PHASE_RESPONSE,
			default => '',
		};
	}

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

	/**
	 * The diagnosis of this failure.
	 *
	 * @param string $url What was called.
	 */
	public function finding( string $url ): Finding {
		$evidence = array(
			'url'       => $url,
			'detail'    => $this->detail,
			'elapsedMs' => (int) round( $this->elapsed_ms ),
		) + $this->evidence;
		if ( '' !== $this->phase() ) {
			$evidence['phase'] = $this->phase();
		}
		return new Finding( $this->code, $evidence );
	}
}
