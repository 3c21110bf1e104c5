<?php
/**
 * Tests of the sync queue's times on a server whose clock is off.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Lease;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\Database_Clock;
use Causerie\Connector\Tests\TestCase;

/**
 * Leases and next tries are set and judged by the database's clock, which every server shares: a server whose
 * own clock runs fast takes no lease of another's early and holds no row back from them; one whose clock runs
 * slow claims rows for a full lease.
 */
final class Queue_Clock_Test extends TestCase {

	/** How far off a server's clock is: five minutes, far past a lease. */
	private const SKEW = 300;

	private const POSTS = array( 11, 12, 13 );

	protected function tearDown(): void {
		Database_Clock::skew( 0 );
		parent::tearDown();
	}

	public function test_a_server_whose_clock_runs_fast_takes_no_row_another_server_holds_within_its_lease(): void {
		Database_Clock::skew( -self::SKEW );
		( new Queue() )->enqueue( self::POSTS );
		// Another server, whose clock agrees with the database's, claimed every row a moment ago.
		$this->update( 'claimed_by = %s, claimed_until = %d', 'another-server', Database_Clock::now() + Lease::SECONDS );

		self::assertSame( array(), ( new Queue() )->claim( 'fast-server', 10, Lease::SECONDS ) );
	}

	public function test_a_server_whose_clock_runs_slow_claims_rows_for_a_full_lease(): void {
		Database_Clock::skew( self::SKEW );
		( new Queue() )->enqueue( self::POSTS );

		self::assertCount( 3, ( new Queue() )->claim( 'slow-server', 10, Lease::SECONDS ) );

		self::assertGreaterThanOrEqual( Lease::SECONDS - 1, $this->least( 'claimed_until' ), 'seconds left on the lease for the other servers' );
	}

	public function test_a_server_whose_clock_runs_fast_extends_a_lease_by_the_shared_clock(): void {
		$queue = new Queue();
		$queue->enqueue( self::POSTS );
		$rows = $queue->claim( 'fast-server', 10, Lease::SECONDS );
		Database_Clock::skew( -self::SKEW );

		self::assertCount( 3, $queue->extend( 'fast-server', array_column( $rows, 'id' ), Lease::SECONDS ) );

		self::assertLessThanOrEqual( Lease::SECONDS, $this->least( 'claimed_until' ), 'not five minutes more than asked' );
	}

	public function test_a_server_whose_clock_runs_fast_queues_changes_the_other_servers_can_send_at_once(): void {
		Database_Clock::skew( -self::SKEW );

		( new Queue() )->enqueue( self::POSTS );

		self::assertLessThanOrEqual( 0, $this->least( 'available_at' ), 'seconds the rows wait' );
	}

	public function test_rows_given_back_by_a_server_whose_clock_runs_slow_wait_the_time_it_asked(): void {
		Database_Clock::skew( self::SKEW );
		$queue = new Queue();
		$queue->enqueue( self::POSTS );

		$queue->release( $queue->claim( 'slow-server', 10, Lease::SECONDS ), 'slow-server', 30, false );

		self::assertGreaterThanOrEqual( 29, $this->least( 'available_at' ), 'seconds the rows wait' );
	}

	/**
	 * Sets the columns of every row.
	 *
	 * @param string     $set    SQL SET list with placeholders.
	 * @param string|int ...$args Their values.
	 *
	 * @phpstan-param literal-string $set
	 */
	private function update( string $set, string|int ...$args ): void {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- the test's own rows; WPCS 2.3 predates %i.
		$this->wpdb()->query( (string) $this->wpdb()->prepare( 'UPDATE %i SET ' . $set, Queue::table(), ...$args ) );
	}

	/**
	 * The least of a time column over every row, in seconds from the database's now.
	 *
	 * @param string $column available_at or claimed_until.
	 */
	private function least( string $column ): int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- the test's own rows; WPCS 2.3 predates %i.
		return (int) $this->wpdb()->get_var( $this->wpdb()->prepare( 'SELECT MIN(%i) FROM %i', $column, Queue::table() ) ) - Database_Clock::now();
	}
}
