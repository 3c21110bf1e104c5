<?php
/**
 * Tests of the runner's lease on the rows it claims, against the sandbox.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Knowledge_Api;
use Causerie\Connector\Sync\Lease;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Time passes by moving the claims' deadlines back, from inside the batch's requests (http_api_debug fires
 * after each attempt), so no test waits for a lease to run out.
 */
final class Lease_Test extends TestCase {

	private Sync_Services $sync;

	/**
	 * What the test does after each attempt at the batch route.
	 *
	 * @var \Closure(): void
	 */
	private \Closure $during;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync   = new Sync_Services();
		$this->during = static function (): void {};
		add_action( 'http_api_debug', array( $this, 'attempted' ), 10, 5 );
	}

	protected function tearDown(): void {
		remove_action( 'http_api_debug', array( $this, 'attempted' ), 10 );
		Sandbox::control( 'DELETE', '/faults' );
		parent::tearDown();
	}

	/**
	 * Runs the test's step after an attempt at the batch route.
	 *
	 * @param mixed  $response The answer.
	 * @param string $context  Always "response".
	 * @param string $class    The transport.
	 * @param mixed  $args     The request's arguments.
	 * @param string $url      Where it went.
	 */
	public function attempted( $response, string $context, string $class, $args, string $url ): void {
		if ( str_ends_with( $url, Knowledge_Api::BATCH ) ) {
			( $this->during )();
		}
	}

	public function test_a_runner_whose_batch_outlasts_the_lease_keeps_its_rows_and_another_claim_gets_none(): void {
		$post_id = Sync_Services::publish();
		// Two answers of 503, which the client retries.
		Sandbox::fail_next( '503', 'api', 2 );
		$taken        = array();
		$this->during = function () use ( &$taken ): void {
			// Each attempt takes half a lease: three of them outlast it.
			$this->age( intdiv( Lease::SECONDS, 2 ) );
			$taken = array_merge( $taken, ( new Queue() )->claim( 'another-node', Knowledge_Api::MAX_ITEMS, Lease::SECONDS ) );
		};

		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );

		self::assertSame( array(), $taken );
		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
		self::assertSame( 0, $this->sync->overview->current()['pending'] );
	}

	public function test_a_runner_whose_posts_take_longer_than_the_lease_to_build_keeps_its_rows_and_sends_them(): void {
		$posts = array( Sync_Services::publish(), Sync_Services::publish(), Sync_Services::publish() );
		$taken = array();
		$slow  = function ( string $content ) use ( &$taken ): string {
			// Each post's content filters take half a lease: the batch is built after more than a lease.
			$this->age( intdiv( Lease::SECONDS, 2 ) );
			$taken = array_merge( $taken, ( new Queue() )->claim( 'another-node', Knowledge_Api::MAX_ITEMS, Lease::SECONDS ) );
			return $content;
		};
		self::assertSame( 'empty', $this->run_with( 'the_content', $slow ) );

		self::assertSame( array(), $taken, 'no row taken over from a runner at work' );
		$sent = array();
		foreach ( $posts as $post_id ) {
			$sent[ $this->sync->ids->of( $post_id ) ] = 1;
		}
		self::assertSame( $sent, Sync_Services::writes() );
		self::assertSame( 0, $this->sync->overview->current()['pending'] );
	}

	public function test_a_batch_built_quickly_costs_no_extension_of_its_claim_for_each_post(): void {
		Sync_Services::publish();
		Sync_Services::publish();
		Sync_Services::publish();
		$extensions = 0;
		$count      = static function ( string $query ) use ( &$extensions ): string {
			$extensions += (int) str_starts_with( $query, 'UPDATE `' . Queue::table() . '` SET claimed_until' );
			return $query;
		};
		self::assertSame( 'empty', $this->run_with( 'query', $count ) );

		self::assertSame( 2, $extensions, 'before and after its one request, none for its posts' );
	}

	public function test_the_rows_of_a_runner_killed_mid_batch_are_taken_over_once_a_minute_has_passed(): void {
		$post_id      = Sync_Services::publish();
		$this->during = static function (): void {
			throw new \RuntimeException( 'killed after its batch landed' );
		};
		try {
			$this->sync->runner->run( 10 );
			self::fail( 'the runner was not killed' );
		} catch ( \RuntimeException $killed ) {
			self::assertSame( 'killed after its batch landed', $killed->getMessage() );
		}
		$this->during = static function (): void {};

		$this->age( 50 );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( 1, $this->sync->overview->current()['pending'], 'still the dead runner\'s within its lease' );

		$this->age( 11 );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( 0, $this->sync->overview->current()['pending'] );
		// The dead runner's write landed: the runner that took over found it rather than sending it again.
		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
	}

	public function test_a_runner_that_stalled_past_its_lease_sends_and_records_nothing_of_the_rows_taken_over(): void {
		$post_id = Sync_Services::publish();
		Sandbox::fail_next( '503', 'api', 1 );
		$this->during = function (): void {
			$this->during = static function (): void {};
			// The runner stalls longer than its lease in its first attempt, and another node takes the rows over.
			$this->age( Lease::SECONDS + 1 );
			self::assertCount( 1, ( new Queue() )->claim( 'another-node', Knowledge_Api::MAX_ITEMS, Lease::SECONDS ) );
		};

		$this->sync->runner->run( 10 );

		self::assertSame( array(), Sync_Services::writes(), 'no retry of what another node now sends' );
		self::assertNull( Post_Record::get( $post_id ) );
		$claimed = $this->wpdb()->get_var( $this->wpdb()->prepare( 'SELECT claimed_by FROM %i', Queue::table() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- WPCS 2.3 predates %i.
		self::assertSame( 'another-node', $claimed );
	}

	/**
	 * Runs the runner with a filter added for that run only.
	 *
	 * @param string   $hook   The filter.
	 * @param \Closure $filter What it does.
	 * @return string Why the runner stopped.
	 */
	private function run_with( string $hook, \Closure $filter ): string {
		add_filter( $hook, $filter );
		try {
			return $this->sync->runner->run( 10 )['stopped'];
		} finally {
			remove_filter( $hook, $filter );
		}
	}

	/**
	 * Time passes for the claims, their deadlines moving back as if these seconds had gone by, and for the runner.
	 *
	 * @param int $seconds How many.
	 */
	private function age( int $seconds ): void {
		$this->sync->ahead += $seconds;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- WPCS 2.3 predates %i.
		$this->wpdb()->query( (string) $this->wpdb()->prepare( 'UPDATE %i SET claimed_until = claimed_until - %d WHERE claimed_by IS NOT NULL', Queue::table(), $seconds ) );
	}
}
