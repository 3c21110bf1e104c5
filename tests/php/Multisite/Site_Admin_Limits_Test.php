<?php
/**
 * What a site administrator may do with the network's client, on a real network with the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Tests\Sandbox;
use WP_REST_Request;

/**
 * A site that uses the network's secret uses the network's client: its token is shown raw to network
 * administrators only, and its scopes are the network's. A site's override is verified before it is saved,
 * and removing it (an empty value) brings back the network's value.
 */
final class Site_Admin_Limits_Test extends Network_TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * GET /token, revealing the raw token.
	 */
	private function reveal(): \WP_REST_Response {
		$request = new WP_REST_Request( 'GET', '/causerie/v1/token' );
		$request->set_param( 'reveal', 'true' );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Token requests the sandbox received, for every client.
	 */
	private static function token_requests(): int {
		return Sandbox::token_requests();
	}

	public function test_only_a_network_administrator_may_reveal_a_token_of_the_networks_client(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$site_admin = $this->act_as( 'administrator' );
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );

		$refused  = $this->reveal();
		$inspects = $this->dispatch( 'GET', '/causerie/v1/token' );
		grant_super_admin( $site_admin );
		$revealed = $this->reveal();

		self::assertSame( 403, $refused->get_status() );
		self::assertSame( 'causerie_reveal_forbidden', $this->error_code( $refused ) );
		$inspected = $this->data_of( $inspects );
		self::assertArrayNotHasKey( 'token', $inspected, 'the header and claims, without the token' );
		self::assertSame( 'jwt', $inspected['format'] );
		$data = $this->data_of( $revealed );
		self::assertIsString( $data['token'] );
		self::assertTrue( Sandbox::accepts( $data['token'] ) );
	}

	public function test_a_site_using_the_networks_client_can_not_widen_its_scopes(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );

		$refused = $this->send( 'POST', '/causerie/v1/settings', array( 'scopes' => array( 'read:conversations', 'read:widget', 'write:knowledge' ) ) );
		$same    = $this->send( 'POST', '/causerie/v1/settings/verify', array( 'scopes' => Scopes::REQUIRED ) );

		self::assertSame( 400, $refused->get_status() );
		self::assertSame( 'causerie_scopes_inherited', $this->error_code( $refused ) );
		$error = $refused->as_error()?->get_error_data();
		self::assertIsArray( $error );
		self::assertSame( 'scopes', $error['field'] );
		self::assertFalse( get_option( Credential_Store::OPTION ), 'nothing stored' );
		self::assertSame( 200, $same->get_status(), 'the network\'s own scopes may be sent back, as the screen does when it verifies' );
	}

	public function test_a_stored_scope_override_is_not_used_while_the_secret_is_the_networks(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );
		// As a site saved it before this rule, or a database edit.
		update_option( Credential_Store::OPTION, array( 'local' => array( 'scopes' => array( 'read:conversations', 'read:widget', 'write:knowledge' ) ) ), false );

		$settings = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$token = $this->data_of( $this->dispatch( 'GET', '/causerie/v1/token' ) );

		self::assertSame( Scopes::REQUIRED, $settings['scopes'] );
		self::assertSame( 'network', ( (array) $settings['inherited'] )['scopes'] );
		self::assertIsArray( $token['scopes'] );
		self::assertNotContains( 'read:conversations', $token['scopes'] );
	}

	public function test_a_site_removes_its_address_to_use_the_networks_again_once_verified(): void {
		$this->save_network_credentials();
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );
		// Where an unverified save used to leave a site: an address of its own, so no secret, so not configured.
		update_option( Credential_Store::OPTION, array( 'local' => array( 'apiUrl' => 'http://127.0.0.1:9' ) ), false );
		self::assertFalse( $this->data_of( $this->dispatch( 'GET', '/causerie/v1/settings' ) )['hasSecret'] );
		$before = self::token_requests();

		$saved = $this->data_of( $this->send( 'POST', '/causerie/v1/settings', array( 'apiUrl' => '' ) ) );

		self::assertSame( Sandbox::url(), $saved['apiUrl'] );
		self::assertTrue( $saved['hasSecret'] );
		self::assertSame( 'network', ( (array) $saved['inherited'] )['apiUrl'] );
		self::assertSame( $before + 1, self::token_requests(), 'the network\'s credentials were verified before the override went' );
		$stored = get_option( Credential_Store::OPTION );
		self::assertIsArray( $stored );
		self::assertIsArray( $stored['local'] );
		self::assertArrayNotHasKey( 'apiUrl', $stored['local'] );
		self::assertSame( 200, $this->dispatch( 'GET', '/causerie/v1/token' )->get_status() );
	}

	public function test_an_override_is_not_removed_when_the_networks_credentials_do_not_work(): void {
		$this->save_network_credentials();
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'regenerated-elsewhere' ) );
		switch_to_blog( $this->second_site() );
		$this->act_as( 'administrator' );
		update_option( Credential_Store::OPTION, array( 'local' => array( 'apiUrl' => 'http://127.0.0.1:9' ) ), false );
		$before = get_option( Credential_Store::OPTION );

		$response = $this->send( 'POST', '/causerie/v1/settings', array( 'apiUrl' => '' ) );

		self::assertSame( 422, $response->get_status() );
		self::assertSame( 'causerie_verification_failed', $this->error_code( $response ) );
		self::assertSame( $before, get_option( Credential_Store::OPTION ) );
	}

	public function test_the_network_can_not_empty_its_own_address(): void {
		$this->save_network_credentials();
		$before = get_site_option( Credential_Store::NETWORK_OPTION );

		$response = $this->send( 'POST', self::NETWORK_ROUTE, array( 'apiUrl' => '' ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'causerie_field_required', $this->error_code( $response ) );
		self::assertSame( $before, get_site_option( Credential_Store::NETWORK_OPTION ) );
	}
}
