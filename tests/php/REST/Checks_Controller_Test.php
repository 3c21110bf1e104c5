<?php
/**
 * Integration tests of the live checks, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\REST\Checks_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * Each sandbox fault shows up in the check that measures it, with its diagnosis code.
 */
final class Checks_Controller_Test extends TestCase {

	private const ROUTE = '/causerie/v1/checks';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		( new Token_Store( new Encryption() ) )->clear();
	}

	/**
	 * Runs the checks as an administrator and indexes them by id.
	 *
	 * @return array<string, array<mixed>>
	 */
	private function run_checks(): array {
		$this->act_as( 'administrator' );
		$response = rest_get_server()->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['checks'] );
		$checks = array();
		foreach ( $data['checks'] as $check ) {
			self::assertIsArray( $check );
			self::assertIsString( $check['id'] );
			$checks[ $check['id'] ] = $check;
		}
		return $checks;
	}

	public function test_a_second_caller_while_a_check_runs_gets_the_last_results_flagged_busy_and_no_second_run(): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'DELETE', '/counters' );
		// Another request holds the run, as a second tab would while the API hangs.
		$owner = ( new Lock() )->acquire( Checks_Controller::LOCK, Checks_Controller::LOCK_SECONDS );
		self::assertIsString( $owner );

		$response = rest_get_server()->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );
		( new Lock() )->release( Checks_Controller::LOCK, $owner );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertTrue( $data['busy'] );
		self::assertIsArray( $data['checks'] );
		self::assertCount( 9, $data['checks'] );
		self::assertSame( array( 0 ), array_values( array_unique( Sandbox::requests() ) ), 'No second run called the API' );
		$again = rest_get_server()->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_data();
		self::assertIsArray( $again );
		self::assertFalse( $again['busy'], 'Once free, a caller runs the checks' );
	}

	public function test_a_healthy_connection_passes_every_check(): void {
		Sandbox::connect();

		$checks = $this->run_checks();

		self::assertSame( array( 'configured', 'site', 'reachable', 'clock', 'credentials', 'token', 'api', 'scopes', 'environment' ), array_keys( $checks ) );
		foreach ( $checks as $id => $check ) {
			self::assertSame( 'ok', $check['status'], $id );
		}
		$token = $checks['token']['evidence'];
		self::assertInstanceOf( \stdClass::class, $token );
		self::assertGreaterThan( 3500, $token->secondsLeft ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName -- a JSON field.
		$last = $this->dispatch( 'GET', self::ROUTE )->get_data();
		self::assertIsArray( $last );
		self::assertCount( 9, (array) $last['checks'] );
		self::assertSame( $last['checkedAt'], $last['lastSuccessAt'] );
	}

	public function test_without_credentials_only_the_first_check_runs(): void {
		$checks = $this->run_checks();

		self::assertSame( array( 'configured' ), array_keys( $checks ) );
		self::assertSame( 'not_configured', $checks['configured']['code'] );
	}

	/**
	 * When the checks last reached the API, as kept.
	 */
	private function last_success(): mixed {
		$health = get_option( 'causerie_connector_health' );
		return is_array( $health ) ? ( $health['lastSuccessAt'] ?? null ) : null;
	}

	public function test_a_moved_site_stops_at_the_site_check_and_keeps_the_last_success(): void {
		Sandbox::connect();
		$this->run_checks();
		$succeeded = $this->last_success();
		self::assertIsString( $succeeded );
		$moved = static fn( string $url ): string => str_replace( '127.0.0.1:8890', 'staging.example.org', $url );
		add_filter( 'home_url', $moved );

		$checks = $this->run_checks();
		remove_filter( 'home_url', $moved );

		self::assertSame( array( 'configured', 'site' ), array_keys( $checks ) );
		self::assertSame( 'site_moved', $checks['site']['code'] );
		self::assertSame( $succeeded, $this->last_success() );
	}

	/**
	 * Sandbox faults, the check that must catch each, its status and code.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|null, string, string, string}>
	 */
	public static function faults(): array {
		return array(
			'the API is down'                => array(
				'POST',
				'/faults',
				array(
					'mode'  => '503',
					'count' => 20,
				),
				'reachable',
				'error',
				'server_error',
			),
			'an HTML page'                   => array(
				'POST',
				'/faults',
				array(
					'endpoint' => 'metadata',
					'mode'     => 'html',
				),
				'reachable',
				'error',
				'not_json',
			),
			'the clock is 2 minutes off'     => array( 'PUT', '/clock', array( 'skewSeconds' => 120 ), 'clock', 'warning', 'clock_skew' ),
			'the clock is 10 minutes off'    => array( 'PUT', '/clock', array( 'skewSeconds' => -600 ), 'clock', 'error', 'clock_skew' ),
			'the secret was regenerated'     => array( 'POST', '/clients/wp-development/secret', array( 'secret' => 'new-secret-value' ), 'credentials', 'error', 'invalid_client' ),
			'a scope was withdrawn'          => array( 'PATCH', '/clients/wp-development', array( 'scopes' => array( 'read:widget', 'read:conversations' ) ), 'credentials', 'error', 'invalid_scope' ),
			'the client moved to production' => array( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ), 'environment', 'error', 'environment_mismatch' ),
		);
	}

	/**
	 * Each fault is caught by its check.
	 *
	 * @param string                    $method HTTP method of the control call.
	 * @param string                    $path   Control path.
	 * @param array<string, mixed>|null $body   Control body.
	 * @param string                    $id     Check that must catch it.
	 * @param string                    $status Its status.
	 * @param string                    $code   Its diagnosis code.
	 */
	#[DataProvider( 'faults' )]
	public function test_each_fault_is_caught_by_its_check( string $method, string $path, ?array $body, string $id, string $status, string $code ): void {
		Sandbox::connect();
		Sandbox::control( $method, $path, $body );

		$checks = $this->run_checks();

		self::assertArrayHasKey( $id, $checks );
		self::assertSame( $status, $checks[ $id ]['status'] );
		self::assertSame( $code, $checks[ $id ]['code'] );
		self::assertNotSame( '', $checks[ $id ]['message'] );
	}

	/**
	 * Sandbox breaks that spoil the token already in use, and what the check must call each.
	 *
	 * @return array<string, array{string, array<string, mixed>|null, string}>
	 */
	public static function spoiled_tokens(): array {
		return array(
			'the token was withdrawn early' => array( '/clients/wp-development/expire', null, 'token_revoked' ),
			'the token was revoked'         => array( '/clients/wp-development/revoke', null, 'token_revoked' ),
			'the signing key was pulled'    => array( '/keys/rotate', array( 'keepOld' => false ), 'signing_key_unknown' ),
		);
	}

	/**
	 * A spoiled token is replaced by the check itself, which is green again and names what it healed, on the
	 * status, in the token row and in the event log.
	 *
	 * @param string                    $path Control path.
	 * @param array<string, mixed>|null $body Control body.
	 * @param string                    $code Diagnosis expected.
	 */
	#[DataProvider( 'spoiled_tokens' )]
	public function test_a_spoiled_token_is_healed_by_the_check_which_names_the_cause( string $path, ?array $body, string $code ): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'POST', $path, $body );

		$checks = $this->run_checks();

		foreach ( $checks as $id => $check ) {
			self::assertSame( 'ok', $check['status'], $id );
		}
		self::assertSame( $code, ( (array) $checks['token']['evidence'] )['healed'] );
		$status = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		self::assertIsArray( $status );
		self::assertSame( 'connected', $status['state'] );
		self::assertIsArray( $status['healed'] );
		self::assertSame( $code, $status['healed']['code'] );
		$events = $this->dispatch( 'GET', '/causerie/v1/events' )->get_data();
		self::assertIsArray( $events );
		$healed = array_values( array_filter( $events, static fn( mixed $event ): bool => is_array( $event ) && 'healed' === $event['code'] ) );
		self::assertCount( 1, $healed );
		self::assertIsArray( $healed[0] );
		self::assertIsArray( $healed[0]['context'] );
		self::assertSame( $code, $healed[0]['context']['cause'] );
	}

	public function test_a_check_with_the_token_in_hand_asks_for_no_token_and_makes_one_call(): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'DELETE', '/counters' );

		$this->run_checks();
		$this->run_checks();

		self::assertSame( 0, Sandbox::token_requests() );
		self::assertSame( array( 'api' => 2 ), array_filter( Sandbox::requests(), static fn( int $count ): bool => $count > 0 ) );
	}

	public function test_a_client_moved_to_another_environment_is_caught_when_its_token_is_renewed(): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );
		Sandbox::control( 'POST', '/clients/wp-development/expire' );

		$checks = $this->run_checks();

		self::assertSame( 'ok', $checks['api']['status'] );
		self::assertSame( 'environment_mismatch', $checks['environment']['code'] );
		$status = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		self::assertIsArray( $status );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'environment_mismatch', $status['diagnosis']['code'], 'the environment leads: a new token can\'t fix it' );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_run_the_checks( string $role, int $status ): void {
		$this->act_as( $role );

		self::assertSame( $status, rest_get_server()->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_status() );
	}
}
