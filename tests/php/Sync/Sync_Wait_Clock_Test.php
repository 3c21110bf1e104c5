<?php
/**
 * Tests of the sync's backoff and pause on a server whose clock is off.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Tests\Database_Clock;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * A wait one server records (a Retry-After, a 5xx's backoff, a pause's retry time) is set and judged by the
 * database's clock, which every server shares: a server whose own clock runs fast still waits it out and does
 * not send to an API that asked to wait; one whose clock runs slow sends again as soon as it is over.
 */
final class Sync_Wait_Clock_Test extends TestCase {

	/** How far off a server's clock is: ten minutes. */
	private const SKEW = 600;

	/** The Retry-After another server was given: five minutes, all of it still to wait. */
	private const RETRY_AFTER = 300;

	private Sync_Services $sync;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync = new Sync_Services();
	}

	protected function tearDown(): void {
		Database_Clock::skew( 0 );
		Sandbox::control( 'DELETE', '/faults' );
		wp_clear_scheduled_hook( Sync_Schedule::HOOK );
		parent::tearDown();
	}

	public function test_a_server_whose_clock_runs_ten_minutes_fast_still_waits_out_a_retry_after_another_server_recorded(): void {
		Database_Clock::skew( -self::SKEW );
		Sync_Services::publish();
		$this->record_backoff( Database_Clock::now() + self::RETRY_AFTER );

		self::assertSame( 'backoff', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( array(), Sync_Services::writes(), 'nothing sent to the API that asked to wait' );
		self::assertNotNull( $this->sync->overview->current()['backoff'], 'the Knowledge tab shows the wait' );
	}

	public function test_a_server_whose_clock_runs_ten_minutes_slow_sends_once_a_retry_after_another_server_recorded_is_over(): void {
		Database_Clock::skew( self::SKEW );
		$post_id = Sync_Services::publish();
		$this->record_backoff( Database_Clock::now() - 1 );

		self::assertNull( $this->sync->overview->current()['backoff'], 'the Knowledge tab shows no wait' );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
	}

	public function test_a_server_whose_clock_runs_ten_minutes_fast_still_waits_out_a_pause_another_server_recorded(): void {
		Database_Clock::skew( -self::SKEW );
		Sync_Services::publish();
		$this->sync->state->set(
			array(
				'pause' => array(
					'code'     => 'quota_exceeded',
					'since'    => Database_Clock::now(),
					'retryAt'  => Database_Clock::now() + self::RETRY_AFTER,
					'evidence' => array(),
				),
			)
		);

		self::assertSame( 'paused', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( array(), Sync_Services::writes() );
	}

	public function test_a_server_whose_clock_runs_ten_minutes_fast_records_the_retry_after_it_was_given_on_the_shared_clock(): void {
		Database_Clock::skew( -self::SKEW );
		Sync_Services::publish();
		Sandbox::fail_next( '429', 'api', 5, self::RETRY_AFTER );

		self::assertSame( 'backoff', $this->sync->runner->run( 10 )['stopped'] );

		$left = $this->sync->state->backoff_until() - Database_Clock::now();
		self::assertGreaterThanOrEqual( self::RETRY_AFTER - 10, $left, 'seconds the other servers wait' );
		self::assertLessThanOrEqual( self::RETRY_AFTER, $left, 'not ten minutes more than asked' );
	}

	public function test_a_server_whose_clock_runs_ten_minutes_fast_records_a_pause_retry_time_on_the_shared_clock(): void {
		Database_Clock::skew( -self::SKEW );
		Sync_Services::publish();
		Sandbox::control( 'PUT', '/knowledge', array( 'quota' => 0 ) );

		self::assertSame( 'paused', $this->sync->runner->run( 10 )['stopped'] );

		$left = ( $this->sync->state->pause()['retryAt'] ?? 0 ) - Database_Clock::now();
		self::assertGreaterThanOrEqual( HOUR_IN_SECONDS - 10, $left, 'seconds the other servers wait' );
		self::assertLessThanOrEqual( HOUR_IN_SECONDS, $left, 'not ten minutes more than the hour' );
	}

	public function test_a_server_whose_clock_runs_ten_minutes_slow_asks_wp_cron_for_a_run_when_the_backoff_ends(): void {
		Database_Clock::skew( self::SKEW );
		$this->record_backoff( Database_Clock::now() + self::RETRY_AFTER );

		$this->sync->cron->after( 'backoff' );

		// WP-Cron judges its events by this server's clock: the wait left, from this server's now.
		$next = wp_next_scheduled( Sync_Schedule::HOOK );
		self::assertIsInt( $next );
		self::assertLessThanOrEqual( time() + self::RETRY_AFTER, $next, 'not ten minutes later' );
		self::assertGreaterThanOrEqual( time() + self::RETRY_AFTER - 10, $next );
	}

	/**
	 * Records a backoff as another server, whose clock agrees with the database's, does.
	 *
	 * @param int $until The database's Unix time it ends.
	 */
	private function record_backoff( int $until ): void {
		$this->sync->state->set(
			array(
				'backoff' => array(
					'until'    => $until,
					'code'     => 'rate_limited',
					'failures' => 1,
				),
			)
		);
	}
}
