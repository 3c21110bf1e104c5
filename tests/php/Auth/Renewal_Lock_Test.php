<?php
/**
 * Integration tests of the renewal lock as the token manager holds it, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Revoker;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * The lock outlives the longest renewal; a renewer that lost it anyway does not overwrite the token of the
 * worker that took it over; a worker that gave up waiting for another's renewal says so, not that the API
 * timed out.
 */
final class Renewal_Lock_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Services connected to the sandbox.
	 */
	private function services(): Services {
		return ( new Services() )->connect( Sandbox::credentials( 'wp-production' ) );
	}

	/**
	 * A token manager over the same services that waits for another worker's renewal for this long.
	 *
	 * @param Services $services The services.
	 * @param float    $wait     Seconds.
	 */
	private function waiting( Services $services, float $wait ): Token_Manager {
		$revoker = new Token_Revoker( $services->discovery, $services->client );
		$renewal = new Token_Renewal( $services->credentials, $services->discovery, $services->client, $services->store, $services->intake, new Lock(), $revoker, $wait );
		return new Token_Manager( $services->credentials, $services->discovery, $services->client, $services->store, new Site_Binding(), $revoker, $services->intake, $renewal );
	}

	/**
	 * Seconds until the renewal lock held now expires, read from the options table.
	 */
	private function lock_seconds_left(): int {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- WPCS 2.3 predates %i.
		$owner = $wpdb->get_var( $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, 'causerie_lock_' . Token_Renewal::LOCK ) );
		// phpcs:enable
		return (int) strtok( (string) $owner, ':' ) - time();
	}

	public function test_the_lock_outlives_the_longest_renewal_the_timeouts_allow(): void {
		$call     = Http_Client::DEFAULT_TIMEOUT;
		$retried  = ( Retry_Policy::RETRIES + 1 ) * $call + Retry_Policy::MAX_TOTAL_WAIT;
		$discover = 6 * $call; // Two well-known documents, the challenge, the document it names, RFC 8414, OpenID.
		// Why the token was refused (discovery, JWKS, introspection); discovery again; refresh then client
		// credentials; introspection for the expiry; discovery and two revocations for a stale token.
		$longest  = $discover + $call + $call + $discover + 2 * $retried + $call + $discover + 2 * Token_Client::REVOKE_TIMEOUT;
		$services = $this->services();
		$refused  = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $refused );
		$held = null;

		$services->tokens->replace(
			$refused,
			function () use ( &$held ): void {
				$held = $this->lock_seconds_left();
			}
		);

		self::assertGreaterThanOrEqual( $longest, $held, 'the lock taken for a renewal' );
		self::assertGreaterThanOrEqual( $longest, $services->renewal->lock_ttl() );
	}

	public function test_a_renewer_that_lost_the_lock_keeps_the_token_of_the_worker_that_took_it_over(): void {
		$services = $this->services();
		$refused  = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $refused );
		$theirs = null;

		$ours = $services->tokens->replace(
			$refused,
			function () use ( &$theirs ): void {
				// A cache evicts the lock early; another worker takes it and stores its own new token.
				$this->wpdb()->delete( $this->wpdb()->options, array( 'option_name' => 'causerie_lock_' . Token_Renewal::LOCK ) );
				$other  = ( new Services() )->tokens;
				$theirs = $other->token( true );
			}
		);

		self::assertInstanceOf( Cached_Token::class, $theirs );
		self::assertInstanceOf( Cached_Token::class, $ours );
		self::assertNotSame( $theirs->access_token, $ours->access_token );
		self::assertSame( $theirs->access_token, $services->store->get()?->access_token, 'the late renewer did not overwrite it' );
		self::assertTrue( Sandbox::accepts( $ours->access_token ), 'its own token still serves the request that got it' );
	}

	public function test_a_worker_that_gave_up_waiting_for_another_renewal_says_a_renewal_is_in_progress(): void {
		$services = $this->services();
		$token    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		$services->store->put( new Cached_Token( $token->access_token, null, time() - 3000, time() - 60, $token->scopes, $token->environment, 0, $token->identity ) );
		self::assertNotNull( ( new Lock() )->acquire( Token_Renewal::LOCK, 300 ), 'another worker renews' );

		$result = $this->waiting( $services, 0.0 )->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'renewal_in_progress', $result->code );
		self::assertSame( 1, Sandbox::token_requests(), 'it asked for nothing itself' );
	}

	public function test_regenerating_while_another_worker_renews_says_a_renewal_is_in_progress(): void {
		$services = $this->services();
		self::assertInstanceOf( Cached_Token::class, $services->tokens->token() );
		self::assertNotNull( ( new Lock() )->acquire( Token_Renewal::LOCK, 300 ) );

		$result = $services->api->regenerate();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'renewal_in_progress', $result->code );
	}
}
