<?php
/**
 * Tests of the diagnosis every REST error carries.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_Error;
use WP_REST_Request;

/**
 * What a server or the network said is shown as evidence, but bounded, on one line, and without any
 * credential in it: the browser and the CLI never receive a token or a secret through an error.
 */
final class Diagnosis_Error_Test extends TestCase {

	private const SECRET = 'sandbox-development-secret';
	private const JWT    = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3cC1kZXZlbG9wbWVudCJ9.c2lnbmF0dXJlLWJ5dGVz';

	public function test_upstream_text_in_an_error_is_bounded_on_one_line_and_without_credentials(): void {
		Sandbox::reset();
		$this->act_as( 'administrator' );
		$hostile = static fn(): WP_Error => new WP_Error(
			'http_request_failed',
			'cURL error 7: Failed to connect; the proxy said: Bearer ' . self::JWT . "\r\nX-Echo: " . self::SECRET . "\x1b[2J" . str_repeat( 'A', 3000 )
		);
		add_filter( 'pre_http_request', $hostile );

		$request = new WP_REST_Request( 'POST', '/causerie/v1/' . Settings_Controller::REST_BASE . '/verify' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body(
			(string) wp_json_encode(
				array(
					'clientId'     => 'wp-development',
					'clientSecret' => self::SECRET,
					'apiUrl'       => Sandbox::url(),
				)
			)
		);
		$response = rest_get_server()->dispatch( $request );
		remove_filter( 'pre_http_request', $hostile );

		$data = $response->get_data();
		self::assertSame( 502, $response->get_status() );
		self::assertIsArray( $data );
		self::assertIsArray( $data['data'] );
		self::assertIsArray( $data['data']['diagnosis'] );
		self::assertIsArray( $data['data']['diagnosis']['evidence'] );
		$detail = $data['data']['diagnosis']['evidence']['detail'] ?? null;
		self::assertIsString( $detail );
		self::assertStringStartsWith( 'cURL error 7: Failed to connect; the proxy said: Bearer [redacted token] X-Echo: [redacted] [2J', $detail );
		self::assertLessThanOrEqual( 501, mb_strlen( $detail ) );
		$shown = (string) wp_json_encode( $data );
		foreach ( array( self::JWT, 'c2lnbmF0dXJlLWJ5dGVz', self::SECRET, "\r", "\x1b" ) as $hidden ) {
			self::assertStringNotContainsString( $hidden, $shown );
		}
	}
}
