<?php
/**
 * Integration tests for GET /causerie/v1/token.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * The inspector gets the decoded token; the raw token only when asked; nobody but administrators.
 */
final class Token_Controller_Test extends TestCase {

	private const ROUTE = '/causerie/v1/token';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		( new Token_Store( new Encryption() ) )->clear();
	}

	/**
	 * Gets a token as any call to the API would, through the plugin's own services.
	 */
	private function obtain_token(): Cached_Token {
		$token = ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		return $token;
	}

	/**
	 * The diagnosis code of a failed answer.
	 *
	 * @param \WP_REST_Response $response The answer.
	 */
	private function diagnosis_code( \WP_REST_Response $response ): string {
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertIsString( $data['diagnosis']['code'] );
		return $data['diagnosis']['code'];
	}

	public function test_reading_the_token_never_asks_the_api_for_one(): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 409, $response->get_status() );
		self::assertSame( 'causerie_token_unavailable', $this->error_code( $response ) );
		self::assertSame( 'no_token', $this->diagnosis_code( $response ) );
		self::assertSame( 0, (int) array_sum( Sandbox::requests() ), 'nothing was asked of the API' );
	}

	public function test_reading_the_token_while_another_request_gets_one_says_so_without_waiting(): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( 'administrator' );
		self::assertNotNull( ( new Lock() )->acquire( Token_Renewal::LOCK, 300 ), 'another request renews' );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 409, $response->get_status() );
		self::assertSame( 'renewal_in_progress', $this->diagnosis_code( $response ) );
		self::assertSame( 0, (int) array_sum( Sandbox::requests() ) );
	}

	public function test_reading_the_token_shows_the_stored_one_as_it_is(): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( 'administrator' );
		$held = $this->obtain_token();
		// Due for renewal: reading shows it, and leaves renewing to the next call that needs it.
		( new Token_Store( new Encryption() ) )->put( new Cached_Token( $held->access_token, null, time() - 3000, time() + 60, $held->scopes, $held->environment, 0, $held->identity ) );
		$before = (int) array_sum( Sandbox::requests() );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( gmdate( 'c', time() + 60 ), $data['expiresAt'] );
		self::assertSame( $before, (int) array_sum( Sandbox::requests() ) );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_see_the_token( string $role, int $status ): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( $role );

		self::assertSame( $status, $this->dispatch( 'GET', self::ROUTE )->get_status() );
	}

	public function test_without_credentials_the_answer_is_a_diagnosis(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 409, $response->get_status() );
		self::assertSame( 'causerie_token_unavailable', $this->error_code( $response ) );
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertSame( 'not_configured', $data['diagnosis']['code'] );
		self::assertSame( 'info', $data['diagnosis']['severity'] );
		self::assertSame( array(), $data['diagnosis']['evidence'] );
		self::assertNotEmpty( $data['diagnosis']['steps'] );
	}

	public function test_the_decoded_token_comes_without_the_token_itself(): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( 'administrator' );
		$this->obtain_token();

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['header'] );
		self::assertIsArray( $data['claims'] );
		self::assertSame( 'at+jwt', $data['header']['typ'] );
		self::assertSame( Sandbox::url(), $data['claims']['iss'] );
		self::assertSame( 'wp-production', $data['claims']['client_id'] );
		self::assertSame( 'production', $data['claims']['environment'] );
		self::assertArrayNotHasKey( 'token', $data );
		$stored = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $stored );
		self::assertStringNotContainsString( $stored->access_token, (string) wp_json_encode( $data ) );
	}

	public function test_the_raw_token_comes_only_when_asked(): void {
		Sandbox::connect( 'wp-production' );
		$this->act_as( 'administrator' );
		$this->obtain_token();
		$request = new WP_REST_Request( 'GET', self::ROUTE );
		$request->set_param( 'reveal', 'true' );

		$data = rest_get_server()->dispatch( $request )->get_data();

		self::assertIsArray( $data );
		$stored = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $stored );
		self::assertSame( $stored->access_token, $data['token'] );
	}

	/**
	 * Regenerates with a request id.
	 *
	 * @param string $request_id Idempotency id.
	 */
	private function regenerate( string $request_id ): \WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::ROUTE . '/regenerate' );
		$request->set_param( 'requestId', $request_id );
		return rest_get_server()->dispatch( $request );
	}

	public function test_regeneration_swaps_in_a_new_token_and_revokes_the_old_one(): void {
		Sandbox::connect( 'wp-development' );
		$this->act_as( 'administrator' );
		$this->obtain_token();
		$old = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $old );

		$response = $this->regenerate( 'click-0001' );

		self::assertSame( 200, $response->get_status() );
		$new = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $new );
		self::assertNotSame( $old->access_token, $new->access_token );
		self::assertFalse( Sandbox::accepts( $old->access_token ) );
		self::assertTrue( Sandbox::accepts( $new->access_token ) );
	}

	public function test_repeating_a_request_id_renews_only_once(): void {
		Sandbox::connect( 'wp-development' );
		$this->act_as( 'administrator' );

		$this->regenerate( 'click-0002' );
		$first = ( new Token_Store( new Encryption() ) )->get();
		$this->regenerate( 'click-0002' );
		$second = ( new Token_Store( new Encryption() ) )->get();

		self::assertNotNull( $first );
		self::assertNotNull( $second );
		self::assertSame( $first->access_token, $second->access_token );
	}

	public function test_a_failed_regeneration_keeps_the_old_token(): void {
		Sandbox::connect( 'wp-development' );
		$this->act_as( 'administrator' );
		$this->obtain_token();
		$old = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $old );
		// A rate limit asking for longer than a request may wait is not retried.
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint'   => 'token',
				'mode'       => '429',
				'retryAfter' => 60,
			)
		);

		$response = $this->regenerate( 'click-0003' );

		self::assertSame( 502, $response->get_status() );
		self::assertSame( 'causerie_regeneration_failed', $this->error_code( $response ) );
		$kept = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $kept );
		self::assertSame( $old->access_token, $kept->access_token );
		self::assertTrue( Sandbox::accepts( $old->access_token ) );
	}

	public function test_regeneration_reports_that_the_old_token_was_revoked(): void {
		Sandbox::connect( 'wp-development' );
		$this->act_as( 'administrator' );
		$this->obtain_token();

		$data = $this->regenerate( 'click-0004' )->get_data();

		self::assertIsArray( $data );
		self::assertTrue( $data['previousRevoked'] );
		self::assertArrayNotHasKey( 'token', $data );
	}

	public function test_a_new_token_the_api_refuses_is_revoked_and_the_old_one_kept(): void {
		Sandbox::connect( 'wp-development' );
		$this->act_as( 'administrator' );
		$this->obtain_token();
		$old = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $old );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'api',
				'mode'     => 'html',
				'count'    => 5,
			)
		);
		Sandbox::control( 'DELETE', '/counters' );

		$response = $this->regenerate( 'click-0005' );

		self::assertSame( 502, $response->get_status() );
		self::assertSame( 'causerie_regeneration_failed', $this->error_code( $response ) );
		$kept = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $kept );
		self::assertSame( $old->access_token, $kept->access_token );
		$counters = Sandbox::control( 'GET', '/counters' );
		Sandbox::control( 'DELETE', '/faults' );
		self::assertTrue( Sandbox::accepts( $old->access_token ) );
		self::assertSame( array( 'wp-development' => array( 'client_secret_basic' => 1 ) ), $counters['tokenRequests'] );
		// The refused candidate was revoked; the old token was not (it still works, above).
		self::assertSame( array( 'wp-development' => 1 ), $counters['revocations'] );
	}

	public function test_a_request_id_is_required_and_checked(): void {
		$this->act_as( 'administrator' );

		self::assertSame( 400, $this->regenerate( 'x' )->get_status() );
		self::assertSame( 400, $this->regenerate( 'has spaces in it' )->get_status() );
	}
}
