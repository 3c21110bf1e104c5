<?php
/**
 * Tests of metadata that points the plugin's credentials elsewhere.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Metadata_Fetcher;
use Causerie\Connector\Auth\Resource_Discovery;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Tests\Credentials\Api_Url_Policy_Test;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * An endpoint named by metadata gets the secret only where the API address's own rule allows: over https
 * beside an https API, on the issuer's own origin when the metadata came over plain http, and never at an
 * address the policy refuses. In each case nothing reaches the hostile address and the diagnosis names it.
 */
final class Hostile_Metadata_Test extends TestCase {

	private const API = 'https://api.causerie.example';

	/**
	 * Requests that reached WordPress's HTTP API in the https fixture: URL and arguments.
	 *
	 * @var list<array{string, array<mixed>}>
	 */
	private array $sent = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	protected function tearDown(): void {
		remove_all_filters( 'pre_http_request' );
		$this->sent = array();
		Sandbox::reset();
		parent::tearDown();
	}

	/**
	 * Endpoints the sandbox's metadata may point to another server.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function moved_endpoints(): array {
		return array(
			'the token endpoint'         => array( 'token_endpoint', '/auth/token' ),
			'the revocation endpoint'    => array( 'revocation_endpoint', '/auth/revoke' ),
			'the introspection endpoint' => array( 'introspection_endpoint', '/auth/introspect' ),
			'the signing keys'           => array( 'jwks_uri', '/auth/jwks.json' ),
		);
	}

	#[DataProvider( 'moved_endpoints' )]
	public function test_plain_http_metadata_that_points_to_another_port_is_refused_and_nothing_reaches_it( string $field, string $path ): void {
		$listener = Sandbox::split()[0];
		Sandbox::control( 'PUT', '/modes', array( 'metadataOverrides' => array( $field => $listener . $path ) ) );
		$credentials = new Credentials( 'local', 'wp-development', 'sandbox-development-secret', null, Sandbox::url(), array( 'read:widget' ), array() );

		$verified = ( new Services() )->verifier->verify( $credentials );

		self::assertInstanceOf( Finding::class, $verified );
		self::assertSame( 'address_refused', $verified->code );
		self::assertSame( $field, $verified->evidence['field'] );
		self::assertSame( 'cross_origin', $verified->evidence['reason'] );
		self::assertSame( $listener . $path, $verified->evidence['url'] );
		self::assertSame( 0, array_sum( Sandbox::requests( $listener ) ), 'nothing reached the other port' );
		self::assertSame( 0, Sandbox::token_requests(), 'no token was asked for at all' );
	}

	/**
	 * Token endpoints hostile metadata served over https may name, with what refuses each.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function hostile_token_endpoints(): array {
		return array(
			'the cloud metadata address'     => array( 'https://169.254.169.254/token', 'private', '169.254.169.254' ),
			'the same, IPv4-mapped'          => array( 'https://[::ffff:a9fe:a9fe]/token', 'private', '::ffff:169.254.169.254' ),
			'the same, as a decimal integer' => array( 'https://2852039166/token', 'ambiguous_number', '2852039166' ),
			'a name resolving to a LAN host' => array( 'https://internal.causerie.example/token', 'private', '10.1.2.3' ),
			'plain http beside an https API' => array( 'http://api.causerie.example:8080/token', 'insecure', '' ),
			'this computer over plain http'  => array( 'http://127.0.0.1:9/token', 'insecure', '' ),
		);
	}

	#[DataProvider( 'hostile_token_endpoints' )]
	public function test_https_metadata_never_sends_the_secret_to_a_refused_address( string $token_endpoint, string $reason, string $address ): void {
		$http        = $this->https_fixture( $token_endpoint );
		$documents   = new Metadata_Fetcher( $http );
		$credentials = new Credentials( 'production', 'wp-production', 'the-production-secret', null, self::API, array( 'read:widget' ), array() );

		$endpoints = ( new Discovery( $documents, new Resource_Discovery( $http, $documents ) ) )->endpoints( $credentials, true );
		$token     = $endpoints instanceof Endpoints ? ( new Token_Client( new Client_Request( $http, new Secret_Binding( new Encryption( 'test-key' ) ) ) ) )->client_credentials( $endpoints, $credentials ) : $endpoints;

		self::assertInstanceOf( Finding::class, $token );
		self::assertSame( 'address_refused', $token->code );
		self::assertSame( $reason, $token->evidence['reason'] );
		self::assertSame( $token_endpoint, $token->evidence['url'] );
		if ( '' !== $address ) {
			self::assertSame( $address, $token->evidence['address'] );
		}
		foreach ( $this->sent as list( $url, $args ) ) {
			self::assertStringStartsWith( self::API . '/', $url, 'only the API was asked anything' );
			self::assertArrayNotHasKey( 'Authorization', (array) ( $args['headers'] ?? array() ) );
			self::assertStringNotContainsString( 'the-production-secret', (string) wp_json_encode( $args ) );
		}
	}

	public function test_plain_http_beside_an_https_api_is_refused_even_to_this_computer_on_a_local_site(): void {
		$http        = $this->https_fixture( 'http://127.0.0.1:9/token' );
		$documents   = new Metadata_Fetcher( $http );
		$credentials = new Credentials( 'local', 'wp-development', 'the-development-secret', null, self::API, array( 'read:widget' ), array() );

		$endpoints = ( new Discovery( $documents, new Resource_Discovery( $http, $documents ) ) )->endpoints( $credentials, true );

		self::assertInstanceOf( Finding::class, $endpoints, 'the address policy alone would let a local site reach 127.0.0.1' );
		self::assertSame( 'address_refused', $endpoints->code );
		self::assertSame( 'token_endpoint', $endpoints->evidence['field'] );
		self::assertSame( 'insecure', $endpoints->evidence['reason'] );
	}

	public function test_https_metadata_may_name_endpoints_on_another_https_origin(): void {
		$http        = $this->https_fixture( 'https://login.causerie.example/oauth/token' );
		$documents   = new Metadata_Fetcher( $http );
		$credentials = new Credentials( 'production', 'wp-production', 'the-production-secret', null, self::API, array( 'read:widget' ), array() );

		$endpoints = ( new Discovery( $documents, new Resource_Discovery( $http, $documents ) ) )->endpoints( $credentials, true );

		self::assertInstanceOf( Endpoints::class, $endpoints, 'RFC 8414 lets validated metadata over https point elsewhere' );
		self::assertSame( 'https://login.causerie.example/oauth/token', $endpoints->token_endpoint );
	}

	/**
	 * An HTTP client whose DNS is the test's, over an API at https://api.causerie.example that publishes no
	 * resource metadata and serves authorization server metadata naming this token endpoint. Every request that
	 * gets through is recorded; anything else answers 200 with a token, as a listener would.
	 *
	 * @param string $token_endpoint The token endpoint the metadata names.
	 */
	private function https_fixture( string $token_endpoint ): Http_Client {
		$metadata = array(
			'issuer'                                => self::API,
			'token_endpoint'                        => $token_endpoint,
			'token_endpoint_auth_methods_supported' => array( 'client_secret_basic' ),
		);
		add_filter(
			'pre_http_request',
			function ( $preempt, $args, $url ) use ( $metadata ) {
				$url          = is_string( $url ) ? $url : '';
				$this->sent[] = array( $url, (array) $args );
				$answer       = match ( $url ) {
					self::API . '/.well-known/oauth-authorization-server' => array( 200, (string) wp_json_encode( $metadata ) ),
					self::API . '/v1/me' => array( 401, '' ),
					default => str_contains( $url, '/.well-known/' ) ? array( 404, '' ) : array( 200, '{"access_token":"leaked","token_type":"Bearer"}' ),
				};
				return array(
					'headers'  => array( 'content-type' => 'application/json' ),
					'body'     => $answer[1],
					'response' => array(
						'code'    => $answer[0],
						'message' => '',
					),
					'cookies'  => array(),
				);
			},
			10,
			3
		);
		return new Http_Client( Http_Client::DEFAULT_CONNECT_TIMEOUT, null, new Address_Policy( Api_Url_Policy_Test::dns( ... ) ) );
	}
}
