<?php
/**
 * Bad input to the settings routes of a network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\Tests\Plugin_Storage;
use Causerie\Connector\Tests\REST\Bad_Requests;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Every bad settings request of Bad_Requests, sent to the network's route by a network administrator and to
 * a sub-site's own route by its administrator: a 4xx naming the field, no row of the plugin changed (the
 * network's site options included) and no request to the API.
 */
final class Network_Bad_Input_Test extends Network_TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->act_as_super_admin();
		$saved = $this->send_body( 'POST', Network_Settings_Controller::REST_BASE, Sandbox::credentials() );
		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
	}

	/**
	 * The settings cases of Bad_Requests.
	 *
	 * @return array<string, array{string, array<string, mixed>|string, string}>
	 */
	public static function bad_settings(): array {
		$cases = array();
		foreach ( Bad_Requests::all() as $name => $case ) {
			if ( 'settings' === $case[1] ) {
				$cases[ $name ] = array( $case[0], $case[2], $case[3] );
			}
		}
		return $cases;
	}

	/**
	 * The same, but for the values a sub-site may send empty: there they remove its own value so the network's
	 * applies (Site_Admin_Limits_Test proves that), so they are not bad input.
	 *
	 * @return array<string, array{0: string, 1: array<string, mixed>|string, 2: string}>
	 */
	public static function bad_sub_site_settings(): array {
		return array_filter(
			self::bad_settings(),
			static function ( array $case ): bool {
				foreach ( array( 'clientId', 'clientSecret', 'apiUrl' ) as $field ) {
					if ( is_array( $case[1] ) && isset( $case[1][ $field ] ) && is_string( $case[1][ $field ] ) && '' === trim( $case[1][ $field ] ) ) {
						return false;
					}
				}
				return true;
			}
		);
	}

	/**
	 * Sends a request with a JSON body, or a raw JSON text.
	 *
	 * @param string                      $method HTTP method.
	 * @param string                      $route  Route under the namespace.
	 * @param array<string, mixed>|string $body   Fields, or a raw JSON text.
	 */
	private function send_body( string $method, string $route, array|string $body ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/' . Admin_Controller::NAMESPACE . '/' . $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Sends the request and checks it was refused for its field, with nothing stored and nothing sent.
	 *
	 * @param string                      $method HTTP method.
	 * @param string                      $route  Route under the namespace.
	 * @param array<string, mixed>|string $body   Fields, or a raw JSON text.
	 * @param string                      $field  The field the refusal names; empty for the request as a whole.
	 */
	private function assert_refused( string $method, string $route, array|string $body, string $field ): void {
		$before   = Plugin_Storage::snapshot();
		$requests = Sandbox::requests();

		$response = $this->send_body( $method, $route, $body );

		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error, 'accepted: ' . wp_json_encode( $response->get_data() ) );
		self::assertSame( 400, $response->get_status(), $error->get_error_message() );
		if ( '' !== $field ) {
			$data   = (array) $error->get_error_data();
			$params = is_array( $data['params'] ?? null ) ? $data['params'] : array();
			$named  = array_merge( array( $data['field'] ?? '' ), array_is_list( $params ) ? $params : array_keys( $params ) );
			self::assertContains( $field, $named, $error->get_error_message() );
		}
		self::assertSame( $before, Plugin_Storage::snapshot() );
		self::assertSame( $requests, Sandbox::requests(), 'a request reached the API' );
	}

	/**
	 * The network's route.
	 *
	 * @param string                      $method HTTP method.
	 * @param array<string, mixed>|string $body   Fields, or a raw JSON text.
	 * @param string                      $field  The field the refusal names.
	 */
	#[DataProvider( 'bad_settings' )]
	public function test_bad_input_to_the_networks_settings_is_refused_and_changes_nothing( string $method, array|string $body, string $field ): void {
		$this->assert_refused( $method, Network_Settings_Controller::REST_BASE, $body, $field );
	}

	/**
	 * A sub-site's own route, while it inherits the network's credentials.
	 *
	 * @param string                      $method HTTP method.
	 * @param array<string, mixed>|string $body   Fields, or a raw JSON text.
	 * @param string                      $field  The field the refusal names.
	 */
	#[DataProvider( 'bad_sub_site_settings' )]
	public function test_bad_input_to_a_sub_sites_settings_is_refused_and_changes_nothing( string $method, array|string $body, string $field ): void {
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$this->assert_refused( $method, 'settings', $body, $field );
	}
}
