<?php
/**
 * Stored secrets and tokens are bound to the site they were saved on.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\REST\Status_Controller;
use Causerie\Connector\Tests\Sandbox;

/**
 * A row copied from one site's options table to another's (a copied database, a hand-made clone) does not
 * decrypt there: the secret is diagnosed as copied, the token is not handed out.
 */
final class Site_Bound_Secrets_Test extends Network_TestCase {

	/**
	 * The site's credential store, falling back to the network's, as the plugin builds it.
	 */
	private function store(): Credential_Store {
		return new Credential_Store( new Encryption(), new Overrides(), null, Credential_Store::network_storage() );
	}

	public function test_a_secret_copied_to_another_site_does_not_decrypt_and_is_diagnosed(): void {
		$this->act_as_super_admin();
		Sandbox::connect();
		self::assertSame( 'sandbox-development-secret', $this->store()->credentials()->secret );
		$row = get_option( Credential_Store::OPTION );
		rest_get_server(); // The routes, as the main site's request registered them.

		switch_to_blog( $this->second_site() );
		update_option( Credential_Store::OPTION, $row, false );
		$credentials = $this->store()->credentials();
		$status      = $this->dispatch( 'GET', '/causerie/v1/' . Status_Controller::REST_BASE )->get_data();

		self::assertNull( $credentials->secret );
		self::assertSame( Decryption_Failure::Copied, $credentials->secret_failure );
		self::assertIsArray( $status );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'secret_copied', $status['diagnosis']['code'] );
	}

	public function test_a_token_copied_to_another_site_is_not_handed_out(): void {
		$token = new Cached_Token( 'access-token-of-the-main-site', null, time(), time() + 600, array(), 'local', 0 );
		( new Token_Store( new Encryption() ) )->put( $token );
		self::assertSame( $token->access_token, ( new Token_Store( new Encryption() ) )->get()?->access_token );
		$row = get_option( Token_Store::OPTION );

		switch_to_blog( $this->second_site() );
		update_option( Token_Store::OPTION, $row, false );

		self::assertNull( ( new Token_Store( new Encryption() ) )->get() );
	}

	public function test_the_network_secret_is_read_by_every_site_that_inherits_it(): void {
		( new Credential_Store( new Encryption(), new Overrides(), Credential_Store::network_storage() ) )->save( wp_get_environment_type(), array( 'clientSecret' => 'network-secret-value' ) );

		switch_to_blog( $this->second_site() );

		self::assertSame( 'network-secret-value', $this->store()->credentials()->secret );
	}
}
