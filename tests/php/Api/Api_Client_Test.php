<?php
/**
 * Integration tests of the API request helper, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Api;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Calls recover from a dead token once and say what they healed, name a missing scope, and retry the API's
 * own failures with a bound. Causes come from what can be checked, never from the server's words.
 */
final class Api_Client_Test extends TestCase {

	/**
	 * The services of the last client made.
	 *
	 * @var Services
	 */
	private Services $services;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * A client for a sandbox client, with waits recorded instead of slept.
	 *
	 * @param string   $client_id Sandbox client.
	 * @param string[] $scopes    Scopes to request.
	 */
	private function client( string $client_id = 'wp-production', array $scopes = Scopes::REQUIRED ): Api_Client {
		$this->services = ( new Services() )->connect( Sandbox::credentials( $client_id ) + array( 'scopes' => $scopes ) );
		return $this->services->api;
	}

	/**
	 * How many token requests the sandbox received in all.
	 */
	private function token_requests(): int {
		return Sandbox::token_requests();
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
	 * What kills the token in hand, without touching the credentials, and what the client must call it.
	 *
	 * @return array<string, array{string, array<string, mixed>|null, string}>
	 */
	public static function dead_tokens(): array {
		return array(
			'revoked'                       => array( '/clients/wp-production/revoke', null, 'token_revoked' ),
			'withdrawn before its expiry'   => array( '/clients/wp-production/expire', null, 'token_revoked' ),
			'signing key rotated'           => array( '/keys/rotate', array( 'keepOld' => false ), 'signing_key_unknown' ),
			'every key and token forgotten' => array( '/reset', array( 'full' => true ), 'signing_key_unknown' ),
		);
	}

	/**
	 * A refused token is replaced once, the call retried, and the cause named from the evidence.
	 *
	 * @param string                    $path  Control path that kills the token.
	 * @param array<string, mixed>|null $body  Its body.
	 * @param string                    $cause The diagnosis of the refused token.
	 */
	#[DataProvider( 'dead_tokens' )]
	public function test_a_dead_token_is_replaced_once_the_call_retried_and_the_cause_named( string $path, ?array $body, string $cause ): void {
		$client = $this->client();
		self::assertInstanceOf( Api_Response::class, $client->request( 'GET', '/v1/me' ) );
		Sandbox::control( 'POST', $path, $body ?? array() );
		Sandbox::control( 'DELETE', '/counters' );

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertNotNull( $response->healed );
		self::assertSame( $cause, $response->healed->code );
		self::assertSame( 1, $this->token_requests() );
	}

	public function test_a_token_past_its_expiry_is_named_expired_by_the_api_clock(): void {
		$client = $this->client();
		$this->plant(
			Sandbox::mint(
				array(
					'clientId'  => 'wp-production',
					'expiresIn' => -30,
				)
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 'token_expired', $response->healed?->code );
	}

	public function test_a_token_whose_signature_does_not_match_is_named_so(): void {
		$client = $this->client();
		$this->plant(
			Sandbox::mint(
				array(
					'clientId' => 'wp-production',
					'sign'     => 'foreign-key',
				)
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 'token_signature_invalid', $response->healed?->code );
	}

	public function test_a_token_for_another_api_is_named_by_its_audience(): void {
		$client = $this->client();
		$this->plant(
			Sandbox::mint(
				array(
					'clientId' => 'wp-production',
					'audience' => 'https://elsewhere.example/v1',
				)
			)
		);

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertSame( 'token_audience_mismatch', $response->healed?->code );
		self::assertSame( Sandbox::url() . '/v1', $response->healed->evidence['resource'] );
	}

	public function test_the_server_words_are_evidence_and_never_the_cause(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control( 'POST', '/keys/rotate', array( 'keepOld' => false ) );

		$response = $client->request( 'GET', '/v1/me' );

		self::assertInstanceOf( Api_Response::class, $response );
		self::assertNotNull( $response->healed );
		self::assertSame( 'signing_key_unknown', $response->healed->code, 'not token_signature_invalid, though the words say "key"' );
		$words = $response->healed->evidence['errorDescription'] ?? null;
		self::assertIsString( $words );
		self::assertStringContainsString( 'key', $words );
	}

	public function test_an_unknown_kid_fetches_the_keys_again(): void {
		$client = $this->client();
		$client->request( 'GET', '/v1/me' );
		Sandbox::control( 'POST', '/keys/rotate', array( 'keepOld' => true ) );
		$minted = Sandbox::mint( array( 'clientId' => 'wp-production' ) );
		$token  = $this->services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		$endpoints = $this->services->tokens->endpoints();
		self::assertNotInstanceOf( Finding::class, $endpoints );
		$this->services->jwks->keys( $endpoints );
		$kid = Jwt_Segments::decode( $minted, Jwt_Segments::HEADER )['kid'] ?? '';
		self::assertIsString( $kid );

		$keys = $this->services->jwks->keys( $endpoints, $kid );

		self::assertIsArray( $keys );
		self::assertCount( 2, $keys, 'the new key was fetched' );
	}

	/**
	 * Puts a token in the store as the token in use.
	 *
	 * @param string $access_token The token.
	 */
	private function plant( string $access_token ): void {
		$credentials = $this->services->credentials->credentials();
		$this->services->store->put( new Cached_Token( $access_token, null, time(), time() + 600, Scopes::REQUIRED, $credentials->environment, 0, $credentials->identity() ) );
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

	public function test_a_missing_scope_is_named(): void {
		$response = $this->client( 'wp-widget-only', array( 'read:widget' ) )->request( 'GET', '/v1/conversations' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'insufficient_scope', $response->code );
		self::assertSame( 'read:conversations', $response->evidence['scope'] );
	}

	public function test_a_path_nothing_answers_at_is_not_found_not_a_proxy_page(): void {
		$response = $this->client()->request( 'GET', '/v1/no-such-route' );

		self::assertInstanceOf( Finding::class, $response );
		self::assertSame( 'not_found', $response->code );
		self::assertSame( Sandbox::url() . '/v1/no-such-route', $response->evidence['url'] );
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
		self::assertSame( array( 1.0, 2.0 ), $this->services->waits );
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
		self::assertSame( array( 3.0 ), $this->services->waits );
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
		self::assertSame( array( 3.0 ), $this->services->waits, 'the total wait stays within 5 s' );
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
		self::assertSame( array( 1.0, 2.0 ), $this->services->waits );
	}
}
