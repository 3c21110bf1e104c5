<?php
/**
 * Integration tests of the token lifecycle, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The token is fetched once, reused, renewed ahead of expiry by one worker, and replaced tokens are revoked.
 */
final class Token_Manager_Test extends TestCase {

	private Credential_Store $credentials;
	private Token_Store $store;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->credentials = new Credential_Store( new Encryption( 'test-key' ), new Overrides( static fn() => null, static fn() => null ) );
		$this->store       = new Token_Store( new Encryption( 'test-key' ) );
	}

	/**
	 * Stores sandbox credentials for the active profile.
	 *
	 * @param string $client_id Sandbox client.
	 * @param string $secret    Its secret.
	 */
	private function connect( string $client_id = 'wp-production', string $secret = 'sandbox-production-secret' ): void {
		$this->credentials->save(
			$this->credentials->active_environment(),
			array(
				'clientId'     => $client_id,
				'clientSecret' => $secret,
				'apiUrl'       => Sandbox::url(),
			)
		);
	}

	/**
	 * A manager over the real services.
	 */
	private function manager(): Token_Manager {
		$http = new Http_Client();
		return new Token_Manager( $this->credentials, new Discovery( $http ), new Token_Client( $http ), $this->store, new Lock(), new Site_Binding() );
	}

	/**
	 * Token requests the sandbox received, per client.
	 *
	 * @return array<mixed>
	 */
	private function token_requests(): array {
		$counters = Sandbox::control( 'GET', '/counters' );
		return is_array( $counters['tokenRequests'] ) ? $counters['tokenRequests'] : array();
	}

	public function test_without_credentials_it_says_so(): void {
		$result = $this->manager()->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'not_configured', $result->code );
	}

	public function test_a_changed_encryption_key_is_named(): void {
		$this->connect();
		$after_migration = new Credential_Store( new Encryption( 'another-key' ), new Overrides( static fn() => null, static fn() => null ) );
		$http            = new Http_Client();
		$manager         = new Token_Manager( $after_migration, new Discovery( $http ), new Token_Client( $http ), $this->store, new Lock(), new Site_Binding() );

		$result = $manager->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'encryption_key_changed', $result->code );
	}

	public function test_the_token_is_fetched_once_then_reused_from_the_store(): void {
		$this->connect();

		$first  = $this->manager()->token();
		$second = $this->manager()->token();

		self::assertInstanceOf( Cached_Token::class, $first );
		self::assertInstanceOf( Cached_Token::class, $second );
		self::assertSame( $first->access_token, $second->access_token );
		self::assertSame( array( 'wp-production' => array( 'client_secret_basic' => 1 ) ), $this->token_requests() );
		self::assertTrue( Sandbox::accepts( $first->access_token ) );
	}

	public function test_the_token_is_stored_encrypted_and_never_autoloaded(): void {
		$this->connect();
		$token = $this->manager()->token();
		self::assertInstanceOf( Cached_Token::class, $token );

		self::assertSame( array(), $this->options_containing( $token->access_token ) );
		self::assertContains( $this->autoload_of( Token_Store::OPTION ), array( 'no', 'off' ) );
	}

	public function test_renewal_is_due_at_80_percent_of_the_lifetime_and_a_minute_before_expiry(): void {
		$long  = new Cached_Token( 'a', null, 1000, 4600, array(), 'local', 0 );
		$short = new Cached_Token( 'b', null, 1000, 1100, array(), 'local', 0 );

		self::assertSame( 1000 + 2880, $long->renew_at() );
		self::assertSame( 1100 - 60, $short->renew_at() );
	}

	public function test_a_token_due_for_renewal_is_replaced_and_the_old_one_revoked(): void {
		$this->connect();
		$first = $this->manager()->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		$this->store->put( new Cached_Token( $first->access_token, null, time() - 3000, time() + 600, $first->scopes, $first->environment, 0 ) );

		$renewed = $this->manager()->token();

		self::assertInstanceOf( Cached_Token::class, $renewed );
		self::assertNotSame( $first->access_token, $renewed->access_token );
		self::assertFalse( Sandbox::accepts( $first->access_token ), 'the replaced token is revoked' );
		self::assertTrue( Sandbox::accepts( $renewed->access_token ) );
	}

	public function test_a_refresh_token_is_used_when_the_client_has_one(): void {
		$this->connect( 'wp-development', 'sandbox-development-secret' );
		$first = $this->manager()->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		self::assertNotNull( $first->refresh_token );

		$renewed = $this->manager()->token( true );

		self::assertInstanceOf( Cached_Token::class, $renewed );
		self::assertNotNull( $renewed->refresh_token );
		self::assertNotSame( $first->refresh_token, $renewed->refresh_token, 'the refresh token rotated' );
		self::assertTrue( Sandbox::accepts( $renewed->access_token ) );
	}

	public function test_while_another_worker_renews_the_old_token_still_serves(): void {
		$this->connect();
		$first = $this->manager()->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		$this->store->put( new Cached_Token( $first->access_token, null, time() - 3000, time() + 600, $first->scopes, $first->environment, 0 ) );
		( new Lock() )->acquire( Token_Manager::LOCK, 30 );

		$served = $this->manager()->token();

		self::assertInstanceOf( Cached_Token::class, $served );
		self::assertSame( $first->access_token, $served->access_token );
		self::assertSame( array( 'wp-production' => array( 'client_secret_basic' => 1 ) ), $this->token_requests() );
	}

	public function test_a_token_of_another_profile_is_not_used(): void {
		$this->connect();
		$this->store->put( new Cached_Token( 'token-of-production', null, time(), time() + 3600, array(), 'production', 0 ) );

		$token = $this->manager()->token();

		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertNotSame( 'token-of-production', $token->access_token );
	}
}
