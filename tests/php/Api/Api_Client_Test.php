<?php
/**
 * Integration tests of the API request helper, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Api;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Calls recover from a dead token once, name a missing scope, and retry the API's own failures with a bound.
 */
final class Api_Client_Test extends TestCase {

	/**
	 * Seconds the client waited, in order.
	 *
	 * @var list<float>
	 */
	private array $waits = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->waits = array();
	}

	/**
	 * A client for a sandbox client, with waits recorded instead of slept.
	 *
	 * @param string   $client_id Sandbox client.
	 * @param string   $secret    Its secret.
	 * @param string[] $scopes    Scopes to request.
	 */
	private function client( string $client_id = 'wp-production', string $secret = 'sandbox-production-secret', array $scopes = Credential_Store::REQUIRED_SCOPES ): Api_Client {
		$credentials = new Credential_Store( new Encryption( 'test-key' ), new Overrides( static fn() => null, static fn() => null ) );
		$credentials->save(
			$credentials->active_environment(),
			array(
				'clientId'     => $client_id,
				'clientSecret' => $secret,
				'apiUrl'       => Sandbox::url(),
				'scopes'       => $scopes,
			)
		);
		$http   = new Http_Client();
		$tokens = new Token_Manager( $credentials, new Discovery( $http ), new Token_Client( $http ), new Token_Store( new Encryption( 'test-key' ) ), new Lock(), new Site_Binding() );
		return new Api_Client(
			$tokens,
			$credentials,
			$http,
			new Retry_Policy(
				function ( float $seconds ): void {
					$this->waits[] = $seconds;
				}
			)
		);
	}

	/**
	 * How many token requests the sandbox received in all.
	 */
	private function token_requests(): int {
		$counters = Sandbox::control( 'GET', '/counters' );
		$total    = 0;
		foreach ( (array) $counters['tokenRequests'] as $methods ) {
			$total += array_sum( (array) $methods );
		}
		return (int) $total;
	}

	public function test_a_call_returns_the_json_answer(): void {
		$response = $this->client()->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 200, $response->status );
		self::assertIsArray( $response->data );
		self::assertSame( 'production', $response->data['environment'] );
	}

	public function test_a_body_is_sent_as_json(): void {
		$response = $this->client()->request(
			'POST',
			'/v1/knowledge/documents',
			array(
				'title'   => 'Hours',
				'content' => '9 to 5',
			)
		);

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 201, $response->status );
	}

	/**
	 * What kills the token in hand, without touching the credentials.
	 *
	 * @return array<string, array{string, array<string, mixed>|null}>
	 */
	public static function dead_tokens(): array {
		return array(
			'revoked'             => array( '/clients/wp-production/revoke', null ),
			'expired'             => array( '/clients/wp-production/expire', null ),
			'signing key rotated' => array( '/keys/rotate', array( 'keepOld' => false ) ),
		);
	}

	/**
	 * A 401 invalid_token is recovered from by one new token and one retry.
	 *
	 * @param string                    $path Control path that kills the token.
	 * @param array<string, mixed>|null $body Its body.
	 */
	#[DataProvider( 'dead_tokens' )]
	public function test_a_dead_token_is_replaced_once_and_the_call_retried( string $path, ?array $body ): void {
		$client = $this->client();
		self::assertInstanceOf( Api_Response::class, $client->request( 'GET', '/v1/me' ) );
		Sandbox::control( 'POST', $path, $body ?? array() );

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 2, $this->token_requests() );
	}

	public function test_when_the_new_token_is_refused_too_the_cause_is_named(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control( 'POST', '/clients/wp-production/revoke', array() );
		Sandbox::control( 'POST', '/clients/wp-production/secret', array( 'secret' => 'regenerated-in-dashboard' ) );

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'invalid_client', $response->code );
		self::assertSame( 2, $this->token_requests(), 'one renewal, no loop' );
	}

	public function test_a_missing_scope_is_named_and_remembered(): void {
		$response = $this->client( 'wp-widget-only', 'sandbox-widget-only-secret', array( 'read:widget' ) )->request( 'GET', '/v1/conversations' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'insufficient_scope', $response->code );
		self::assertSame( 'read:conversations', $response->evidence['scope'] );
		self::assertSame( array( 'read:conversations' ), get_option( Api_Client::MISSING_SCOPES_OPTION ) );
	}

	public function test_server_errors_are_retried_with_backoff_then_succeed(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'api',
				'mode'     => '503',
				'count'    => 2,
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( array( 1.0, 2.0 ), $this->waits );
	}

	public function test_retry_after_is_honoured_within_the_bound(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint'   => 'api',
				'mode'       => '429',
				'retryAfter' => 3,
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( array( 3.0 ), $this->waits );
	}

	public function test_a_retry_after_beyond_the_bound_is_reported_instead_of_waited_for(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint'   => 'api',
				'mode'       => '429',
				'retryAfter' => 3,
			)
		);
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint'   => 'api',
				'mode'       => '429',
				'retryAfter' => 600,
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'rate_limited', $response->code );
		self::assertSame( 600, $response->evidence['retryAfter'] );
		self::assertSame( array( 3.0 ), $this->waits, 'the total wait stays within 5 s' );
	}

	public function test_retries_stop_after_the_bound_and_the_failure_is_named(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'api',
				'mode'     => '502',
				'count'    => 10,
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'server_error', $response->code );
		self::assertSame( array( 1.0, 2.0 ), $this->waits );
	}
}
