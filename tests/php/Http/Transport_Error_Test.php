<?php
/**
 * Tests of transport failure classification.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each kind of network failure gets its own code, from cURL's error number or other transports' words.
 */
final class Transport_Error_Test extends TestCase {

	/**
	 * Messages WordPress's HTTP API produces, with the code each must get.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function messages(): array {
		return array(
			'cURL cannot resolve the host' => array( 'cURL error 6: Could not resolve host: api.causerie.example', 'dns_failure' ),
			'cURL connection refused'      => array( 'cURL error 7: Failed to connect to 127.0.0.1 port 1: Connection refused', 'connection_refused' ),
			'cURL timeout'                 => array( 'cURL error 28: Operation timed out after 5001 milliseconds with 0 bytes received', 'timeout' ),
			'cURL bad certificate'         => array( 'cURL error 60: SSL certificate problem: self-signed certificate', 'tls_failure' ),
			'cURL TLS handshake'           => array( 'cURL error 35: OpenSSL SSL_connect: SSL_ERROR_SYSCALL', 'tls_failure' ),
			'streams: no such host'        => array( 'php_network_getaddresses: getaddrinfo for api.causerie.example failed', 'dns_failure' ),
			'streams: refused'             => array( 'stream_socket_client(): Unable to connect (Connection refused)', 'connection_refused' ),
			'anything else'                => array( 'cURL error 56: Recv failure: Connection reset by peer', 'network_error' ),
		);
	}

	#[DataProvider( 'messages' )]
	public function test_each_failure_is_classified( string $message, string $code ): void {
		self::assertSame( $code, Transport_Error::from_message( $message, 12.5 )->code );
	}

	/**
	 * Messages, with the phase of the request each tells of.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function phases(): array {
		return array(
			'cURL connect limit (7.x and 8.x)'        => array( 'cURL error 28: Failed to connect to 10.0.0.1 port 443 after 3001 ms: Timeout was reached', 'connect' ),
			'cURL total limit while connecting'       => array( 'cURL error 28: Connection timed out after 5001 milliseconds', 'connect' ),
			'cURL connect limit, worded as a timeout' => array( 'cURL error 28: Connection timeout after 500 ms', 'connect' ),
			'cURL total limit while waiting'          => array( 'cURL error 28: Operation timed out after 5001 milliseconds with 0 bytes received', 'response' ),
			'a refused connection'                    => array( 'cURL error 7: Failed to connect to 127.0.0.1 port 1: Connection refused', 'connect' ),
			'a name that does not resolve'            => array( 'cURL error 6: Could not resolve host: api.causerie.example', 'connect' ),
			'streams: no answer in time'              => array( 'fsocket timed out', '' ),
		);
	}

	#[DataProvider( 'phases' )]
	public function test_the_phase_of_a_failure_is_told_when_the_words_say_it( string $message, string $phase ): void {
		self::assertSame( $phase, Transport_Error::from_message( $message, 12.5 )->phase() );
	}
}
