<?php
/**
 * Integration tests of the plugin's Site Health tests, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Health;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Health\Site_Health_Tests;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Each test reports good, recommended or critical as the sandbox is broken, in core's shape, names the
 * cause in the diagnosis's words and links to the fix; the live tests share one run of the checks.
 */
final class Site_Health_Tests_Test extends TestCase {

	private const ROUTE  = '/causerie/v1/site-health/';
	private const FIX    = 'options-general.php?page=causerie-connector#fix';
	private const LIVE   = array( 'causerie_connection', 'causerie_token', 'causerie_scopes', 'causerie_environment', 'causerie_clock' );
	private const DIRECT = array( Site_Health_Tests::ENCRYPTION_KEY, Site_Health_Tests::SITE_ADDRESS );

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		( new Token_Store( new Encryption() ) )->clear();
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php'; // @phpstan-ignore requireOnce.fileNotFound
	}

	/**
	 * Core's list of tests, as the Site Health screen reads it.
	 *
	 * @return array{direct: array<string, array<mixed>>, async: array<string, array<mixed>>}
	 */
	private static function core_tests(): array {
		$tests  = \WP_Site_Health::get_tests();
		$direct = array();
		$async  = array();
		foreach ( array( 'direct', 'async' ) as $kind ) {
			self::assertIsArray( $tests[ $kind ] );
			foreach ( $tests[ $kind ] as $id => $test ) {
				self::assertIsArray( $test );
				if ( 'direct' === $kind ) {
					$direct[ (string) $id ] = $test;
				} else {
					$async[ (string) $id ] = $test;
				}
			}
		}
		return array(
			'direct' => $direct,
			'async'  => $async,
		);
	}

	/**
	 * The burst id in an asynchronous test's URL.
	 *
	 * @param array<mixed> $test A test as registered.
	 */
	private static function burst_of( array $test ): string {
		self::assertIsString( $test['test'] );
		$query = array();
		wp_parse_str( (string) wp_parse_url( $test['test'], PHP_URL_QUERY ), $query );
		self::assertIsString( $query['burst'] ?? null );
		return $query['burst'];
	}

	/**
	 * A result's text field.
	 *
	 * @param array<mixed> $result Test result.
	 * @param string       $field  label or description.
	 */
	private static function text( array $result, string $field ): string {
		self::assertIsString( $result[ $field ] );
		return $result[ $field ];
	}

	/**
	 * Runs an asynchronous test through its REST route as an administrator.
	 *
	 * @param string $test  Test name in the route, such as clock.
	 * @param string $burst Burst id: requests with the same one share a run of the checks.
	 * @return array<mixed>
	 */
	private function run_async( string $test, string $burst ): array {
		$this->act_as( 'administrator' );
		$response = $this->request( $test, $burst );
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$result = $response->get_data();
		self::assertIsArray( $result );
		return $result;
	}

	/**
	 * The route's answer for the current user.
	 *
	 * @param string $test  Test name in the route.
	 * @param string $burst Burst id.
	 */
	private function request( string $test, string $burst = 'one' ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', self::ROUTE . $test );
		$request->set_query_params( array( 'burst' => $burst ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Runs a direct test the way Site Health does.
	 *
	 * @param string $id Core test id.
	 * @return array<mixed>
	 */
	private static function run_direct( string $id ): array {
		$test = self::core_tests()['direct'][ $id ] ?? null;
		self::assertIsArray( $test );
		self::assertIsCallable( $test['test'] );
		$result = call_user_func( $test['test'] );
		self::assertIsArray( $result );
		return $result;
	}

	/**
	 * Checks core's structure, and that a problem names its cause and links to the fix.
	 *
	 * @param array<mixed> $result Test result.
	 * @param string       $test   Core test id.
	 * @param string       $status Expected status.
	 * @param string       $code   Diagnosis code expected to be named; empty for none.
	 */
	private static function assert_result( array $result, string $test, string $status, string $code = '' ): void {
		self::assertSame( array( 'label', 'status', 'badge', 'description', 'actions', 'test' ), array_keys( $result ) );
		self::assertSame( $test, $result['test'] );
		self::assertSame( $status, $result['status'], (string) wp_json_encode( $result ) );
		self::assertSame(
			array(
				'label' => 'Causerie',
				'color' => 'blue',
			),
			$result['badge']
		);
		self::assertIsString( $result['description'] );
		self::assertStringStartsWith( '<p>', $result['description'] );
		self::assertIsString( $result['actions'] );
		if ( '' !== $code ) {
			self::assertSame( Catalog::title( $code ), $result['label'] );
		}
		if ( 'good' === $status ) {
			self::assertStringNotContainsString( '#fix', $result['actions'] );
		} else {
			self::assertStringContainsString( 'href="' . esc_url( admin_url( self::FIX ) ) . '"', $result['actions'] );
		}
	}

	public function test_a_connected_site_registers_every_test_and_the_live_ones_share_a_burst(): void {
		Sandbox::connect();

		$tests = self::core_tests();

		foreach ( self::DIRECT as $id ) {
			self::assertIsCallable( $tests['direct'][ $id ]['test'] ?? null, $id );
		}
		$bursts = array();
		foreach ( self::LIVE as $id ) {
			$test = $tests['async'][ $id ] ?? null;
			self::assertIsArray( $test, $id );
			self::assertTrue( $test['has_rest'] );
			self::assertIsCallable( $test['async_direct_test'] );
			self::assertIsString( $test['test'] );
			self::assertTrue( str_starts_with( $test['test'], rest_url( 'causerie/v1/site-health/' . substr( $id, strlen( 'causerie_' ) ) ) ), $test['test'] );
			$bursts[] = self::burst_of( $test );
		}
		self::assertCount( 1, array_unique( $bursts ) );
		self::assertMatchesRegularExpression( '/^[A-Za-z0-9]{16}$/', $bursts[0] );
	}

	public function test_without_credentials_only_the_connection_is_tested_live_and_needs_setting_up(): void {
		$tests = self::core_tests();

		self::assertSame( array( 'causerie_connection' ), array_values( array_filter( array_keys( $tests['async'] ), static fn( string $id ): bool => str_starts_with( $id, 'causerie_' ) ) ) );
		self::assert_result( $this->run_async( 'connection', 'unset' ), 'causerie_connection', 'recommended', 'not_configured' );
		self::assert_result( self::run_direct( Site_Health_Tests::ENCRYPTION_KEY ), Site_Health_Tests::ENCRYPTION_KEY, 'good' );
		self::assert_result( self::run_direct( Site_Health_Tests::SITE_ADDRESS ), Site_Health_Tests::SITE_ADDRESS, 'good' );
	}

	public function test_a_healthy_connection_passes_every_test_with_what_was_measured(): void {
		Sandbox::connect();

		foreach ( self::LIVE as $id ) {
			self::assert_result( $this->run_async( substr( $id, strlen( 'causerie_' ) ), 'healthy' ), $id, 'good' );
		}
		$granted = self::text( $this->run_async( 'scopes', 'healthy' ), 'description' );
		self::assertStringContainsString( 'Show the chat widget (read:widget)', $granted );
		self::assertStringContainsString( 'Update the chatbot’s knowledge (write:knowledge)', $granted );
		self::assertStringContainsString( 'It expires in', self::text( $this->run_async( 'token', 'healthy' ), 'description' ) );
		foreach ( self::DIRECT as $id ) {
			self::assert_result( self::run_direct( $id ), $id, 'good' );
		}
	}

	/**
	 * Sandbox faults, the test that reports each, its status and the diagnosis it names.
	 *
	 * @return array<string, array{string, string, array<string, mixed>, string, string, string}>
	 */
	public static function faults(): array {
		$scopes = array( 'scopes' => array( 'read:widget', 'read:conversations' ) );
		$secret = array( 'secret' => 'a-regenerated-secret' );
		return array(
			'a clock 2 minutes off is recommended'         => array( 'PUT', '/clock', array( 'skewSeconds' => 120 ), 'clock', 'recommended', 'clock_skew' ),
			'a clock 10 minutes off is critical'           => array( 'PUT', '/clock', array( 'skewSeconds' => -600 ), 'clock', 'critical', 'clock_skew' ),
			'a withdrawn scope is critical for the scopes' => array( 'PATCH', '/clients/wp-development', $scopes, 'scopes', 'critical', 'invalid_scope' ),
			'a client moved to production is critical'     => array( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ), 'environment', 'critical', 'environment_mismatch' ),
			'a regenerated secret breaks the connection'   => array( 'POST', '/clients/wp-development/secret', $secret, 'connection', 'critical', 'invalid_client' ),
			'a regenerated secret leaves the token unchecked' => array( 'POST', '/clients/wp-development/secret', $secret, 'token', 'recommended', '' ),
			'a regenerated secret leaves the scopes unchecked' => array( 'POST', '/clients/wp-development/secret', $secret, 'scopes', 'recommended', '' ),
			'a regenerated secret leaves the environment unchecked' => array( 'POST', '/clients/wp-development/secret', $secret, 'environment', 'recommended', '' ),
		);
	}

	/**
	 * Each fault is reported by its test with the right status and cause.
	 *
	 * @param string               $method HTTP method of the control call.
	 * @param string               $path   Control path.
	 * @param array<string, mixed> $body   Control body.
	 * @param string               $test   Test that reports it.
	 * @param string               $status Its status.
	 * @param string               $code   The diagnosis it names; empty when it could not be checked.
	 */
	#[DataProvider( 'faults' )]
	public function test_each_fault_is_reported_by_its_test( string $method, string $path, array $body, string $test, string $status, string $code ): void {
		Sandbox::connect();
		Sandbox::control( $method, $path, $body );

		$result = $this->run_async( $test, 'fault' );

		self::assert_result( $result, 'causerie_' . $test, $status, $code );
		if ( '' === $code ) {
			self::assertStringContainsString( 'could not be', self::text( $result, 'label' ) );
		}
	}

	public function test_the_clock_says_by_how_much_and_which_way_it_is_off(): void {
		Sandbox::connect();
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => -600 ) );

		$result = $this->run_async( 'clock', 'skew' );

		self::assertMatchesRegularExpression( '/clock is (59\d|60\d) seconds ahead of Causerie/', self::text( $result, 'description' ) );
	}

	public function test_an_unreachable_api_leaves_the_clock_unchecked(): void {
		Sandbox::connect();
		// Nothing listens on port 1: the connection is refused before any answer carries a time.
		( new Credential_Store( new Encryption(), new Overrides() ) )->save( wp_get_environment_type(), array( 'apiUrl' => 'http://127.0.0.1:1' ) );

		self::assert_result( $this->run_async( 'connection', 'refused' ), 'causerie_connection', 'critical', 'connection_refused' );
		$clock = $this->run_async( 'clock', 'refused' );
		self::assert_result( $clock, 'causerie_clock', 'recommended' );
		self::assertSame( 'The server clock could not be compared with Causerie\'s', $clock['label'] );
	}

	public function test_a_token_the_api_refused_is_replaced_and_the_test_says_what_was_healed(): void {
		Sandbox::connect();
		self::assertSame( 'good', $this->run_async( 'token', 'before' )['status'] );
		Sandbox::control( 'POST', '/clients/wp-development/revoke' );

		$token = $this->run_async( 'token', 'after' );

		self::assertSame( 'good', $token['status'] );
		self::assertStringContainsString( Catalog::title( 'token_revoked' ), self::text( $token, 'description' ) );
		self::assertSame( 'good', $this->run_async( 'connection', 'after' )['status'] );
	}

	public function test_a_token_that_can_not_be_replaced_breaks_the_connection(): void {
		Sandbox::connect();
		$this->run_async( 'token', 'before' );
		Sandbox::break_secret();

		self::assert_result( $this->run_async( 'connection', 'after' ), 'causerie_connection', 'critical', 'invalid_client' );
	}

	public function test_a_moved_site_is_critical_and_left_out_of_the_live_tests(): void {
		Sandbox::connect();
		$moved = static fn( string $url ): string => str_replace( '127.0.0.1:8890', 'staging.example.org', $url );
		add_filter( 'home_url', $moved );

		$result = self::run_direct( Site_Health_Tests::SITE_ADDRESS );
		$async  = self::core_tests()['async'];
		remove_filter( 'home_url', $moved );

		self::assert_result( $result, Site_Health_Tests::SITE_ADDRESS, 'critical', 'site_moved' );
		self::assertStringContainsString( 'staging.example.org', self::text( $result, 'description' ) );
		self::assertSame( array(), array_intersect( self::LIVE, array_keys( $async ) ) );
	}

	public function test_a_paused_copy_is_recommended(): void {
		Sandbox::connect();
		( new Site_Binding() )->pause();

		self::assert_result( self::run_direct( Site_Health_Tests::SITE_ADDRESS ), Site_Health_Tests::SITE_ADDRESS, 'recommended', 'connection_paused' );
	}

	public function test_a_secret_saved_under_another_encryption_key_is_critical(): void {
		Sandbox::connect();
		// As after a migration to new salts: the stored secret was encrypted with a key this site no longer has.
		( new Credential_Store( new Encryption( 'the-old-site-key' ), new Overrides() ) )->save( wp_get_environment_type(), array( 'clientSecret' => 'sandbox-development-secret' ) );

		self::assert_result( self::run_direct( Site_Health_Tests::ENCRYPTION_KEY ), Site_Health_Tests::ENCRYPTION_KEY, 'critical', 'encryption_key_changed' );
		self::assertSame( array(), array_intersect( self::LIVE, array_keys( self::core_tests()['async'] ) ) );
	}

	public function test_the_checks_run_once_for_every_live_test_of_a_page_load(): void {
		Sandbox::connect();
		Sandbox::control( 'DELETE', '/counters' );
		$async = self::core_tests()['async'];

		foreach ( self::LIVE as $id ) {
			self::assertArrayHasKey( $id, $async );
			self::assertSame( 'good', $this->run_async( substr( $id, strlen( 'causerie_' ) ), self::burst_of( $async[ $id ] ) )['status'] );
			// The scheduled check runs the same tests directly, with the same burst.
			self::assertIsCallable( $async[ $id ]['async_direct_test'] );
			$direct = call_user_func( $async[ $id ]['async_direct_test'] );
			self::assertIsArray( $direct );
			self::assertSame( 'good', $direct['status'] );
		}
		self::assertSame( array( '200' => 1 ), Sandbox::control( 'GET', '/counters' )['apiCalls'] );

		$this->run_async( 'token', 'next-page-load' );
		self::assertSame( array( '200' => 2 ), Sandbox::control( 'GET', '/counters' )['apiCalls'] );
	}

	/**
	 * Test names, as the route takes them.
	 *
	 * @return array<string, array{string}>
	 */
	public static function live_tests(): array {
		$tests = array();
		foreach ( self::LIVE as $id ) {
			$tests[ $id ] = array( substr( $id, strlen( 'causerie_' ) ) );
		}
		return $tests;
	}

	/**
	 * Only administrators who may see Site Health run the live tests, and without a run for anyone else.
	 *
	 * @param string $role   Role, or empty for an anonymous visitor.
	 * @param int    $status Expected HTTP status.
	 */
	#[DataProvider( 'refused_roles' )]
	public function test_the_route_refuses_everyone_but_administrators( string $role, int $status ): void {
		Sandbox::connect();
		Sandbox::control( 'DELETE', '/counters' );
		$this->act_as( $role );

		$response = $this->request( 'connection' );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		self::assertSame( array(), Sandbox::control( 'GET', '/counters' )['apiCalls'] );
	}

	public function test_an_administrator_who_may_not_see_site_health_is_refused(): void {
		$this->act_as( 'administrator' );
		$no_site_health = static function ( array $caps ): array {
			$caps['view_site_health_checks'] = false;
			return $caps;
		};
		add_filter( 'user_has_cap', $no_site_health );

		$response = $this->request( 'connection' );
		remove_filter( 'user_has_cap', $no_site_health );

		self::assertSame( 403, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
	}

	public function test_an_unknown_test_is_refused_by_the_schema(): void {
		$this->act_as( 'administrator' );

		$response = $this->request( 'weather' );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'rest_invalid_param', $this->error_code( $response ) );
	}

	/**
	 * Every live test answers through the route, in core's shape; without credentials none can pass.
	 *
	 * @param string $test Test name in the route.
	 */
	#[DataProvider( 'live_tests' )]
	public function test_every_live_test_answers_through_the_route_even_before_credentials_are_saved( string $test ): void {
		self::assert_result( $this->run_async( $test, 'route' ), 'causerie_' . $test, 'recommended' );
	}
}
