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
}
