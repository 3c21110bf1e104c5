<?php
/**
 * Tests of the full sync when another server starts or ends it while this one does.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Another server's cancel comes "between" two steps of a runner's queue_step: the test runs it from WordPress's
 * `query` filter, just before the query that marks the moment, so the interleaving is the same on every run.
 */
final class Full_Sync_Test extends TestCase {

	private Sync_Services $sync;

	/**
	 * The moment the cancel comes: a test of the SQL about to run; null once it came.
	 *
	 * @var (\Closure(string): bool)|null
	 */
	private ?\Closure $moment = null;

	/**
	 * What the other server does at that moment: cancel the full sync, unless a test says otherwise.
	 *
	 * @var (\Closure(): void)|null
	 */
	private ?\Closure $meanwhile = null;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync = new Sync_Services();
		add_filter( 'query', array( $this, 'before_query' ) );
	}

	protected function tearDown(): void {
		remove_filter( 'query', array( $this, 'before_query' ) );
		parent::tearDown();
	}

	/**
	 * When another server cancels the full sync, within a runner's step.
	 *
	 * @return array<string, array{string}>
	 */
	public static function moments(): array {
		return array(
			'while the step inserts its page' => array( 'page' ),
			'as the step takes the state to move its cursor' => array( 'cursor' ),
		);
	}

	/**
	 * Cancels the full sync, as another server would, when the moment's query is about to run.
	 *
	 * @param string $query SQL.
	 */
	public function before_query( string $query ): string {
		if ( null !== $this->moment && ( $this->moment )( $query ) ) {
			$this->moment = null;
			if ( null !== $this->meanwhile ) {
				( $this->meanwhile )();
				return $query;
			}
			self::assertTrue( $this->sync->full->cancel() );
		}
		return $query;
	}

	#[DataProvider( 'moments' )]
	public function test_a_full_sync_cancelled_while_a_runner_queues_a_page_stays_cancelled_and_sends_nothing( string $moment ): void {
		$posts = array( Sync_Services::publish(), Sync_Services::publish(), Sync_Services::publish() );
		$this->sync->runner->run( 10 );
		$sent = Sync_Services::writes();
		self::assertCount( count( $posts ), $sent );
		$run = $this->sync->full->start()['id'];

		$this->moment = 'page' === $moment
			? static fn( string $query ): bool => str_starts_with( $query, 'INSERT IGNORE INTO `' . Queue::table() . '`' )
			: static fn( string $query ): bool => str_starts_with( $query, 'INSERT IGNORE INTO ' ) && str_contains( $query, '_lock_' . Sync_State::LOCK . "'" );
		$this->sync->full->queue_step();
		self::assertNull( $this->moment, 'the cancel came' );

		self::assertNull( $this->sync->state->run(), 'the cancelled full sync did not come back' );
		$last = $this->sync->state->all()['last'] ?? null;
		self::assertIsArray( $last );
		self::assertSame( array( $run, true ), array( $last['id'] ?? null, $last['cancelled'] ?? null ) );
		self::assertSame( 0, $this->rows(), 'no row left of the page queued for it' );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( $sent, Sync_Services::writes(), 'nothing sent again' );
	}

	public function test_of_two_servers_starting_a_full_sync_at_once_one_starts_it_and_both_work_that_one(): void {
		Sync_Services::publish();
		$started = array();
		$count   = static function ( string $kind, string $code ) use ( &$started ): void {
			$started[] = $code;
		};
		add_action( 'causerie_connector_event', $count, 10, 2 );
		$theirs = null;
		// The other server starts one as this one takes the state to store its own.
		$this->moment    = static fn( string $query ): bool => str_starts_with( $query, 'INSERT IGNORE INTO ' ) && str_contains( $query, '_lock_' . Sync_State::LOCK . "'" );
		$this->meanwhile = function () use ( &$theirs ): void {
			$theirs = $this->sync->full->start();
		};

		$mine = $this->sync->full->start();
		remove_action( 'causerie_connector_event', $count );

		self::assertNull( $this->moment, 'the other start came' );
		self::assertSame( $theirs, $mine, 'both servers work the one full sync' );
		self::assertSame( $mine, $this->sync->state->run() );
		self::assertSame( array( 'full_sync_started' ), array_values( array_intersect( $started, array( 'full_sync_started' ) ) ), 'started once' );
	}

	public function test_the_rows_of_a_full_sync_whose_server_died_while_ending_it_are_released_by_the_next_start(): void {
		Sync_Services::publish();
		$run = $this->sync->full->start()['id'];
		$this->sync->full->queue_step();
		// Its state says it ended; its server died before releasing its rows.
		self::assertTrue(
			$this->sync->state->end(
				$run,
				array(
					'id'        => $run,
					'cancelled' => true,
				)
			)
		);

		$this->sync->full->start();

		self::assertSame( 0, $this->rows( $run ) );
		self::assertSame( 1, $this->sync->overview->current()['pending'], 'the post\'s own change stays' );
	}

	/**
	 * The queue's rows, or those of one full sync.
	 *
	 * @param int|null $run The full sync.
	 */
	private function rows( ?int $run = null ): int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- WPCS 2.3 predates %i.
		return (int) $this->wpdb()->get_var( $this->wpdb()->prepare( 'SELECT COUNT(*) FROM %i WHERE %d = 0 OR run = %d', Queue::table(), (int) $run, (int) $run ) );
	}
}
