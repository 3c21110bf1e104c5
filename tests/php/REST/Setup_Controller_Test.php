<?php
/**
 * Integration tests for the guided first run's routes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\REST\Setup_Controller;
use Causerie\Connector\Tests\Plugin_Storage;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /setup opens the first run only where nothing is configured; POST /setup/discovery finds the server
 * from this server, under the address policy, and answers its page for people.
 */
final class Setup_Controller_Test extends TestCase {

	private const ROUTE = '/' . Setup_Controller::NAMESPACE . '/' . Setup_Controller::REST_BASE;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Sends a request with a JSON body, as apiFetch does.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route.
	 * @param array<string, mixed> $body   Fields.
	 */
	private function send( string $method, string $route, array $body = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Whether GET /setup says the first run opens.
	 */
	private function needed(): bool {
		$response = $this->send( 'GET', self::ROUTE );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( array( 'needed' ), array_keys( $data ) );
		self::assertIsBool( $data['needed'] );
		return $data['needed'];
	}

	/**
	 * What discovery answered.
	 *
	 * @param string $api_url The address pasted.
	 * @return array{int, array<mixed>}
	 */
	private function discover( string $api_url ): array {
		$response = $this->send( 'POST', self::ROUTE . '/discovery', array( 'apiUrl' => $api_url ) );
		$error    = $response->as_error();
		$data     = null === $error ? $response->get_data() : (array) $error->get_error_data() + array( 'code' => $error->get_error_code() );
		self::assertIsArray( $data );
		return array( $response->get_status(), $data );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_both_routes_refuse_users_who_cannot_manage_options( string $role, int $status ): void {
		$this->act_as( $role );
		$requests = Sandbox::requests();

		self::assertSame( $status, $this->send( 'GET', self::ROUTE )->get_status() );
		self::assertSame( $status, $this->send( 'POST', self::ROUTE . '/discovery', array( 'apiUrl' => Sandbox::url() ) )->get_status() );
		self::assertSame( $requests, Sandbox::requests(), 'a request reached the API' );
	}

	public function test_a_fresh_site_opens_the_first_run(): void {
		$this->act_as( 'administrator' );

		self::assertTrue( $this->needed() );
	}

	public function test_credentials_saved_and_verified_skip_the_first_run(): void {
		$this->act_as( 'administrator' );

		$saved = $this->send( 'POST', '/causerie/v1/settings', Sandbox::credentials() );

		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		self::assertFalse( $this->needed() );
	}

	public function test_an_api_address_alone_keeps_the_first_run_open_to_finish_it(): void {
		$this->act_as( 'administrator' );
		( new Credential_Store( new Encryption(), new Overrides() ) )->save( wp_get_environment_type(), array( 'apiUrl' => Sandbox::url() ) );

		self::assertTrue( $this->needed() );
	}

	public function test_credentials_kept_for_another_environment_skip_the_first_run(): void {
		$this->act_as( 'administrator' );
		( new Credential_Store( new Encryption(), new Overrides() ) )->save( 'production', array_merge( Sandbox::credentials( 'wp-production' ), array( 'clientSecret' => 'sandbox-production-secret' ) ) );

		self::assertFalse( $this->needed() );
	}

	/**
	 * Settings an agency puts in the server's environment (or wp-config.php, read the same way).
	 *
	 * @return array<string, array{array<string, string>}>
	 */
	public static function agency_settings(): array {
		return array(
			'every field'                     => array(
				array(
					'CAUSERIE_CLIENT_ID'     => 'wp-development',
					'CAUSERIE_CLIENT_SECRET' => 'sandbox-development-secret',
					'CAUSERIE_API_URL'       => 'http://127.0.0.1:8877',
				),
			),
			'the API address only'            => array( array( 'CAUSERIE_API_URL' => 'https://api.causerie.example' ) ),
			'a client id for production only' => array( array( 'CAUSERIE_PRODUCTION_CLIENT_ID' => 'wp-production' ) ),
			'the scopes only'                 => array( array( 'CAUSERIE_SCOPES' => 'read:widget write:knowledge' ) ),
		);
	}

	/**
	 * Anything set outside the screen means someone manages the site: the first run stays closed.
	 *
	 * @param array<string, string> $variables Environment variables.
	 */
	#[DataProvider( 'agency_settings' )]
	public function test_settings_from_the_environment_skip_the_first_run( array $variables ): void {
		$this->act_as( 'administrator' );
		foreach ( $variables as $name => $value ) {
			$this->set_variable( $name, $value );
		}

		self::assertFalse( $this->needed() );
	}

	public function test_discovery_answers_the_page_where_the_credentials_are_explained(): void {
		$this->act_as( 'administrator' );
		$before = Plugin_Storage::snapshot();

		list( $status, $data ) = $this->discover( Sandbox::url() . '/' );

		self::assertSame( 200, $status, (string) wp_json_encode( $data ) );
		self::assertSame(
			array(
				'apiUrl'        => Sandbox::url(),
				'documentation' => Sandbox::url() . '/docs/credentials',
			),
			$data
		);
		self::assertSame( $before, Plugin_Storage::snapshot(), 'discovery stored a setting' );
		self::assertTrue( $this->needed() );
	}

	public function test_a_server_without_metadata_has_no_page_and_is_not_an_error(): void {
		$this->act_as( 'administrator' );
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'none' ) );

		list( $status, $data ) = $this->discover( Sandbox::url() );

		self::assertSame( 200, $status, (string) wp_json_encode( $data ) );
		self::assertNull( $data['documentation'] );
	}

	/**
	 * Pages a hostile or careless server may name, which must never become a link.
	 *
	 * @return array<string, array{string}>
	 */
	public static function unsafe_pages(): array {
		return array(
			'a javascript: URL' => array( 'javascript:alert(document.cookie)' ),
			'a data: URL'       => array( 'data:text/html,<script>alert(1)</script>' ),
			'a relative path'   => array( '/docs/credentials' ),
		);
	}

	/**
	 * The page is shown as a link: only http or https with a host passes.
	 *
	 * @param string $page What the metadata names.
	 */
	#[DataProvider( 'unsafe_pages' )]
	public function test_a_page_that_is_not_a_web_address_is_left_out( string $page ): void {
		$this->act_as( 'administrator' );
		Sandbox::control( 'PUT', '/modes', array( 'metadataOverrides' => array( 'service_documentation' => $page ) ) );

		list( $status, $data ) = $this->discover( Sandbox::url() );

		self::assertSame( 200, $status, (string) wp_json_encode( $data ) );
		self::assertNull( $data['documentation'] );
	}

	public function test_an_address_the_policy_refuses_is_never_asked_and_names_the_field(): void {
		$this->act_as( 'administrator' );
		$requests = Sandbox::requests();

		list( $status, $data ) = $this->discover( 'http://169.254.169.254' );

		self::assertSame( 400, $status );
		self::assertSame( 'apiUrl', $data['field'] );
		self::assertSame( $requests, Sandbox::requests() );
	}

	public function test_a_server_that_does_not_answer_is_diagnosed(): void {
		$this->act_as( 'administrator' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'metadata',
				'mode'     => '503',
				'count'    => 5,
			)
		);

		list( $status, $data ) = $this->discover( Sandbox::url() );

		self::assertSame( 502, $status, (string) wp_json_encode( $data ) );
		self::assertSame( 'causerie_discovery_failed', $data['code'] );
		self::assertIsArray( $data['diagnosis'] );
		self::assertIsString( $data['diagnosis']['title'] );
	}
}
