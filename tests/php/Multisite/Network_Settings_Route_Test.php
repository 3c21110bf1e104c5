<?php
/**
 * Tests of the network's settings route, which the network screen's app saves through.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Tests\Sandbox;

/**
 * What the network form did, through the route: verification before saving, nothing saved when the API
 * refuses, the route's own input rules, network administrators only, and never the secret in an answer.
 */
final class Network_Settings_Route_Test extends Network_TestCase {

	private const ROUTE = '/causerie/v1/network/settings';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * The network's store.
	 */
	private function network_store(): Credential_Store {
		return new Credential_Store( new Encryption(), new Overrides(), Credential_Store::network_storage() );
	}

	public function test_valid_credentials_are_verified_saved_and_answered_without_the_secret(): void {
		$this->act_as_super_admin();

		$saved = $this->data_of(
			$this->send(
				'POST',
				self::ROUTE,
				array(
					'environment'  => 'local',
					'clientId'     => 'wp-development',
					'clientSecret' => self::SECRET,
					'apiUrl'       => Sandbox::url(),
					'scopes'       => array( 'read:widget', 'write:knowledge' ),
				)
			)
		);

		$credentials = $this->network_store()->credentials( 'local' );
		self::assertSame( 'wp-development', $credentials->client_id );
		self::assertSame( self::SECRET, $credentials->secret );
		self::assertSame( 'ok', $saved['secretStatus'] );
		self::assertIsString( $saved['secretHint'] );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{6}$/', $saved['secretHint'] );
		self::assertStringNotContainsString( self::SECRET, (string) wp_json_encode( $saved ) );
	}

	public function test_credentials_the_api_refuses_are_not_saved_and_the_answer_says_why(): void {
		$this->act_as_super_admin();

		$response = $this->send(
			'POST',
			self::ROUTE,
			array(
				'environment'  => 'local',
				'clientId'     => 'wp-development',
				'clientSecret' => 'not-the-right-secret',
				'apiUrl'       => Sandbox::url(),
				'scopes'       => array( 'read:widget' ),
			)
		);

		$data = $response->get_data();
		self::assertGreaterThanOrEqual( 400, $response->get_status() );
		self::assertIsArray( $data );
		self::assertIsArray( $data['data'] ?? null );
		self::assertIsArray( $data['data']['diagnosis'] ?? null, (string) wp_json_encode( $data ) );
		self::assertStringNotContainsString( 'not-the-right-secret', (string) wp_json_encode( $data ) );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_no_scope_is_refused_and_nothing_is_saved(): void {
		$this->act_as_super_admin();

		$response = $this->send(
			'POST',
			self::ROUTE,
			array(
				'environment' => 'local',
				'clientId'    => 'wp-development',
				'scopes'      => array(),
			)
		);

		self::assertSame( 400, $response->get_status() );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_a_site_administrator_is_refused_and_nothing_is_saved(): void {
		$this->act_as( 'administrator' );

		$response = $this->send( 'POST', self::ROUTE, array( 'clientId' => 'wp-development' ) );

		self::assertSame( 403, $response->get_status() );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_each_profile_is_read_on_its_own(): void {
		$this->act_as_super_admin();
		$this->network_store()->save( 'staging', array( 'clientId' => 'wp-staging' ) );

		$request = new \WP_REST_Request( 'GET', self::ROUTE );
		$request->set_query_params( array( 'environment' => 'staging' ) );
		$staging = $this->data_of( rest_get_server()->dispatch( $request ) );

		self::assertSame( 'staging', $staging['environment'] );
		self::assertSame( 'wp-staging', $staging['clientId'] );
	}
}
