<?php
/**
 * The whole connection, through the REST routes, against every shape a standards-compliant server may take.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Api;

use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;

/**
 * An admin enters the API address and the credentials; the plugin connects, checks with the token in hand, heals
 * after a revocation or a key change, and regenerates, whatever the server: on two origins, without refresh
 * tokens, with 30-second or opaque tokens, revoking only through introspection, or refusing to revoke JWTs.
 */
final class Server_Shapes_Test extends TestCase {

	/**
	 * Sends a request to the plugin's REST API as an administrator.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route under /causerie/v1.
	 * @param array<string, mixed> $body   JSON body.
	 * @return array<mixed>
	 */
	private function call( string $method, string $route, array $body = array() ): array {
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( $method, '/causerie/v1' . $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		$response = rest_get_server()->dispatch( $request );
		$data     = $response->get_data();
		self::assertIsArray( $data );
		self::assertLessThan( 300, $response->get_status(), (string) wp_json_encode( $data ) );
		return $data;
	}

	/**
	 * Saves the development client's credentials for an API address, as the settings screen does.
	 *
	 * @param string $api_url The only address the admin enters.
	 */
	private function save( string $api_url ): void {
		$this->call( 'POST', '/settings', Sandbox::credentials( 'wp-development', $api_url ) );
	}

	/**
	 * Runs the checks; each check's status and evidence by id.
	 *
	 * @return array<string, array{status: string, code: string, evidence: array<mixed>}>
	 */
	private function checks(): array {
		$checks = array();
		foreach ( (array) $this->call( 'POST', '/checks' )['checks'] as $check ) {
			self::assertIsArray( $check );
			self::assertIsString( $check['id'] );
			self::assertIsString( $check['status'] );
			self::assertIsString( $check['code'] );
			$checks[ $check['id'] ] = array(
				'status'   => $check['status'],
				'code'     => $check['code'],
				'evidence' => (array) $check['evidence'],
			);
		}
		return $checks;
	}

	/**
	 * Asserts every check passed, and returns the token row's evidence.
	 *
	 * @param array<string, array{status: string, code: string, evidence: array<mixed>}> $checks A run.
	 * @return array<mixed>
	 */
	private static function assert_green( array $checks ): array {
		foreach ( $checks as $id => $check ) {
			self::assertContains( $check['status'], array( 'ok', 'skipped' ), $id . ': ' . $check['code'] );
		}
		return $checks['token']['evidence'];
	}

	public function test_split_origins_no_refresh_tokens_and_30_second_tokens(): void {
		list( $issuer, $api ) = Sandbox::split();
		Sandbox::control(
			'PUT',
			'/modes',
			array(
				'refreshTokens' => 'never',
				'tokenLifetime' => 30,
			),
			$issuer
		);

		$this->save( $api );
		$saved = Sandbox::requests( $issuer );
		$token = self::assert_green( $this->checks() );
		for ( $i = 0; $i < 5; $i++ ) {
			self::assert_green( $this->checks() );
		}

		self::assertLessThanOrEqual( 30, $token['secondsLeft'] );
		self::assertSame( 1, Sandbox::token_requests( $issuer ), 'saving proved the credentials with the token that is then used' );
		$counters = Sandbox::control( 'GET', '/counters', null, $issuer );
		self::assertSame( array( $api . '/v1' => 1 ), $counters['resources'], 'the RFC 8707 resource is sent' );
		$checked = Sandbox::requests( $issuer );
		self::assertSame( 6, $checked['api'] - $saved['api'], 'one call per check' );
		self::assertSame( array_sum( $saved ) + 6, array_sum( $checked ), 'and nothing else' );

		Sandbox::control( 'POST', '/clients/wp-development/revoke', array(), $issuer );
		self::assertSame( 'token_revoked', self::assert_green( $this->checks() )['healed'] );
		Sandbox::control( 'POST', '/keys/rotate', array( 'keepOld' => false ), $issuer );
		self::assertSame( 'signing_key_unknown', self::assert_green( $this->checks() )['healed'] );
		$status = $this->call( 'GET', '/status' );
		self::assertSame( 'connected', $status['state'] );
		self::assertIsArray( $status['server'] );
		self::assertSame( $issuer, $status['server']['issuer'] );
		self::assertSame( $api . '/v1', $status['server']['resource'] );
	}

	public function test_opaque_tokens_revoked_only_through_introspection(): void {
		Sandbox::reset();
		Sandbox::control(
			'PUT',
			'/modes',
			array(
				'tokenFormat' => 'opaque',
				'revocation'  => 'introspection-only',
			)
		);
		$this->save( Sandbox::url() );
		self::assert_green( $this->checks() );

		$inspected = $this->call( 'GET', '/token' );
		self::assertSame( 'opaque', $inspected['format'] );
		self::assertEquals( new \stdClass(), $inspected['claims'] );

		Sandbox::control( 'POST', '/clients/wp-development/revoke' );
		self::assertSame( 'token_revoked', self::assert_green( $this->checks() )['healed'], 'introspection says the token is no longer active' );

		$before      = Sandbox::token_requests();
		$regenerated = $this->call( 'POST', '/token/regenerate', array( 'requestId' => 'regenerate-opaque-1' ) );
		self::assertFalse( $regenerated['previousRevoked'], 'the server offers no revocation: the old token expires on its own' );
		self::assertSame( $before + 1, Sandbox::token_requests() );
		self::assert_green( $this->checks() );
	}

	public function test_a_server_that_refuses_to_revoke_jwts(): void {
		Sandbox::reset();
		Sandbox::control(
			'PUT',
			'/modes',
			array(
				'revocation'    => 'refuse-jwt',
				'refreshTokens' => 'never',
			)
		);
		$this->save( Sandbox::url() );

		$regenerated = $this->call( 'POST', '/token/regenerate', array( 'requestId' => 'regenerate-refused-1' ) );

		self::assertFalse( $regenerated['previousRevoked'] );
		self::assertSame( 0, Sandbox::revocations() );
	}

	public function test_a_server_without_the_environment_claim_raises_no_false_alarm(): void {
		Sandbox::reset();
		Sandbox::control(
			'PUT',
			'/modes',
			array(
				'environmentClaim' => false,
				'nbfClaim'         => false,
				'expiresIn'        => 'omitted',
				'scopeInResponse'  => 'omitted',
			)
		);
		$this->save( Sandbox::url() );

		$checks = $this->checks();

		self::assert_green( $checks );
		self::assertSame( 'skipped', $checks['environment']['status'] );
		self::assertSame( 'connected', $this->call( 'GET', '/status' )['state'] );
	}

	public function test_changing_the_client_revokes_the_old_token_with_the_old_credentials(): void {
		Sandbox::reset();
		$this->save( Sandbox::url() );
		$old = $this->call( 'GET', '/token' );

		Sandbox::control(
			'POST',
			'/clients',
			array(
				'id'          => 'wp-development-2',
				'secret'      => 'second-development-secret',
				'scopes'      => array( 'read:widget', 'write:knowledge' ),
				'environment' => 'development',
			)
		);
		$this->call(
			'POST',
			'/settings',
			array(
				'clientId'     => 'wp-development-2',
				'clientSecret' => 'second-development-secret',
			)
		);
		$new = $this->call( 'GET', '/token' );

		self::assertIsArray( $old['claims'] );
		self::assertIsArray( $new['claims'] );
		self::assertSame( 'wp-development', $old['claims']['client_id'] );
		self::assertSame( 'wp-development-2', $new['claims']['client_id'] );
		self::assertSame( 2, Sandbox::revocations( 'wp-development' ), 'its access token and refresh token' );
		self::assertSame( 0, Sandbox::revocations( 'wp-development-2' ) );
	}

	public function test_a_refused_scope_names_the_scope_the_server_refused(): void {
		Sandbox::reset();
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/settings/verify' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( Sandbox::credentials( 'wp-widget-only' ) + array( 'scopes' => array( 'read:widget', 'write:knowledge' ) ) ) );

		$response = rest_get_server()->dispatch( $request );

		self::assertSame( 422, $response->get_status() );
		$data = (array) $response->get_data();
		self::assertIsArray( $data['data'] );
		self::assertIsArray( $data['data']['diagnosis'] );
		self::assertSame( 'invalid_scope', $data['data']['diagnosis']['code'] );
		$evidence = $data['data']['diagnosis']['evidence'];
		self::assertIsArray( $evidence );
		self::assertSame( array( 'write:knowledge' ), $evidence['refused'] );
		self::assertSame( array( 'read:widget', 'write:knowledge' ), $evidence['requested'] );
	}
}
