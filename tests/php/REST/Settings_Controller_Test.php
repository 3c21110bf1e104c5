<?php
/**
 * Integration tests for GET and POST /causerie/v1/settings.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Administrators read and change the credentials; the secret never comes back; bad input changes nothing.
 */
final class Settings_Controller_Test extends TestCase {

	private const ROUTE  = '/causerie/v1/' . Settings_Controller::REST_BASE;
	private const SECRET = 'sandbox-development-secret';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Sends a POST with a JSON body.
	 *
	 * @param array<string, mixed> $body  Fields.
	 * @param string               $route Route; the settings by default.
	 */
	private function post( array $body, string $route = self::ROUTE ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Saves a complete, valid profile.
	 */
	private function save_valid(): WP_REST_Response {
		return $this->post(
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => self::SECRET,
				'apiUrl'       => Sandbox::url() . '/',
				'scopes'       => array( 'read:widget', 'write:knowledge' ),
			)
		);
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_read_or_change_the_settings( string $role, int $status ): void {
		$this->act_as( $role );

		self::assertSame( $status, $this->dispatch( 'GET', self::ROUTE )->get_status() );
		self::assertSame( $status, $this->save_valid()->get_status() );
		self::assertFalse( get_option( Credential_Store::OPTION ) );
	}

	public function test_saved_credentials_come_back_without_the_secret(): void {
		$this->act_as( 'administrator' );

		$saved = $this->save_valid();

		self::assertSame( 200, $saved->get_status() );
		$data = $saved->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'local', $data['environment'] );
		self::assertSame( 'wp-development', $data['clientId'] );
		self::assertSame( Sandbox::url(), $data['apiUrl'] );
		self::assertTrue( $data['hasSecret'] );
		self::assertIsString( $data['secretHint'] );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{6}$/', $data['secretHint'], 'a fingerprint, not characters of the secret' );
		self::assertSame( 'ok', $data['secretStatus'] );
		self::assertSame( wp_json_encode( $data ), wp_json_encode( $this->dispatch( 'GET', self::ROUTE )->get_data() ) );
	}

	public function test_the_secret_is_stored_encrypted_and_never_autoloaded(): void {
		$this->act_as( 'administrator' );
		$this->save_valid();

		self::assertSame( array(), $this->options_containing( self::SECRET ) );
		self::assertContains( $this->autoload_of( Credential_Store::OPTION ), array( 'no', 'off' ) );
		self::assertArrayNotHasKey( Credential_Store::OPTION, wp_load_alloptions() );
	}

	public function test_a_change_of_one_field_keeps_the_others(): void {
		$this->act_as( 'administrator' );
		$this->save_valid();

		$data = $this->post( array( 'scopes' => array( 'read:widget' ) ) )->get_data();

		self::assertIsArray( $data );
		self::assertSame( array( 'read:widget' ), $data['scopes'] );
		self::assertSame( 'wp-development', $data['clientId'] );
		self::assertTrue( $data['hasSecret'] );
		self::assertSame( Sandbox::url(), $data['apiUrl'] );
	}

	public function test_each_environment_keeps_its_own_profile(): void {
		$this->act_as( 'administrator' );
		$this->save_valid();

		$production = $this->post(
			array(
				'environment' => 'production',
				'clientId'    => 'wp-production',
				'apiUrl'      => 'https://api.causerie.example',
			)
		)->get_data();

		self::assertIsArray( $production );
		self::assertSame( 'production', $production['environment'] );
		self::assertSame( 'local', $production['activeEnvironment'] );
		self::assertFalse( $production['hasSecret'] );
		$local = $this->dispatch( 'GET', self::ROUTE )->get_data();
		self::assertIsArray( $local );
		self::assertSame( 'wp-development', $local['clientId'] );
	}

