<?php
/**
 * Integration tests of discovery and the token endpoint, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Server_Metadata;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Response;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The plugin finds the endpoints, authenticates as RFC 6749 asks, and names every failure.
 */
final class Token_Client_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Credentials for the sandbox.
	 *
	 * @param string   $client_id Client id.
	 * @param string   $secret    Client secret.
	 * @param string[] $scopes    Scopes to request.
	 * @param string   $api_url   API URL; the sandbox's by default.
	 *
	 * @phpstan-param list<string> $scopes
	 */
	private function credentials( string $client_id = 'wp-production', string $secret = 'sandbox-production-secret', array $scopes = array( 'read:widget' ), string $api_url = '' ): Credentials {
		return new Credentials( 'production', $client_id, $secret, null, '' !== $api_url ? $api_url : Sandbox::url(), $scopes, array() );
	}

	/**
	 * Fresh metadata from the sandbox.
	 *
	 * @param string $api_url API URL; the sandbox's by default.
	 * @return Server_Metadata|Finding
	 */
	private function metadata( string $api_url = '' ) {
		return ( new Discovery( new Http_Client() ) )->metadata( '' !== $api_url ? $api_url : Sandbox::url(), true );
	}

	/**
	 * A token request with fresh metadata.
	 *
	 * @param Credentials|null $credentials Who asks; the production client by default.
	 * @param float            $timeout     Seconds.
	 * @return Token_Response|Finding
	 */
	private function token( ?Credentials $credentials = null, float $timeout = 5 ) {
		$metadata = $this->metadata();
		self::assertInstanceOf( Server_Metadata::class, $metadata );
		return ( new Token_Client( new Http_Client(), $timeout ) )->client_credentials( $metadata, $credentials ?? $this->credentials() );
	}

	public function test_the_endpoints_come_from_the_published_metadata(): void {
		$metadata = $this->metadata();

		self::assertInstanceOf( Server_Metadata::class, $metadata );
		self::assertTrue( $metadata->published );
		self::assertSame( Sandbox::url() . '/auth/token', $metadata->token_endpoint );
		self::assertSame( Sandbox::url() . '/auth/revoke', $metadata->revocation_endpoint );
	}

	public function test_the_well_known_segment_goes_before_an_issuer_path(): void {
		self::assertSame( 'https://a.example/.well-known/oauth-authorization-server', Discovery::well_known_url( 'https://a.example' ) );
		self::assertSame( 'https://a.example/.well-known/oauth-authorization-server/tenant/1', Discovery::well_known_url( 'https://a.example/tenant/1' ) );
	}

	public function test_metadata_naming_another_issuer_is_refused(): void {
		$metadata = $this->metadata( str_replace( '127.0.0.1', 'localhost', Sandbox::url() ) );

		self::assertInstanceOf( Finding::class, $metadata );
		self::assertSame( 'metadata_invalid', $metadata->code );
		self::assertSame( Sandbox::url(), $metadata->evidence['issuer'] );
	}

	public function test_a_token_is_granted_with_the_requested_scope_and_the_server_time(): void {
		$token = $this->token();

		self::assertInstanceOf( Token_Response::class, $token );
		self::assertSame( array( 'read:widget' ), $token->scopes );
		self::assertSame( 3600, $token->expires_in );
		self::assertNotNull( $token->server_time );
		self::assertLessThan( 5, abs( $token->server_time - time() ) );
		$counters = Sandbox::control( 'GET', '/counters' );
		self::assertSame( array( 'wp-production' => array( 'client_secret_basic' => 1 ) ), $counters['tokenRequests'] );
	}

	public function test_basic_credentials_are_form_urlencoded_before_base64(): void {
		Sandbox::control(
			'POST',
			'/clients',
			array(
				'id'          => 'odd.client',
				'secret'      => 'p+ss w:rd/é&=%',
				'scopes'      => array( 'read:widget' ),
				'environment' => 'production',
			)
		);

		$token = $this->token( $this->credentials( 'odd.client', 'p+ss w:rd/é&=%' ) );

		self::assertInstanceOf( Token_Response::class, $token );
	}

	/**
	 * Authentication methods a server may limit itself to.
	 *
	 * @return array<string, array{string}>
	 */
	public static function auth_methods(): array {
		return array(
			'client_secret_post only'                => array( 'client_secret_post' ),
			'the JSON body of the public guide only' => array( 'client_secret_json' ),
		);
	}

	#[DataProvider( 'auth_methods' )]
	public function test_the_client_falls_back_to_the_method_the_metadata_names( string $method ): void {
		Sandbox::control( 'PUT', '/auth-methods', array( 'methods' => array( $method ) ) );

		self::assertInstanceOf( Token_Response::class, $this->token() );
		self::assertSame( array( 'wp-production' => array( $method => 1 ) ), Sandbox::control( 'GET', '/counters' )['tokenRequests'] );
	}

	/**
	 * Failures of the token endpoint, the fault or change that causes each, and the code it must get.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|null, string}>
	 */
	public static function failures(): array {
		return array(
			'a wrong secret'            => array( 'POST', '/clients/wp-production/secret', array( 'secret' => 'regenerated-in-dashboard' ), 'invalid_client' ),
			'a scope no longer granted' => array( 'PATCH', '/clients/wp-production', array( 'scopes' => array( 'read:conversations' ) ), 'invalid_scope' ),
			'a 503'                     => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => '503',
				),
				'server_error',
			),
			'a 500'                     => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => '500',
				),
				'server_error',
			),
			'a 429'                     => array(
				'POST',
				'/faults',
				array(
					'endpoint'   => 'token',
					'mode'       => '429',
					'retryAfter' => 42,
				),
				'rate_limited',
			),
			'an HTML page'              => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => 'html',
				),
				'not_json',
			),
			'truncated JSON'            => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => 'truncated',
				),
				'not_json',
			),
			'a hang'                    => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => 'hang',
				),
				'timeout',
			),
		);
	}

	/**
	 * Each failure is named by its own code, with evidence and never the secret.
	 *
	 * @param string                    $method HTTP method of the control call.
	 * @param string                    $path   Control path.
	 * @param array<string, mixed>|null $body   Control body.
	 * @param string                    $code   Expected diagnosis code.
	 */
	#[DataProvider( 'failures' )]
	public function test_each_failure_gets_its_own_code( string $method, string $path, ?array $body, string $code ): void {
		Sandbox::control( $method, $path, $body );

		$result = $this->token( null, 1 );

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( $code, $result->code );
		self::assertStringNotContainsString( 'sandbox-production-secret', (string) wp_json_encode( $result->evidence ) );
		if ( 'rate_limited' === $code ) {
			self::assertSame( 42, $result->evidence['retryAfter'] );
		}
		if ( 'invalid_client' === $code ) {
			self::assertSame( 401, $result->evidence['status'] );
			$challenge = $result->evidence['wwwAuthenticate'];
			self::assertIsString( $challenge );
			self::assertStringStartsWith( 'Basic', $challenge );
		}
	}

	public function test_a_closed_port_is_a_refused_connection(): void {
		$metadata = $this->metadata( 'http://127.0.0.1:1' );

		self::assertInstanceOf( Finding::class, $metadata );
		self::assertSame( 'connection_refused', $metadata->code );
	}

	public function test_a_token_can_be_revoked(): void {
		$metadata = $this->metadata();
		self::assertInstanceOf( Server_Metadata::class, $metadata );
		$client = new Token_Client( new Http_Client() );
		$token  = $client->client_credentials( $metadata, $this->credentials() );
		self::assertInstanceOf( Token_Response::class, $token );

		self::assertTrue( $client->revoke( $metadata, $this->credentials(), $token->access_token, 'access_token' ) );

		$introspection = wp_remote_post(
			$metadata->introspection_endpoint,
			array(
				'headers' => array( 'Authorization' => 'Basic ' . base64_encode( 'wp-production:sandbox-production-secret' ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
				'body'    => array( 'token' => $token->access_token ),
			)
		);
		self::assertSame( '{"active":false}', wp_remote_retrieve_body( $introspection ) );
	}
}
