<?php
/**
 * The client secret goes only to the addresses it was saved for.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\Tests\Listener;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * An administrator who changes an address must type the secret again; a secret set in wp-config.php goes only to
 * an address set there; and the token client itself holds the secret back from an address it was not proven
 * with. A listener on another port stands for the address someone would like the secret sent to.
 */
final class Secret_Destination_Test extends TestCase {

	private const ROUTE  = '/causerie/v1/' . Settings_Controller::REST_BASE;
	private const SECRET = 'sandbox-development-secret';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Sends a POST with a JSON body.
	 *
	 * @param string               $route Route.
	 * @param array<string, mixed> $body  Fields.
	 */
	private function post( string $route, array $body ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Saves the sandbox's development client through the settings route, as an administrator.
	 */
	private function connect(): void {
		$this->act_as( 'administrator' );
		$saved = $this->post( self::ROUTE, Sandbox::credentials() );
		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
	}

	/**
	 * The error data of a failed response.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	private static function error_data( WP_REST_Response $response ): array {
		$data = $response->as_error()?->get_error_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * Each route that tries credentials, and each address field pointed at the listener.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function moves(): array {
		$cases = array();
		foreach ( array(
			'verifying' => '/verify',
			'saving'    => '',
		) as $route => $path ) {
			foreach ( array(
				'apiUrl'        => '',
				'issuer'        => '',
				'tokenEndpoint' => '/auth/token',
			) as $field => $suffix ) {
				$cases[ "$route with another $field" ] = array( $path, $field, $suffix );
			}
		}
		return $cases;
	}

	/**
	 * What "Get a new token" answers: reading GET /token never asks for one.
	 */
	private function get_a_new_token(): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/causerie/v1/token/regenerate' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'requestId' => wp_generate_uuid4() ) ) );
		return rest_get_server()->dispatch( $request );
	}

	#[DataProvider( 'moves' )]
	public function test_another_address_without_the_secret_is_refused_and_the_listener_gets_nothing( string $path, string $field, string $suffix ): void {
		$this->connect();
		$before   = get_option( Credential_Store::OPTION );
		$listener = Listener::url();

		$response = $this->post( self::ROUTE . $path, array( $field => $listener . $suffix ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'causerie_secret_required', $this->error_code( $response ) );
		self::assertSame( 'clientSecret', self::error_data( $response )['field'] );
		self::assertSame( 'Enter the client secret again to use it with the new address.', $response->as_error()?->get_error_message() );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
		self::assertSame( 0, Listener::count() );
		self::assertSame( $before, get_option( Credential_Store::OPTION ), 'nothing stored changed' );
	}

	public function test_the_secret_typed_again_goes_to_the_new_address(): void {
		$this->connect();
		// Another sandbox, with the same seeded clients.
		$other = Sandbox::split()[1];

		$saved = $this->post(
			self::ROUTE,
			array(
				'apiUrl'       => $other,
				'clientSecret' => self::SECRET,
			)
		);

		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$data = $saved->get_data();
		self::assertIsArray( $data );
		self::assertSame( $other, $data['apiUrl'] );
		self::assertSame( 200, $this->post( self::ROUTE . '/verify', array() )->get_status(), 'the stored secret now works with the new address' );
	}

	#[DataProvider( 'moves' )]
	public function test_a_secret_set_in_the_environment_goes_to_no_address_set_here( string $path, string $field, string $suffix ): void {
		$this->connect();
		$this->set_variable( 'CAUSERIE_CLIENT_SECRET', self::SECRET );
		$before   = get_option( Credential_Store::OPTION );
		$listener = Listener::url();

		$response = $this->post( self::ROUTE . $path, array( $field => $listener . $suffix ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'causerie_secret_locked', $this->error_code( $response ) );
		self::assertSame( $field, self::error_data( $response )['field'] );
		self::assertStringContainsString( 'wp-config.php', (string) $response->as_error()?->get_error_message() );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
	}

	/**
	 * Points the stored profile's API address elsewhere, as a database edit or another plugin might.
	 *
	 * @param string $api_url The new address.
	 */
	private static function move_behind_the_plugins_back( string $api_url ): void {
		$stored = get_option( Credential_Store::OPTION );
		self::assertIsArray( $stored );
		self::assertIsArray( $stored['local'] );
		$stored['local']['apiUrl'] = $api_url;
		update_option( Credential_Store::OPTION, $stored, false );
	}

	public function test_an_address_changed_behind_the_plugins_back_gets_no_secret(): void {
		$this->connect();
		$listener = Listener::url();
		self::move_behind_the_plugins_back( $listener );

		$token = $this->get_a_new_token();

		self::assertSame( 'causerie_regeneration_failed', $this->error_code( $token ) );
		$diagnosis = self::error_data( $token )['diagnosis'];
		self::assertIsArray( $diagnosis );
		self::assertSame( 'secret_address_changed', $diagnosis['code'] );
		self::assertStringContainsString( 'secret again', (string) wp_json_encode( $diagnosis['steps'] ) );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
	}

	public function test_a_token_endpoint_on_another_server_gets_no_secret_even_past_discovery(): void {
		$this->connect();
		// The site's own key, which the record was made with.
		$services    = new Services( null, new Encryption() );
		$credentials = $services->credentials->credentials();
		$found       = $services->discovery->endpoints( $credentials );
		self::assertInstanceOf( Endpoints::class, $found );
		// Discovery refuses such metadata first; this is the last line, where the secret would leave.
		$elsewhere = new Endpoints( $found->issuer, Listener::url() . '/auth/token', $found->jwks_uri, '', '', $found->auth_methods, $found->resource, $found->source );

		$token = $services->client->client_credentials( $elsewhere, $credentials );

		self::assertInstanceOf( Finding::class, $token );
		self::assertSame( 'secret_address_changed', $token->code );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
		self::assertSame( 0, Listener::count() );
	}


	public function test_a_secret_saved_before_it_was_bound_is_bound_by_its_first_use(): void {
		Sandbox::connect();
		$this->act_as( 'administrator' );
		$stored = get_option( Credential_Store::OPTION );
		self::assertIsArray( $stored );
		self::assertIsArray( $stored['local'] );
		self::assertArrayNotHasKey( Secret_Binding::FIELD, $stored['local'] );

		self::assertSame( 200, $this->get_a_new_token()->get_status() );

		$stored = get_option( Credential_Store::OPTION );
		self::assertIsArray( $stored );
		self::assertIsArray( $stored['local'] );
		self::assertIsArray( $stored['local'][ Secret_Binding::FIELD ] );
		$listener = Listener::url();
		self::move_behind_the_plugins_back( $listener );
		self::assertSame( 'causerie_regeneration_failed', $this->error_code( $this->get_a_new_token() ) );
		self::assertSame( array(), Listener::received( self::SECRET ) );
	}
}
