<?php
/**
 * Tests of the address policy at request time.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Tests\Credentials\Api_Url_Policy_Test;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProviderExternal;

/**
 * Every request is checked where it goes, whatever was checked when the address was saved: each form of a
 * refused address never leaves, a name is resolved once and its answer checked and pinned, and a name that
 * does not resolve is a DNS failure.
 */
final class Address_Gate_Test extends TestCase {

	/**
	 * URLs that reached WordPress's HTTP API, with their arguments.
	 *
	 * @var list<array{string, array<mixed>}>
	 */
	private array $sent = array();

	/**
	 * The cURL options the client set, in order.
	 *
	 * @var list<array{int, mixed}>
	 */
	private array $options = array();

	/**
	 * The client under test, when hooked in.
	 *
	 * @var Http_Client|null
	 */
	private ?Http_Client $client = null;

	protected function tearDown(): void {
		remove_all_filters( 'pre_http_request' );
		remove_all_filters( 'pre_option_siteurl' );
		if ( null !== $this->client ) {
			remove_action( 'http_api_curl', array( $this->client, 'apply_connect_timeout' ) );
			remove_action( 'http_api_curl', array( $this->client, 'pin_addresses' ) );
		}
		$this->sent    = array();
		$this->options = array();
		parent::tearDown();
	}

	/**
	 * A client whose DNS is the test's, and which answers every request that gets through with a 200.
	 *
	 * @param \Closure|null $resolve The DNS; the fixed table of the save-time tests by default.
	 *
	 * @phpstan-param (\Closure(string): list<string>)|null $resolve
	 */
	private function answering_client( ?\Closure $resolve = null ): Http_Client {
		add_filter(
			'pre_http_request',
			function ( $preempt, $args, $url ) {
				$this->sent[] = array( is_string( $url ) ? $url : '', (array) $args );
				return array(
					'headers'  => array(),
					'body'     => '{}',
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
				);
			},
			10,
			3
		);
		return new Http_Client( Http_Client::DEFAULT_CONNECT_TIMEOUT, null, new Address_Policy( $resolve ?? Api_Url_Policy_Test::dns( ... ) ) );
	}

	#[DataProviderExternal( Api_Url_Policy_Test::class, 'refused_addresses' )]
	public function test_every_form_of_a_refused_address_is_refused_at_request_time( string $url, string $environment, string $code ): void {
		$reasons = array(
			'causerie_url_private'           => Address_Policy::REASON_PRIVATE,
			'causerie_url_ambiguous_address' => Address_Policy::REASON_NUMERIC,
			'causerie_url_insecure'          => Address_Policy::REASON_INSECURE,
			'causerie_url_invalid'           => Address_Policy::REASON_INVALID,
		);

		$result = $this->answering_client()->request( 'POST', $url . '/auth/token', array( 'Authorization' => 'Basic c2VjcmV0' ), 'grant_type=client_credentials', profile: $environment );

		self::assertInstanceOf( Transport_Error::class, $result );
		self::assertSame( 'address_refused', $result->code );
		self::assertSame( $reasons[ $code ], $result->finding( $url )->evidence['reason'] );
		self::assertSame( array(), $this->sent, 'nothing was sent' );
	}

	public function test_the_stricter_of_the_site_and_the_profile_applies(): void {
		$client = $this->answering_client();

		$as_site    = $client->request( 'GET', 'https://10.0.0.5/v1/me' );
		$as_profile = $client->request( 'GET', 'https://10.0.0.5/v1/me', profile: 'production' );

		self::assertInstanceOf( Response::class, $as_site, 'a local site may reach a private address' );
		self::assertInstanceOf( Transport_Error::class, $as_profile, 'production credentials may not' );
		self::assertSame( 'address_refused', $as_profile->code );
		self::assertCount( 1, $this->sent );
	}

	public function test_a_name_that_does_not_resolve_is_a_dns_failure_and_sends_nothing(): void {
		$result = $this->answering_client()->request( 'GET', 'https://not-yet.causerie.example/v1/me' );

		self::assertInstanceOf( Transport_Error::class, $result );
		self::assertSame( 'dns_failure', $result->code );
		self::assertSame( 'connect', $result->phase() );
		self::assertSame( array(), $this->sent );
	}

	public function test_a_name_is_resolved_at_each_request_and_pinned_to_the_address_checked(): void {
		$answers = array( array( '93.184.215.14' ), array( '169.254.169.254' ) );
		$client  = $this->answering_client(
			static function () use ( &$answers ): array {
				return (array) array_shift( $answers );
			}
		);

		$first  = $client->request( 'GET', 'https://rebind.causerie.example/v1/me', profile: 'production' );
		$second = $client->request( 'GET', 'https://rebind.causerie.example/v1/me', profile: 'production' );

		self::assertInstanceOf( Response::class, $first );
		self::assertCount( 1, $this->sent );
		self::assertSame( 'rebind.causerie.example:443:93.184.215.14', $this->sent[0][1][ Http_Client::PIN_ARG ] );
		self::assertInstanceOf( Transport_Error::class, $second, 'the name now leads to the metadata address' );
		self::assertSame( 'address_refused', $second->code );
		self::assertSame( '169.254.169.254', $second->finding( '' )->evidence['address'] );
	}

	public function test_cURL_connects_to_the_pinned_address_not_to_what_dns_says(): void {
		$this->client = new Http_Client(
			Http_Client::DEFAULT_CONNECT_TIMEOUT,
			function ( \CurlHandle $handle, int $option, mixed $value ): void {
				$this->options[] = array( $option, $value );
				curl_setopt( $handle, $option, $value );
			}
		);
		$this->client->register();
		$port = (int) wp_parse_url( Sandbox::url(), PHP_URL_PORT );

		// A name no DNS knows: only the pin can take the request to the sandbox. The test site blocks external
		// hosts (WP_HTTP_BLOCK_EXTERNAL) but its own, which this name becomes for the test.
		add_filter( 'pre_option_siteurl', static fn(): string => 'http://causerie-pinned.invalid' );
		$response = wp_remote_get(
			'http://causerie-pinned.invalid:' . $port . '/.well-known/oauth-authorization-server',
			array( Http_Client::PIN_ARG => 'causerie-pinned.invalid:' . $port . ':127.0.0.1' )
		);

		self::assertSame( 200, wp_remote_retrieve_response_code( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		self::assertContains( array( CURLOPT_RESOLVE, array( 'causerie-pinned.invalid:' . $port . ':127.0.0.1' ) ), $this->options );
	}

	public function test_the_sandbox_on_loopback_stays_reachable_from_a_local_site(): void {
		$result = ( new Http_Client() )->request( 'GET', Sandbox::url() . '/.well-known/oauth-authorization-server' );

		self::assertInstanceOf( Response::class, $result );
		self::assertSame( 200, $result->status );
	}
}