	/**
	 * Bad requests, each with the error code it must get.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function bad_inputs(): array {
		$long = str_repeat( 'a', 600 );
		return array(
			'an empty body'                     => array( array(), 'causerie_nothing_to_save' ),
			'only the environment'              => array( array( 'environment' => 'local' ), 'causerie_nothing_to_save' ),
			'an unknown field'                  => array( array( 'colour' => 'blue' ), 'causerie_unknown_field' ),
			'an unknown field beside good ones' => array(
				array(
					'clientId' => 'ok',
					'secret'   => 'x',
				),
				'causerie_unknown_field',
			),
			'an unknown environment'            => array(
				array(
					'environment' => 'qa',
					'clientId'    => 'ok',
				),
				'rest_invalid_param',
			),
			'an environment of the wrong type'  => array(
				array(
					'environment' => 3,
					'clientId'    => 'ok',
				),
				'rest_invalid_param',
			),
			'an empty client id'                => array( array( 'clientId' => '' ), 'causerie_field_required' ),
			'an empty secret'                   => array( array( 'clientSecret' => '' ), 'causerie_field_required' ),
			'a client id with spaces inside'    => array( array( 'clientId' => 'wp development' ), 'rest_invalid_param' ),
			'a client id with a slash'          => array( array( 'clientId' => 'wp/dev' ), 'rest_invalid_param' ),
			'a client id with markup'           => array( array( 'clientId' => '<script>' ), 'rest_invalid_param' ),
			'a client id that is too long'      => array( array( 'clientId' => str_repeat( 'a', 192 ) ), 'rest_invalid_param' ),
			'a client id that is a number'      => array( array( 'clientId' => 42 ), 'rest_invalid_param' ),
			'a client id that is a list'        => array( array( 'clientId' => array( 'a' ) ), 'rest_invalid_param' ),
			'a client id that is null'          => array( array( 'clientId' => null ), 'rest_invalid_param' ),
			'a secret that is too short'        => array( array( 'clientSecret' => 'short' ), 'rest_invalid_param' ),
			'a secret that is too long'         => array( array( 'clientSecret' => $long ), 'rest_invalid_param' ),
			'a secret with a space'             => array( array( 'clientSecret' => 'has a space in it' ), 'rest_invalid_param' ),
			'a secret with a newline'           => array( array( 'clientSecret' => "line-one\nline-two" ), 'rest_invalid_param' ),
			'a secret that is a number'         => array( array( 'clientSecret' => 123456789 ), 'rest_invalid_param' ),
			'a secret that is an object'        => array( array( 'clientSecret' => array( 'value' => 'x' ) ), 'rest_invalid_param' ),
			'an empty API URL'                  => array( array( 'apiUrl' => '' ), 'causerie_field_required' ),
			'an API URL of spaces'              => array( array( 'apiUrl' => '   ' ), 'causerie_field_required' ),
			'an API URL that is not a URL'      => array( array( 'apiUrl' => 'causerie' ), 'causerie_url_invalid' ),
			'an API URL over plain http'        => array( array( 'apiUrl' => 'http://api.causerie.example' ), 'causerie_url_insecure' ),
			'an API URL with credentials'       => array( array( 'apiUrl' => 'https://u:p@api.causerie.example' ), 'causerie_url_credentials' ),
			'an API URL with a query'           => array( array( 'apiUrl' => 'https://api.causerie.example/?a=1' ), 'causerie_url_invalid' ),
			'an API URL with javascript:'       => array( array( 'apiUrl' => 'javascript:alert(1)' ), 'causerie_url_invalid' ),
			'an API URL that is too long'       => array( array( 'apiUrl' => 'https://a.example/' . str_repeat( 'a', 2050 ) ), 'rest_invalid_param' ),
			'an API URL that is a number'       => array( array( 'apiUrl' => 8877 ), 'rest_invalid_param' ),
			'scopes as a number'                => array( array( 'scopes' => 5 ), 'rest_invalid_param' ),
			'an empty scope list'               => array( array( 'scopes' => array() ), 'rest_invalid_param' ),
			'an unknown scope'                  => array( array( 'scopes' => array( 'admin:all' ) ), 'rest_invalid_param' ),
			'a repeated scope'                  => array( array( 'scopes' => array( 'read:widget', 'read:widget' ) ), 'rest_invalid_param' ),
			'a scope that is not a string'      => array( array( 'scopes' => array( 1 ) ), 'rest_invalid_param' ),
			'a good field beside a bad one'     => array(
				array(
					'clientId' => 'fine',
					'apiUrl'   => 'ftp://x.example',
				),
				'causerie_url_insecure',
			),
		);
	}

	/**
	 * Bad input gets a 4xx with a stable code, and the stored settings stay exactly as they were.
	 *
	 * @param array<string, mixed> $body Request body.
	 * @param string               $code Expected error code.
	 */
	#[DataProvider( 'bad_inputs' )]
	public function test_bad_input_is_refused_and_changes_nothing( array $body, string $code ): void {
		$this->act_as( 'administrator' );
		$this->save_valid();
		$before = get_option( Credential_Store::OPTION );

		$response = $this->post( $body );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( $code, $this->error_code( $response ) );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
	}

