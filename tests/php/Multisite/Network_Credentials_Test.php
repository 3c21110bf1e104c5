<?php
/**
 * Network credentials and site overrides, on a real multisite network with the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Tests\Listener;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * The network administrator sets credentials every site uses; a site may set its own, field by field;
 * wp-config.php or the environment still win over both.
 */
final class Network_Credentials_Test extends Network_TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * The claims of the token the current site uses, after checking the sandbox accepts it. Revealed as a
	 * network administrator: a token of the network's client is theirs to see.
	 *
	 * @return array<mixed>
	 */
	private function token_claims(): array {
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		rest_get_server()->dispatch( new WP_REST_Request( 'POST', '/causerie/v1/checks' ) );
		$user    = get_current_user_id();
		$granted = ! is_super_admin( $user ) && grant_super_admin( $user );
		$request = new WP_REST_Request( 'GET', '/causerie/v1/token' );
		$request->set_param( 'reveal', 'true' );
		$data = $this->data_of( rest_get_server()->dispatch( $request ) );
		if ( $granted ) {
			revoke_super_admin( $user );
		}
		self::assertIsString( $data['token'] );
		self::assertTrue( Sandbox::accepts( $data['token'] ) );
		$claims = Jwt_Segments::decode( $data['token'], Jwt_Segments::CLAIMS );
		self::assertIsArray( $claims );
		return $claims;
	}

	public function test_a_site_without_credentials_of_its_own_gets_a_real_token_with_the_networks(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$settings = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) );
		$claims   = $this->token_claims();

		self::assertSame( 'wp-development', $settings['clientId'] );
		self::assertSame( Sandbox::url(), $settings['apiUrl'] );
		self::assertTrue( $settings['hasSecret'] );
		self::assertSame( '', $settings['secretHint'], 'A site admin sees nothing of the network\'s secret, not even a fingerprint.' );
		self::assertEquals(
			(object) array(
				'clientId'     => 'network',
				'clientSecret' => 'network',
				'apiUrl'       => 'network',
				'scopes'       => 'network',
			),
			$settings['inherited']
		);
		self::assertSame( 'wp-development', $claims['client_id'] );
		self::assertFalse( get_option( Credential_Store::OPTION ), 'The site stores no credentials of its own.' );
	}

	public function test_the_networks_secret_is_stored_encrypted_in_a_site_option(): void {
		$this->save_network_credentials();

		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the raw table is the point; WPCS 2.3 predates %i.
		$stored = $wpdb->get_var( $wpdb->prepare( 'SELECT meta_value FROM %i WHERE meta_key = %s', $wpdb->sitemeta, Credential_Store::NETWORK_OPTION ) );
		self::assertIsString( $stored );

		self::assertStringContainsString( 'wp-development', $stored );
		self::assertStringContainsString( 'cc2:', $stored );
		self::assertStringNotContainsString( self::SECRET, $stored );
		self::assertFalse( get_option( Credential_Store::OPTION ) );
	}

	public function test_a_sites_own_credentials_win_over_the_networks_field_by_field(): void {
		Sandbox::control(
			'POST',
			'/clients',
			array(
				'id'          => 'wp-second-site',
				'secret'      => 'sandbox-second-site-secret',
				'scopes'      => array( 'read:conversations', 'write:knowledge', 'read:widget' ),
				'environment' => 'development',
			)
		);
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$saved = $this->data_of(
			$this->send(
				'POST',
				'/causerie/v1/settings',
				array(
					'clientId'     => 'wp-second-site',
					'clientSecret' => 'sandbox-second-site-secret',
				)
			)
		);

		self::assertSame( 'wp-second-site', $saved['clientId'] );
		self::assertEquals( (object) array( 'apiUrl' => 'network' ), $saved['inherited'] );
		self::assertSame( 'wp-second-site', $this->token_claims()['client_id'] );
		restore_current_blog();
		$this->act_as( 'administrator' );
		self::assertSame( 'wp-development', $this->token_claims()['client_id'], 'The main site still uses the network\'s.' );
	}

	public function test_wp_config_and_the_environment_win_over_both_levels(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );
		$this->send( 'POST', '/causerie/v1/settings', array( 'scopes' => array( 'read:widget' ) ) );
		$this->set_variable( 'CAUSERIE_LOCAL_CLIENT_ID', 'from-the-environment' );
		$this->set_variable( 'CAUSERIE_SCOPES', 'read:conversations' );

		$settings = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) );

		self::assertSame( 'from-the-environment', $settings['clientId'] );
		self::assertSame( array( 'read:conversations' ), $settings['scopes'] );
		self::assertEquals(
			(object) array(
				'clientId' => 'environment',
				'scopes'   => 'environment',
			),
			$settings['locked']
		);
		self::assertEquals(
			(object) array(
				'clientSecret' => 'network',
				'apiUrl'       => 'network',
			),
			$settings['inherited']
		);
	}

	public function test_a_site_admin_can_not_send_the_networks_secret_to_an_address_of_their_own(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );
		$listener = Listener::url();

		$verified = $this->send( 'POST', '/causerie/v1/settings/verify', array( 'apiUrl' => $listener ) );
		$saved    = $this->send( 'POST', '/causerie/v1/settings', array( 'apiUrl' => $listener ) );

		self::assertSame( 'causerie_secret_required', $this->error_code( $verified ) );
		self::assertSame( 400, $saved->get_status(), 'a sub-site no longer saves an address that cuts it off' );
		self::assertSame( 'causerie_secret_required', $this->error_code( $saved ) );
		self::assertFalse( get_option( Credential_Store::OPTION ), 'nothing stored' );
		self::assertSame( 0, Listener::count() );
		$settings = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) );
		self::assertTrue( $settings['hasSecret'], 'still connected with the network\'s credentials' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		self::assertSame( 200, $this->dispatch( 'GET', '/causerie/v1/token' )->get_status() );
	}

	public function test_a_site_inheriting_broken_network_credentials_is_diagnosed_like_any_other(): void {
		$this->save_network_credentials();
		// As when the secret is regenerated in the Causerie dashboard.
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'regenerated-elsewhere' ) );
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$checks = $this->data_of( $this->send( 'POST', '/causerie/v1/checks' ) );
		$status = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/status' ) );

		self::assertIsArray( $checks['checks'] );
		$codes = array_column( $checks['checks'], 'code', 'id' );
		self::assertSame( 'invalid_client', $codes['credentials'] );
		self::assertSame( 'broken', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'invalid_client', $status['diagnosis']['code'] );
	}

	public function test_network_credentials_the_api_refuses_are_not_saved(): void {
		$this->act_as_super_admin();

		$response = $this->send(
			'POST',
			self::NETWORK_ROUTE,
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => 'not-the-right-secret',
				'apiUrl'       => Sandbox::url(),
			)
		);

		self::assertSame( 422, $response->get_status() );
		self::assertSame( 'causerie_verification_failed', $this->error_code( $response ) );
		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error );
		$data = $error->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		// Typed now, the secret never worked: mistyped, not regenerated.
		self::assertSame( 'secret_mismatch', $data['diagnosis']['code'] );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_the_network_route_answers_without_the_secret_and_inherits_from_nothing(): void {
		$this->save_network_credentials();

		$data = $this->data_of( $this->dispatch( 'GET', self::NETWORK_ROUTE ) );

		self::assertSame( 'wp-development', $data['clientId'] );
		self::assertIsString( $data['secretHint'] );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{6}$/', $data['secretHint'], 'a fingerprint, no character of the secret' );
		self::assertEquals( (object) array(), $data['inherited'] );
		self::assertStringNotContainsString( self::SECRET, (string) wp_json_encode( $data ) );
	}

	/**
	 * Users who must be refused by the network route, with the status each gets.
	 *
	 * @return array<string, array{string, int}>
	 */
	public static function refused_on_the_network(): array {
		return array(
			'a site administrator who is not a network administrator gets 403' => array( 'administrator', 403 ),
			'an editor gets 403'            => array( 'editor', 403 ),
			'an anonymous visitor gets 401' => array( '', 401 ),
		);
	}

	#[DataProvider( 'refused_on_the_network' )]
	public function test_only_network_administrators_may_read_or_change_the_networks_credentials( string $role, int $status ): void {
		$this->act_as( $role );

		$read    = $this->dispatch( 'GET', self::NETWORK_ROUTE );
		$changed = $this->send( 'POST', self::NETWORK_ROUTE, array( 'clientId' => 'wp-development' ) );

		self::assertSame( $status, $read->get_status() );
		self::assertSame( $status, $changed->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $changed ) );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_a_site_administrator_manages_their_own_sites_credentials(): void {
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$saved = $this->send( 'POST', '/causerie/v1/settings', array( 'clientId' => 'wp-development' ) );

		self::assertSame( 200, $saved->get_status() );
		self::assertFalse( current_user_can( 'manage_network_options' ) );
		self::assertSame( 'wp-development', $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) )['clientId'] );
	}
}
