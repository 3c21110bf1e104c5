<?php
/**
 * Integration tests of the event log.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Log;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;

/**
 * What happens to the connection is logged, redacted, kept 30 days, and readable by administrators only.
 */
final class Event_Log_Test extends TestCase {

	/**
	 * The events route's answer.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @return array<mixed>
	 */
	private function events( array $params = array() ): array {
		$request = new WP_REST_Request( 'GET', '/causerie/v1/events' );
		$request->set_query_params( $params );
		$response = rest_get_server()->dispatch( $request );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * The newest event of a kind.
	 *
	 * @param string $kind Event kind.
	 * @return array<mixed>
	 */
	private function latest( string $kind ): array {
		$events = $this->events( array( 'kind' => $kind ) );
		self::assertNotEmpty( $events );
		self::assertIsArray( $events[0] );
		return $events[0];
	}

	/**
	 * The status of the events route for some query parameters.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 */
	private function status_for( array $params ): int {
		$request = new WP_REST_Request( 'GET', '/causerie/v1/events' );
		$request->set_query_params( $params );
		return rest_get_server()->dispatch( $request )->get_status();
	}

	public function test_tokens_secrets_and_credentials_are_redacted_at_any_depth(): void {
		$this->act_as( 'administrator' );
		$jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

		Event_Log::emit(
			'api',
			'token_invalid',
			array(
				'detail'  => 'sent Authorization: Bearer ' . $jwt . ' and got 401',
				'nested'  => array( 'refresh_token' => 'opaque-refresh-value' ),
				'secret'  => 'sandbox-production-secret',
				'headers' => array( 'Authorization' => 'Basic d3AtcHJvZHVjdGlvbjpzZWNyZXQ=' ),
			)
		);

		$logged = (string) wp_json_encode( $this->events() );
		foreach ( array( $jwt, 'opaque-refresh-value', 'sandbox-production-secret', 'd3AtcHJvZHVjdGlvbjpzZWNyZXQ=' ) as $secret ) {
			self::assertStringNotContainsString( $secret, $logged );
		}
		self::assertStringContainsString( 'got 401', $logged );
	}

	public function test_the_stored_secret_and_current_token_are_redacted_under_any_key(): void {
		Sandbox::reset();
		$this->act_as( 'administrator' );
		Sandbox::connect();
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$token = ( new Token_Store( new Encryption() ) )->get();
		self::assertInstanceOf( Cached_Token::class, $token );

		Event_Log::emit( 'api', 'request_refused', array( 'detail' => 'the server echoed sandbox-development-secret and ' . $token->access_token ) );

		$logged = (string) wp_json_encode( $this->latest( 'api' ) );
		self::assertStringNotContainsString( 'sandbox-development-secret', $logged );
		self::assertStringNotContainsString( $token->access_token, $logged );
		self::assertStringContainsString( 'the server echoed [redacted] and', $logged );
	}

	public function test_settings_changes_and_token_issues_are_logged(): void {
		Sandbox::reset();
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body(
			(string) wp_json_encode(
				array(
					'clientId'     => 'wp-development',
					'clientSecret' => 'sandbox-development-secret',
					'apiUrl'       => Sandbox::url(),
				)
			)
		);
		rest_get_server()->dispatch( $request );
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );

		$settings = $this->latest( 'settings' );
		$tokens   = $this->latest( 'token' );

		self::assertSame( 'saved', $settings['code'] );
		self::assertSame( array( 'fields' => array( 'clientId', 'clientSecret', 'apiUrl' ) ), array_intersect_key( (array) $settings['context'], array( 'fields' => 1 ) ) );
		self::assertSame( 'issued', $tokens['code'] );
		self::assertSame( array( 'grant' => 'client_credentials' ), array_intersect_key( (array) $tokens['context'], array( 'grant' => 1 ) ) );
		self::assertStringNotContainsString( 'sandbox-development-secret', (string) wp_json_encode( $this->events() ) );
	}

	public function test_events_older_than_30_days_are_forgotten(): void {
		Event_Log::emit( 'site', 'rebound' );
		$this->wpdb()->update( Event_Log::table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s', time() - 31 * DAY_IN_SECONDS ) ), array( 'code' => 'rebound' ) );

		Event_Log::emit( 'site', 'paused' );
		$this->act_as( 'administrator' );

		self::assertSame( array( 'paused' ), array_column( $this->events(), 'code' ) );
	}

	public function test_bad_filters_are_refused_and_other_roles_too(): void {
		$this->act_as( 'administrator' );
		self::assertSame( 400, $this->status_for( array( 'kind' => 'everything' ) ) );
		self::assertSame( 400, $this->status_for( array( 'limit' => 5000 ) ) );
		self::assertSame( 200, $this->status_for( array( 'limit' => 5 ) ) );

		$this->act_as( 'editor' );
		self::assertSame( 403, $this->dispatch( 'GET', '/causerie/v1/events' )->get_status() );
	}
}