	public function test_the_secret_never_appears_in_answers_options_or_the_screen(): void {
		$this->act_as( 'administrator' );
		$this->save_valid();

		$answers = (string) wp_json_encode( array( $this->dispatch( 'GET', self::ROUTE )->get_data(), $this->save_valid()->get_data() ) );

		self::assertStringNotContainsString( self::SECRET, $answers );
		self::assertSame( array(), $this->options_containing( self::SECRET ) );
	}

	/**
	 * Saves that the API must refuse, the change that makes it refuse, and what the admin is told.
	 *
	 * @return array<string, array{array<string, mixed>, int, string}>
	 */
	public static function refused_saves(): array {
		return array(
			'a secret the API rejects'               => array( array( 'clientSecret' => 'mistyped-secret' ), 422, 'secret_mismatch' ),
			'a client id the API rejects'            => array( array( 'clientId' => 'no-such-client' ), 422, 'invalid_client' ),
			'an API that is not there'               => array(
				array(
					'apiUrl'       => 'http://127.0.0.1:1',
					'clientSecret' => self::SECRET,
				),
				502,
				'connection_refused',
			),
			'production credentials on a local site' => array(
				array(
					'clientId'     => 'wp-production',
					'clientSecret' => 'sandbox-production-secret',
				),
				422,
				'environment_mismatch',
			),
		);
	}

