<?php
/**
 * Integration tests of two requests refused with the same token, against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Api;

use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * One revocation is one episode: when two requests meet the same revoked token, one renewal serves both and
 * the one that renewed alone tells what it healed, so the event log and the screen say it once.
 */
final class Shared_Renewal_Test extends TestCase {

	/**
	 * Whether the other request is yet to run.
	 *
	 * @var bool
	 */
	private bool $other_pending = false;

	/**
	 * What the other request got.
	 *
	 * @var mixed
	 */
	private mixed $other = null;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	protected function tearDown(): void {
		remove_filter( 'http_response', array( $this, 'other_request_renews' ) );
		parent::tearDown();
	}

	/**
	 * When the API refuses this request's token, another request that was refused the same token renews first,
	 * before this one reaches the renewal lock: the order two PHP workers meet in.
	 *
	 * @param mixed  $response The answer.
	 * @param mixed  $args     Request arguments.
	 * @param string $url      What was called.
	 * @return mixed
	 */
	public function other_request_renews( mixed $response, mixed $args, string $url ): mixed {
		if ( $this->other_pending && is_array( $response ) && str_ends_with( $url, '/v1/me' ) && 401 === wp_remote_retrieve_response_code( $response ) ) {
			$this->other_pending = false;
			$this->other         = ( new Services() )->api->request( 'GET', '/v1/me' );
		}
		return $response;
	}

	public function test_two_requests_that_meet_the_same_revoked_token_share_one_renewal_and_tell_one_heal(): void {
		$services = ( new Services() )->connect( Sandbox::credentials( 'wp-production' ) );
		$revoked  = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $revoked );
		Sandbox::control( 'POST', '/clients/wp-production/revoke' );
		Sandbox::control( 'DELETE', '/counters' );
		$log    = new Event_Log( dirname( __DIR__, 3 ) . '/causerie-connector.php' );
		$before = array_column( $log->recent( 'token', 1 ), 'id' )[0] ?? 0;

		$this->other_pending = true;
		add_filter( 'http_response', array( $this, 'other_request_renews' ), 10, 3 );
		$second = $services->api->request( 'GET', '/v1/me' );
		$first  = $this->other;

		self::assertInstanceOf( Api_Response::class, $first );
		self::assertInstanceOf( Api_Response::class, $second );
		self::assertFalse( $this->other_pending, 'both requests sent the revoked token' );
		self::assertSame( 'token_revoked', $first->healed?->code );
		self::assertNull( $second->healed, 'the second request used the new token the first one got' );
		self::assertSame( 1, Sandbox::token_requests(), 'one renewal served both' );
		$healed = array_filter( $log->recent( 'token', 20 ), static fn( array $event ): bool => $event['id'] > $before && 'healed' === $event['code'] );
		self::assertSame( array( 'token_revoked' ), array_values( array_map( static fn( array $event ): mixed => is_array( $event['context'] ) ? $event['context']['cause'] ?? null : null, $healed ) ) );
	}
}
