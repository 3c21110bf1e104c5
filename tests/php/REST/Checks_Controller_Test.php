<?php
/**
 * Integration tests of the live checks, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
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
	 * Sandbox breaks that spoil the token already in use, and the diagnosis of each.
	 *
	 * @return array<string, array{string, array<string, mixed>|null, string}>
	 */
	public static function spoiled_tokens(): array {
		return array(
			'the token expired early'    => array( '/clients/wp-development/expire', null, 'token_expired' ),
			'the token was revoked'      => array( '/clients/wp-development/revoke', null, 'token_revoked' ),
			'the signing key was pulled' => array( '/keys/rotate', array( 'keepOld' => false ), 'token_signature_invalid' ),
		);
	}

	/**
	 * The API check tries the token in use as it is, so the cause shows instead of being renewed away.
	 *
	 * @param string                    $path Control path.
	 * @param array<string, mixed>|null $body Control body.
	 * @param string                    $code Diagnosis expected.
	 */
	#[DataProvider( 'spoiled_tokens' )]
	public function test_a_spoiled_token_in_use_is_named_by_the_api_check( string $path, ?array $body, string $code ): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'POST', $path, $body );

		$checks = $this->run_checks();

		self::assertSame( 'ok', $checks['credentials']['status'] );
		self::assertSame( 'ok', $checks['token']['status'] );
		self::assertSame( 'error', $checks['api']['status'] );
		self::assertSame( $code, $checks['api']['code'] );
		$status = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		self::assertIsArray( $status );
		self::assertSame( 'broken', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( $code, $status['diagnosis']['code'] );
	}

	public function test_a_client_moved_to_another_environment_is_caught_while_its_old_token_still_works(): void {
		Sandbox::connect();
		$this->run_checks();
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );

		$checks = $this->run_checks();

		self::assertSame( 'ok', $checks['api']['status'] );
		self::assertSame( 'environment_mismatch', $checks['environment']['code'] );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_run_the_checks( string $role, int $status ): void {
		$this->act_as( $role );

		self::assertSame( $status, rest_get_server()->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_status() );
	}
}