	/**
	 * New credentials replace the old ones only once the API accepts them.
	 *
	 * @param array<string, mixed> $change Fields to change.
	 * @param int                  $status Expected HTTP status.
	 * @param string               $code   Expected diagnosis code.
	 */
	#[DataProvider( 'refused_saves' )]
	public function test_credentials_the_api_refuses_are_not_saved_and_the_answer_says_why( array $change, int $status, string $code ): void {
		$this->act_as( 'administrator' );
		$this->save_valid();
		$before = get_option( Credential_Store::OPTION );

		$response = $this->post( $change );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'causerie_verification_failed', $this->error_code( $response ) );
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertSame( $code, $data['diagnosis']['code'] );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
	}

	/**
	 * The routes that try a secret typed by the admin: a save, and a trial without saving.
	 *
	 * @return array<string, array{string}>
	 */
	public static function typed_secret_routes(): array {
		return array(
			'the first save'      => array( self::ROUTE ),
			'a trial, not a save' => array( self::ROUTE . '/verify' ),
		);
	}

	/**
	 * A secret that never worked here was mistyped or comes from another app: it was not regenerated.
	 *
	 * @param string $route Where it is sent.
	 */
	#[DataProvider( 'typed_secret_routes' )]
	public function test_a_mistyped_secret_on_the_first_save_is_told_as_not_matching_never_as_regenerated( string $route ): void {
		$this->act_as( 'administrator' );

		$response = $this->post(
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => 'sandbox-development-secre',
				'apiUrl'       => Sandbox::url(),
			),
			$route
		);

		self::assertSame( 422, $response->get_status() );
		$diagnosis = $this->diagnosis_of( $response );
		self::assertSame( 'secret_mismatch', $diagnosis['code'] );
		self::assertIsString( $diagnosis['title'] );
		self::assertIsString( $diagnosis['explanation'] );
		self::assertStringContainsString( 'Client ID', $diagnosis['title'] );
		self::assertStringNotContainsString( 'regenerated', $diagnosis['title'] . ' ' . $diagnosis['explanation'] );
		self::assertFalse( get_option( Credential_Store::OPTION ) );
	}

	public function test_a_stored_secret_that_used_to_work_is_still_told_as_probably_regenerated(): void {
		$this->act_as( 'administrator' );
		$this->save_valid();
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'regenerated-in-dashboard' ) );

		$response = $this->post( array( 'clientId' => 'wp-development' ), self::ROUTE . '/verify' );

		$diagnosis = $this->diagnosis_of( $response );
		self::assertSame( 'invalid_client', $diagnosis['code'] );
		self::assertIsString( $diagnosis['explanation'] );
		self::assertStringContainsString( 'regenerated', $diagnosis['explanation'] );
	}

	/**
	 * The diagnosis a refused request carries.
	 *
	 * @param WP_REST_Response $response Answer.
	 * @return array<mixed>
	 */
	private function diagnosis_of( WP_REST_Response $response ): array {
		self::assertSame( 'causerie_verification_failed', $this->error_code( $response ) );
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		return $data['diagnosis'];
	}

	public function test_candidate_credentials_can_be_verified_without_saving_them(): void {
		$this->act_as( 'administrator' );

		$response = $this->post(
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => self::SECRET,
				'apiUrl'       => Sandbox::url(),
			),
			self::ROUTE . '/verify'
		);

		self::assertSame( 200, $response->get_status() );
		self::assertSame(
			array(
				'verified'  => true,
				'scopes'    => Scopes::REQUIRED,
				'expiresIn' => 3600,
			),
			$response->get_data()
		);
		self::assertFalse( get_option( Credential_Store::OPTION ) );
	}

	/**
	 * Saves the sandbox's development client into the development profile: another profile than the site's
	 * (local), and the only other one the address policy lets reach the sandbox over plain http.
	 *
	 * @param string $secret Its secret; the right one by default.
	 */
	private function save_development( string $secret = self::SECRET ): WP_REST_Response {
		return $this->post(
			array(
				'environment'  => 'development',
				'clientId'     => 'wp-development',
				'clientSecret' => $secret,
				'apiUrl'       => Sandbox::url(),
			)
		);
	}

	/**
	 * Token requests the sandbox's token handler saw, per client.
	 *
	 * @return array<mixed>
	 */
	private function token_requests(): array {
		$counters = Sandbox::control( 'GET', '/counters' );
		return is_array( $counters['tokenRequests'] ) ? $counters['tokenRequests'] : array();
	}

	public function test_another_profile_is_verified_against_its_own_api_and_environment_before_it_is_stored(): void {
		$this->act_as( 'administrator' );

		$saved = $this->save_development();

		self::assertSame( 200, $saved->get_status() );
		$data = $saved->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'development', $data['environment'] );
		self::assertSame( 'local', $data['activeEnvironment'] );
		self::assertSame( 'wp-development', $data['clientId'] );
		self::assertTrue( $data['hasSecret'] );
		self::assertSame( array( 'wp-development' => array( 'client_secret_basic' => 1 ) ), $this->token_requests(), 'one token was asked for, with the development client' );
	}

	/**
	 * Credentials for a profile that is not the site's own, which the API or the environment check refuses.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function refused_profile_saves(): array {
		return array(
			'a wrong secret for the development profile' => array(
				array(
					'environment'  => 'development',
					'clientSecret' => 'mistyped-secret',
				),
				'secret_mismatch',
			),
			'production credentials in the development profile' => array(
				array(
					'environment'  => 'development',
					'clientId'     => 'wp-production',
					'clientSecret' => 'sandbox-production-secret',
				),
				'environment_mismatch',
			),
			'staging credentials in the development profile' => array(
				array(
					'environment'  => 'development',
					'clientId'     => 'wp-staging',
					'clientSecret' => 'sandbox-staging-secret',
				),
				'environment_mismatch',
			),
			'the development profile moved to an API not there' => array(
				array(
					'environment'  => 'development',
					'apiUrl'       => 'http://127.0.0.1:1',
					'clientSecret' => 'sandbox-development-secret',
				),
				'connection_refused',
			),
		);
	}

	/**
	 * A refused save of another profile changes nothing stored, and says why.
	 *
	 * @param array<string, mixed> $change Fields to change, with the profile.
	 * @param string               $code   Expected diagnosis code.
	 */
	#[DataProvider( 'refused_profile_saves' )]
	public function test_another_profile_the_api_refuses_is_not_saved_and_the_answer_says_why( array $change, string $code ): void {
		$this->act_as( 'administrator' );
		$this->save_valid();
		self::assertSame( 200, $this->save_development()->get_status() );
		$before = get_option( Credential_Store::OPTION );

		$response = $this->post( $change );

		self::assertSame( 'connection_refused' === $code ? 502 : 422, $response->get_status() );
		self::assertSame( 'causerie_verification_failed', $this->error_code( $response ) );
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertSame( $code, $data['diagnosis']['code'] );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
		if ( 'environment_mismatch' === $code ) {
			$evidence = $data['diagnosis']['evidence'];
			self::assertIsArray( $evidence );
			self::assertSame( 'development', $evidence['profileEnvironment'], 'judged against the profile, not the site' );
			self::assertSame( 'local', $evidence['siteEnvironment'] );
		}
	}

	/**
	 * Addresses another profile's own rule refuses, though the site's (local) would take them.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function addresses_refused_for_the_profile(): array {
		return array(
			'plain http to loopback in the production profile' => array( 'production', 'http://127.0.0.1:9', 'causerie_url_insecure' ),
			'loopback over https in the production profile' => array( 'production', 'https://127.0.0.1:9', 'causerie_url_private' ),
			'a private address in the production profile' => array( 'production', 'https://10.0.0.5', 'causerie_url_private' ),
			'plain http to loopback in the staging profile' => array( 'staging', 'http://127.0.0.1:9', 'causerie_url_insecure' ),
			'the cloud metadata address in the staging profile' => array( 'staging', 'https://169.254.169.254', 'causerie_url_private' ),
			'a private token endpoint in the production profile' => array( 'production', 'https://192.168.1.20/token', 'causerie_url_private' ),
		);
	}

	/**
	 * An address is judged by the rule of the profile it is saved in, not the site's.
	 *
	 * @param string $environment The profile.
	 * @param string $url         The address.
	 * @param string $code        Expected error code.
	 */
	#[DataProvider( 'addresses_refused_for_the_profile' )]
	public function test_an_address_is_judged_by_the_profile_it_is_saved_in( string $environment, string $url, string $code ): void {
		$this->act_as( 'administrator' );
		$this->save_valid();
		$before = get_option( Credential_Store::OPTION );
		$field  = str_ends_with( $url, '/token' ) ? 'tokenEndpoint' : 'apiUrl';

		$response = $this->post(
			array(
				'environment' => $environment,
				$field        => $url,
			)
		);

		self::assertSame( 400, $response->get_status() );
		self::assertSame( $code, $this->error_code( $response ) );
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		self::assertSame( $field, $data['field'] );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
	}
}
