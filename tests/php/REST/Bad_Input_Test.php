<?php
/**
 * Bad input to every route of the plugin.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\Plugin_Storage;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * On a connected site with a token, a chosen alert address and a bound binding, each bad request gets a 4xx
 * that names the field at fault, leaves every stored row of the plugin byte for byte as it was, and makes no
 * request to the API.
 */
final class Bad_Input_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->act_as( 'administrator' );
		$saved = $this->send(
			'POST',
			'settings',
			Sandbox::credentials() + array( 'scopes' => array( 'read:widget', 'write:knowledge' ) )
		);
		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		self::assertSame( 200, $this->send( 'POST', 'alerts', array( 'alertEmail' => 'ops@example.com' ) )->get_status() );
		self::assertSame( 200, $this->send( 'GET', 'token', array() )->get_status() );
	}

	/**
	 * Every bad request: Bad_Requests holds the list.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	public static function bad_requests(): array {
		return Bad_Requests::all();
	}

	/**
	 * Sends a request the way a browser or a script would.
	 *
	 * @param string                      $method HTTP method.
	 * @param string                      $route  Route under the namespace.
	 * @param array<string, mixed>|string $body   Fields (the query of a GET), or a raw JSON text.
	 */
	private function send( string $method, string $route, array|string $body ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/' . Admin_Controller::NAMESPACE . '/' . $route );
		if ( 'GET' === $method && is_array( $body ) ) {
			$request->set_query_params( $body );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The fields a refusal names: its own `field`, or core's `params` (a map of invalid ones, a list of missing).
	 *
	 * @param mixed $data The error's data.
	 * @return list<string>
	 */
	private static function named_fields( mixed $data ): array {
		$data   = is_array( $data ) ? $data : array();
		$named  = is_string( $data['field'] ?? null ) ? array( $data['field'] ) : array();
		$params = is_array( $data['params'] ?? null ) ? $data['params'] : array();
		$params = array_is_list( $params ) ? $params : array_keys( $params );
		return array_values( array_merge( $named, array_map( static fn( mixed $name ): string => is_scalar( $name ) ? (string) $name : '', $params ) ) );
	}

	/**
	 * A bad request gets a 4xx naming its field, stores nothing and calls nothing.
	 *
	 * @param string                      $method HTTP method.
	 * @param string                      $route  Route under the namespace.
	 * @param array<string, mixed>|string $body   Fields, or a raw JSON text.
	 * @param string                      $field  The field the refusal names; empty for the request as a whole.
	 */
	#[DataProvider( 'bad_requests' )]
	public function test_bad_input_is_refused_naming_the_field_and_changes_nothing( string $method, string $route, array|string $body, string $field ): void {
		$before   = Plugin_Storage::snapshot();
		$requests = Sandbox::requests();

		$response = $this->send( $method, $route, $body );

		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error, 'accepted: ' . wp_json_encode( $response->get_data() ) );
		self::assertGreaterThanOrEqual( 400, $response->get_status() );
		self::assertLessThan( 500, $response->get_status(), $error->get_error_message() );
		self::assertNotSame( '', $error->get_error_message() );
		if ( '' !== $field ) {
			self::assertContains( $field, self::named_fields( $error->get_error_data() ), $error->get_error_code() . ': ' . $error->get_error_message() );
		}
		self::assertSame( $before, Plugin_Storage::snapshot() );
		self::assertSame( $requests, Sandbox::requests(), 'a request reached the API' );
	}

	public function test_there_are_at_least_eighty_cases_over_every_writable_route(): void {
		$routes = array();
		foreach ( Bad_Requests::all() as $case ) {
			$routes[ $case[0] . ' ' . $case[1] ] = true;
		}

		self::assertGreaterThanOrEqual( 80, count( Bad_Requests::all() ) );
		foreach ( rest_get_server()->get_routes( Admin_Controller::NAMESPACE ) as $route => $handlers ) {
			foreach ( (array) $handlers as $handler ) {
				$methods = is_array( $handler ) && is_array( $handler['methods'] ?? null ) ? $handler['methods'] : array();
				$writes  = array_intersect( array_keys( array_filter( $methods, static fn( mixed $on ): bool => true === $on ) ), array( 'POST', 'PUT', 'PATCH', 'DELETE' ) );
				foreach ( $writes as $method ) {
					$path = substr( (string) $route, strlen( '/' . Admin_Controller::NAMESPACE . '/' ) );
					// The network's route is exercised on a network (Multisite\Network_Bad_Input_Test).
					if ( ! str_starts_with( $path, 'network/' ) ) {
						self::assertArrayHasKey( $method . ' ' . $path, $routes, 'no bad input for ' . $method . ' ' . $path );
					}
				}
			}
		}
	}
}
