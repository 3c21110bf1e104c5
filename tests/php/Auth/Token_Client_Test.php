<?php
/**
 * Integration tests of discovery and the token endpoint, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Revocation;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Response;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The plugin finds the endpoints, authenticates as RFC 6749 asks, and names every failure.
 */
final class Token_Client_Test extends TestCase {

	/**
	 * Seconds the client waited before each retry, in order.
	 *
	 * @var list<float>
	 */
	private array $waits = array();

	/**
	 * Token endpoint requests that left the site, counted as WordPress sent them.
	 *
	 * @var int
	 */
	private int $sent = 0;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->waits = array();
		$this->sent  = 0;
		add_action( 'http_api_debug', array( $this, 'count_token_request' ), 10, 5 );
	}

	protected function tearDown(): void {
		remove_action( 'http_api_debug', array( $this, 'count_token_request' ), 10 );
		parent::tearDown();
	}

	/**
	 * Counts the requests sent to the token endpoint, whatever the answer; the sandbox's own counters
	 * count only the requests its token handler saw, not those an injected fault answered.
	 *
	 * @param mixed $response HTTP response or error.
	 * @param mixed $context  Always "response".
	 * @param mixed $transport Transport class.
	 * @param mixed $args     Request arguments.
	 * @param mixed $url      Request URL.
	 */
	public function count_token_request( $response, $context, $transport, $args, $url ): void {
		if ( is_string( $url ) && str_ends_with( $url, '/auth/token' ) ) {
			++$this->sent;
		}
	}

	/**
	 * A token client whose waits are recorded instead of slept.
	 *
	 * @param float $timeout Seconds per attempt.
	 */
	private function client( float $timeout = 5 ): Token_Client {
		return new Token_Client(
			new Client_Request( new Http_Client( paused: static fn(): bool => ( new Site_Binding() )->is_paused() ), new Secret_Binding( new Encryption( 'test-key' ) ) ),
			$timeout,
			new Retry_Policy(
				function ( float $seconds ): void {
					$this->waits[] = $seconds;
				}
			)
		);
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
		// The site's own profile: only a local or development profile may reach the sandbox over plain http.
		return new Credentials( 'local', $client_id, $secret, null, '' !== $api_url ? $api_url : Sandbox::url(), $scopes, array() );
	}

	/**
	 * Freshly discovered endpoints of the sandbox.
	 *
	 * @param string $api_url API URL; the sandbox's by default.
	 * @return Endpoints|Finding
	 */
	private function metadata( string $api_url = '' ) {
		return ( new Services() )->discovery->endpoints( $this->credentials( 'wp-production', 'sandbox-production-secret', array( 'read:widget' ), $api_url ), true );
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
		self::assertInstanceOf( Endpoints::class, $metadata );
		return $this->client( $timeout )->client_credentials( $metadata, $credentials ?? $this->credentials() );
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
			'a 503 on every attempt'    => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => '503',
					'count'    => 10,
				),
				'server_error',
			),
			'a 500 on every attempt'    => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'token',
					'mode'     => '500',
					'count'    => 10,
				),
				'server_error',
			),
			'a 429 asking for too long' => array(
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
		if ( 'server_error' === $code ) {
			self::assertSame( array( 1.0, 2.0 ), $this->waits, 'the bounded retries were made' );
			self::assertSame( 3, $result->evidence['attempts'] );
			self::assertSame( 3, $this->sent );
		} else {
			self::assertSame( array(), $this->waits, 'a refusal or a long Retry-After is never retried' );
			self::assertSame( 1, $this->sent );
		}
		if ( 'rate_limited' === $code ) {
			self::assertSame( 42, $result->evidence['retryAfter'] );
		}
		if ( 'invalid_scope' === $code ) {
			// What the wizard lists for the admin to grant.
			self::assertSame( array( 'read:widget' ), $result->evidence['requested'] );
		}
		if ( 'invalid_client' === $code ) {
			self::assertSame( 401, $result->evidence['status'] );
			$challenge = $result->evidence['wwwAuthenticate'];
			self::assertIsString( $challenge );
			self::assertStringStartsWith( 'Basic', $challenge );
		}
	}

	/**
	 * The sandbox's token request counts, per client and method.
	 *
	 * @return array<mixed>
	 */
	private function counted(): array {
		$counters = Sandbox::control( 'GET', '/counters' );
		return is_array( $counters['tokenRequests'] ) ? $counters['tokenRequests'] : array();
	}

	/**
	 * Faults still waiting in the sandbox.
	 *
	 * @return array<mixed>
	 */
	private function pending_faults(): array {
		$state = Sandbox::control( 'GET', '/state' );
		return is_array( $state['faults'] ) ? $state['faults'] : array();
	}

	/**
	 * Passing failures of the token endpoint, and the wait before the retry that gets the token.
	 *
	 * @return array<string, array{array<string, mixed>, float}>
	 */
	public static function passing_failures(): array {
		return array(
			'one 503: the backoff'                 => array(
				array(
					'endpoint' => 'token',
					'mode'     => '503',
				),
				1.0,
			),
			'one 429: the Retry-After it asks for' => array(
				array(
					'endpoint'   => 'token',
					'mode'       => '429',
					'retryAfter' => 2,
				),
				2.0,
			),
		);
	}

	/**
	 * A passing failure of the token endpoint costs one wait and one more request, and the token comes.
	 *
	 * @param array<string, mixed> $fault Fault to inject.
	 * @param float                $wait  Expected wait before the retry.
	 */
	#[DataProvider( 'passing_failures' )]
	public function test_a_passing_failure_is_retried_and_the_token_obtained( array $fault, float $wait ): void {
		Sandbox::control( 'POST', '/faults', $fault );

		$token = $this->token();

		self::assertInstanceOf( Token_Response::class, $token );
		self::assertSame( array( $wait ), $this->waits );
		self::assertSame( 2, $this->sent, 'two token requests left the site' );
		self::assertSame( array(), $this->pending_faults(), 'the first one met the fault' );
		self::assertSame( array( 'wp-production' => array( 'client_secret_basic' => 1 ) ), $this->counted(), 'the second one reached the token handler' );
	}

	public function test_a_refusal_is_never_retried(): void {
		Sandbox::control( 'POST', '/clients/wp-production/secret', array( 'secret' => 'regenerated-in-dashboard' ) );

		$result = $this->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'invalid_client', $result->code );
		self::assertArrayNotHasKey( 'attempts', $result->evidence );
		self::assertSame( array(), $this->waits );
		self::assertSame( array( 'wp-production' => array( 'client_secret_basic' => 1 ) ), $this->counted() );
	}

	public function test_a_refresh_is_retried_like_a_new_grant(): void {
		$metadata = $this->metadata();
		self::assertInstanceOf( Endpoints::class, $metadata );
		$development = $this->credentials( 'wp-development', 'sandbox-development-secret' );
		$first       = $this->client()->client_credentials( $metadata, $development );
		self::assertInstanceOf( Token_Response::class, $first );
		self::assertNotNull( $first->refresh_token );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'token',
				'mode'     => '502',
			)
		);

		$refreshed = $this->client()->refresh( $metadata, $development, $first->refresh_token );

		self::assertInstanceOf( Token_Response::class, $refreshed );
		self::assertSame( array( 1.0 ), $this->waits );
	}

	public function test_a_closed_port_is_a_refused_connection(): void {
		$metadata = $this->metadata( 'http://127.0.0.1:1' );

		self::assertInstanceOf( Finding::class, $metadata );
		self::assertSame( 'connection_refused', $metadata->code );
	}

	public function test_a_token_can_be_revoked(): void {
		$metadata = $this->metadata();
		self::assertInstanceOf( Endpoints::class, $metadata );
		$client = $this->client();
		$token  = $client->client_credentials( $metadata, $this->credentials() );
		self::assertInstanceOf( Token_Response::class, $token );

		self::assertSame( Revocation::Revoked, $client->revoke( $metadata, $this->credentials(), $token->access_token, 'access_token' ) );

		$introspection = wp_remote_post(
			$metadata->introspection_endpoint,
			array(
				'headers' => array( 'Authorization' => 'Basic ' . base64_encode( 'wp-production:sandbox-production-secret' ) ),
				'body'    => array( 'token' => $token->access_token ),
			)
		);
		self::assertSame( '{"active":false}', wp_remote_retrieve_body( $introspection ) );
	}
}
