<?php
/**
 * Integration tests of the token lifecycle, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The token is fetched once, reused until 80% of its life whatever that life, renewed by one worker without
 * revoking what others may hold, and forgotten (revoked) when the credentials it was issued to change.
 */
final class Token_Manager_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Services connected to a sandbox client.
	 *
	 * @param string $client_id Sandbox client.
	 */
	private function services( string $client_id = 'wp-production' ): Services {
		return ( new Services() )->connect( Sandbox::credentials( $client_id ) );
	}

	public function test_without_credentials_it_says_so(): void {
		$result = ( new Services() )->tokens->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'not_configured', $result->code );
	}

	public function test_a_changed_encryption_key_is_named(): void {
		$this->services();
		$after_migration = new Credential_Store( new Encryption( 'another-key' ), new Overrides( static fn() => null, static fn() => null ) );

		$result = ( new Services( $after_migration ) )->tokens->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'encryption_key_changed', $result->code );
	}

	public function test_the_token_is_fetched_once_then_reused_from_the_store(): void {
		$services = $this->services();

		$first  = $services->tokens->token();
		$second = ( new Services() )->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $first );
		self::assertInstanceOf( Cached_Token::class, $second );
		self::assertSame( $first->access_token, $second->access_token );
		self::assertSame( 1, Sandbox::token_requests() );
		self::assertTrue( Sandbox::accepts( $first->access_token ) );
	}

	public function test_the_token_is_stored_encrypted_and_never_autoloaded(): void {
		$token = $this->services()->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );

		self::assertSame( array(), $this->options_containing( $token->access_token ) );
		self::assertContains( $this->autoload_of( Token_Store::OPTION ), array( 'no', 'off' ) );
	}

	/**
	 * Lifetimes from ten seconds to days.
	 *
	 * @return array<string, array{int}>
	 */
	public static function lifetimes(): array {
		return array(
			'10 seconds' => array( 10 ),
			'30 seconds' => array( 30 ),
			'60 seconds' => array( 60 ),
			'an hour'    => array( 3600 ),
			'three days' => array( 3 * 86400 ),
		);
	}

	#[DataProvider( 'lifetimes' )]
	public function test_a_token_is_renewed_at_80_percent_of_its_life_never_when_just_received( int $lifetime ): void {
		$token = new Cached_Token( 'a', null, 1000, 1000 + $lifetime, array(), 'local', 0 );

		self::assertSame( 1000 + (int) floor( $lifetime * 0.8 ), $token->renew_at() );
		self::assertGreaterThan( 1000, $token->renew_at(), 'a token just received is not due' );
		self::assertLessThan( 1000 + $lifetime, $token->renew_at(), 'it is renewed before it expires' );
	}

	public function test_a_30_second_token_is_reused_instead_of_renewed_on_every_call(): void {
		Sandbox::control( 'PUT', '/modes', array( 'tokenLifetime' => 30 ) );
		$services = $this->services();

		$tokens = array();
		for ( $i = 0; $i < 10; $i++ ) {
			$token = $services->tokens->token();
			self::assertInstanceOf( Cached_Token::class, $token );
			$tokens[] = $token->access_token;
		}

		self::assertCount( 1, array_unique( $tokens ) );
		self::assertSame( 1, Sandbox::token_requests() );
		self::assertSame( 0, Sandbox::revocations() );
	}

	public function test_routine_renewal_does_not_revoke_the_token_others_may_hold(): void {
		$services = $this->services();
		$first    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		$services->store->put( new Cached_Token( $first->access_token, null, time() - 3000, time() + 600, $first->scopes, $first->environment, 0, $first->identity ) );

		$renewed = $services->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $renewed );
		self::assertNotSame( $first->access_token, $renewed->access_token );
		self::assertTrue( Sandbox::accepts( $first->access_token ), 'the replaced token still works until it expires' );
		self::assertTrue( Sandbox::accepts( $renewed->access_token ) );
		self::assertSame( 0, Sandbox::revocations() );
	}

	public function test_a_refresh_token_is_used_when_the_client_has_one(): void {
		$services = $this->services( 'wp-development' );
		$first    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		self::assertNotNull( $first->refresh_token );

		$renewed = $services->tokens->token( true );

		self::assertInstanceOf( Cached_Token::class, $renewed );
		self::assertNotNull( $renewed->refresh_token );
		self::assertNotSame( $first->refresh_token, $renewed->refresh_token, 'the refresh token rotated' );
		self::assertTrue( Sandbox::accepts( $renewed->access_token ) );
	}

	public function test_while_another_worker_renews_the_old_token_still_serves(): void {
		$services = $this->services();
		$first    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $first );
		$services->store->put( new Cached_Token( $first->access_token, null, time() - 3000, time() + 600, $first->scopes, $first->environment, 0, $first->identity ) );
		( new Lock() )->acquire( Token_Renewal::LOCK, 30 );

		$served = $services->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $served );
		self::assertSame( $first->access_token, $served->access_token );
		self::assertSame( 1, Sandbox::token_requests() );
	}

	public function test_a_refused_token_already_replaced_by_another_worker_is_not_replaced_again(): void {
		$services = $this->services();
		$refused  = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $refused );
		$other = $services->tokens->replace( $refused );
		self::assertInstanceOf( Cached_Token::class, $other );

		$asked = 0;
		$again = $services->tokens->replace(
			$refused,
			static function () use ( &$asked ): void {
				++$asked;
			}
		);

		self::assertInstanceOf( Cached_Token::class, $again );
		self::assertSame( $other->access_token, $again->access_token );
		self::assertSame( 2, Sandbox::token_requests() );
		self::assertSame( 0, $asked, 'only the worker that renews is asked why the token was refused' );
	}

	public function test_the_worker_that_renews_a_refused_token_is_asked_why_before_it_renews(): void {
		$services = $this->services();
		$refused  = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $refused );
		$requests_when_asked = null;

		$replaced = $services->tokens->replace(
			$refused,
			static function () use ( &$requests_when_asked ): void {
				$requests_when_asked = Sandbox::token_requests();
			}
		);

		self::assertInstanceOf( Cached_Token::class, $replaced );
		self::assertSame( 1, $requests_when_asked, 'asked before the new token is requested' );
		self::assertSame( 2, Sandbox::token_requests() );
	}

	public function test_a_token_of_another_profile_is_not_used(): void {
		$services = $this->services();
		$services->store->put( new Cached_Token( 'token-of-production', null, time(), time() + 3600, array(), 'production', 0 ) );

		$token = $services->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertNotSame( 'token-of-production', $token->access_token );
	}

	public function test_a_token_of_other_credentials_is_never_handed_out_again(): void {
		$services = $this->services( 'wp-production' );
		$old      = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $old );

		// The client id changes where the settings screen can't see it: in wp-config.php, say.
		$services->connect( Sandbox::credentials( 'wp-widget-only' ) + array( 'scopes' => array( 'read:widget' ) ) );
		$new = $services->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $new );
		self::assertNotSame( $old->access_token, $new->access_token );
		self::assertSame( array( 'read:widget' ), $new->scopes, 'the scopes are the new client\'s' );
		self::assertSame( 'wp-widget-only', Sandbox::claims( $new->access_token )['client_id'] ?? null );
	}

	public function test_forgetting_revokes_the_token_with_the_credentials_it_was_issued_to(): void {
		$services = $this->services( 'wp-development' );
		$old      = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $old );
		$previous = $services->credentials->credentials();

		$services->connect( Sandbox::credentials( 'wp-production' ) );
		$services->tokens->forget( $previous );

		self::assertNull( $services->store->get() );
		self::assertFalse( Sandbox::accepts( $old->access_token ) );
		self::assertSame( 2, Sandbox::revocations( 'wp-development' ), 'the access token and its refresh token' );
	}

	public function test_no_expires_in_takes_the_expiry_from_the_token(): void {
		Sandbox::control( 'PUT', '/modes', array( 'expiresIn' => 'omitted' ) );

		$token = $this->services()->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertTrue( $token->expiry_known );
		self::assertEqualsWithDelta( time() + 3600, $token->expires_at, 5 );
	}

	public function test_an_opaque_token_without_expires_in_asks_introspection_for_its_expiry(): void {
		Sandbox::control(
			'PUT',
			'/modes',
			array(
				'expiresIn'     => 'omitted',
				'tokenFormat'   => 'opaque',
				'tokenLifetime' => 120,
			)
		);

		$token = $this->services()->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertTrue( $token->expiry_known );
		self::assertEqualsWithDelta( time() + 120, $token->expires_at, 5 );
	}

	public function test_no_scope_in_the_answer_means_the_scopes_asked_for(): void {
		Sandbox::control( 'PUT', '/modes', array( 'scopeInResponse' => 'omitted' ) );

		$token = $this->services()->tokens->token();

		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertSame( Scopes::REQUIRED, $token->scopes );
	}
}
