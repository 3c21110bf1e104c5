<?php
/**
 * Integration tests of the connect timeout of outbound HTTP.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The plugin's requests get a connect timeout of their own, never above the total one; other requests
 * made through WordPress are left alone; an API that never accepts the connection is a connect timeout.
 */
final class Http_Client_Test extends TestCase {

	/**
	 * The cURL options the client under test set, as option => value, in order.
	 *
	 * @var list<array{int, mixed}>
	 */
	private array $options = array();

	/**
	 * The client under test, hooked in.
	 *
	 * @var Http_Client|null
	 */
	private ?Http_Client $client = null;

	/**
	 * Sockets of the black hole: a listener whose accept queue is full, and what fills it.
	 *
	 * @var list<resource>
	 */
	private array $sockets = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	protected function tearDown(): void {
		if ( null !== $this->client ) {
			remove_action( 'http_api_curl', array( $this->client, 'apply_connect_timeout' ) );
			remove_action( 'http_api_curl', array( $this->client, 'pin_addresses' ) );
		}
		foreach ( $this->sockets as $socket ) {
			fclose( $socket );
		}
		$this->sockets = array();
		$this->options = array();
		parent::tearDown();
	}

	/**
	 * A client whose cURL options are recorded as they are set, registered as the plugin registers it.
	 *
	 * @param float $connect_timeout Seconds.
	 */
	private function client( float $connect_timeout = Http_Client::DEFAULT_CONNECT_TIMEOUT ): Http_Client {
		$this->client = new Http_Client(
			$connect_timeout,
			function ( \CurlHandle $handle, int $option, mixed $value ): void {
				$this->options[] = array( $option, $value );
				curl_setopt( $handle, $option, $value );
			}
		);
		$this->client->register();
		return $this->client;
	}

	/**
	 * A loopback address that takes no new connection: the listener's accept queue (backlog 0) is filled
	 * by connections nobody accepts, so the kernel drops further SYNs, as a firewall that drops packets does.
	 *
	 * @return string host:port
	 */
	private function black_hole(): string {
		$context  = stream_context_create( array( 'socket' => array( 'backlog' => 0 ) ) );
		$listener = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $error, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context );
		self::assertIsResource( $listener, (string) $error );
		$this->sockets[] = $listener;
		$address         = (string) stream_socket_get_name( $listener, false );
		for ( $i = 0; $i < 4; $i++ ) {
			$filler = stream_socket_client( 'tcp://' . $address, $errno, $error, 1, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT );
			self::assertIsResource( $filler, (string) $error );
			$this->sockets[] = $filler;
		}
		return $address;
	}

	public function test_an_api_that_never_accepts_the_connection_fails_in_the_connect_phase(): void {
		$result = $this->client( 0.5 )->request( 'GET', 'http://' . $this->black_hole() . '/.well-known/oauth-authorization-server', array(), null, 5 );

		self::assertInstanceOf( Transport_Error::class, $result );
		self::assertSame( 'timeout', $result->code );
		self::assertSame( 'connect', $result->phase(), $result->detail );
		self::assertSame( array( array( CURLOPT_CONNECTTIMEOUT_MS, 500 ) ), $this->options );
		$finding = $result->finding( 'http://blackhole.test' );
		self::assertSame( 'connect', $finding->evidence['phase'] );
	}

	public function test_a_server_that_accepts_and_never_answers_fails_in_the_response_phase(): void {
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'metadata',
				'mode'     => 'hang',
			)
		);

		$result = $this->client()->request( 'GET', Sandbox::url() . '/.well-known/oauth-authorization-server', array(), null, 1 );

		self::assertInstanceOf( Transport_Error::class, $result );
		self::assertSame( 'timeout', $result->code );
		self::assertSame( 'response', $result->phase() );
	}

	public function test_the_connect_timeout_is_the_default_for_an_interactive_call(): void {
		$result = $this->client()->request( 'GET', Sandbox::url() . '/.well-known/oauth-authorization-server' );

		self::assertInstanceOf( Response::class, $result );
		self::assertSame( array( array( CURLOPT_CONNECTTIMEOUT_MS, Http_Client::DEFAULT_CONNECT_TIMEOUT * 1000 ) ), $this->options );
	}

	public function test_the_connect_timeout_never_exceeds_the_total_timeout(): void {
		$this->client( 3 )->request( 'GET', Sandbox::url() . '/.well-known/oauth-authorization-server', array(), null, 1.5 );

		self::assertSame( array( array( CURLOPT_CONNECTTIMEOUT_MS, 1500 ) ), $this->options );
	}

	public function test_requests_the_plugin_did_not_send_are_left_alone(): void {
		$this->client( 0.5 );

		$response = wp_remote_get( Sandbox::url() . '/.well-known/oauth-authorization-server' );

		self::assertSame( 200, wp_remote_retrieve_response_code( $response ) );
		self::assertSame( array(), $this->options );
	}
}
