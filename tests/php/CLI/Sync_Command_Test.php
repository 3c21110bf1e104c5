<?php
/**
 * Tests of `wp causerie sync`, against the sandbox, in real processes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\Sandbox;

/**
 * The commands, the claim race between two runners, and a runner killed in the middle of a batch. The WP-CLI
 * site starts with its sample post and page published, and the posts each test generates.
 */
final class Sync_Command_Test extends Command_TestCase {

	/**
	 * The sandbox client the site is connected as.
	 */
	private const CLIENT = 'wp-development';

	public function test_a_full_sync_sends_every_post_once_in_three_batches_and_status_says_all_are_in(): void {
		$this->connect();
		$this->posts( 248 );
		$before = Sandbox::requests()['api'];

		$start = $this->wp( array( 'sync', 'start' ) );
		$run   = $this->wp( array( 'sync', 'run' ) );

		self::assertSame( Exit_Code::OK, $start['status'], $start['stderr'] );
		self::assertStringContainsString( 'A full sync of 250 posts is queued.', $start['stdout'] );
		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertStringContainsString( 'the queue is empty (0 failed)', $run['stdout'] );
		self::assertLessThanOrEqual( 3, Sandbox::requests()['api'] - $before, 'batch requests' );
		$this->assertEachWrittenOnce( 250 );
		$status = $this->wp( array( 'sync', 'status', '--format=json' ) );
		self::assertSame( Exit_Code::OK, $status['status'], $status['stderr'] );
		$data = self::json( $status );
		self::assertSame( array( 250, 250, 0, 0, null ), array( $data['synced'], $data['total'], $data['pending'], $data['failed'], $data['pause'] ) );
		self::assertNull( $data['progress'], 'the full sync ended' );
		self::assertMatchesRegularExpression( '/^synced=250 total=250 pending=0 failed=0 pause=- backoff_until=- full_sync=- last_sent=\S+\+00:00 reconciled_at=-\n$/', $this->wp( array( 'sync', 'status' ) )['stdout'] );
	}

	public function test_two_runners_started_together_send_each_post_exactly_once(): void {
		$this->connect();
		$this->posts( 298 );
		$this->wp( array( 'sync', 'start' ) );

		$first  = Wp_Cli::start( array( 'causerie', 'sync', 'run' ) );
		$second = Wp_Cli::start( array( 'causerie', 'sync', 'run' ) );
		$runs   = array( Wp_Cli::wait( $first ), Wp_Cli::wait( $second ) );

		foreach ( $runs as $run ) {
			self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		}
		$this->assertEachWrittenOnce( 300 );
	}

	public function test_a_runner_killed_in_the_middle_of_a_batch_loses_nothing_and_duplicates_nothing(): void {
		$this->connect();
		$this->posts( 298 );
		$this->wp( array( 'sync', 'start' ) );
		// Each batch takes a while, so the runner is caught between sending one and hearing its answer.
		Sandbox::control(
			'PUT',
			'/latency',
			array(
				'ms'       => 1500,
				'endpoint' => 'api',
			)
		);

		$runner = Wp_Cli::start( array( 'causerie', 'sync', 'run' ) );
		$pid    = proc_get_status( $runner['process'] )['pid'];
		$waited = 0;
		// Killed as soon as its second batch landed, while it records the answer.
		do {
			usleep( 10000 );
			$landed = count( $this->writes() );
		} while ( $landed < 200 && $waited++ < 3000 );
		posix_kill( $pid, SIGKILL );
		Wp_Cli::wait( $runner );
		Sandbox::control( 'DELETE', '/faults' );
		$table = 'wp_' . Queue::TABLE;
		self::assertSame( 200, count( $this->writes() ), 'killed before it finished' );
		self::assertNotSame( '0', Wp_Cli::sql( "SELECT COUNT(*) FROM {$table} WHERE claimed_by IS NOT NULL" )[0][0], 'rows left claimed, their writes landed' );
		// The dead runner's lease runs out, as time would end it.
		Wp_Cli::sql( "UPDATE {$table} SET claimed_until = 1 WHERE claimed_by IS NOT NULL" );

		$rerun = $this->wp( array( 'sync', 'run' ) );

		self::assertSame( Exit_Code::OK, $rerun['status'], $rerun['stderr'] );
		$this->assertEachWrittenOnce( 300 );
	}

	public function test_reconcile_after_the_knowledge_base_was_lost_sends_everything_again(): void {
		$this->connect();
		$this->posts( 8 );
		$this->wp( array( 'sync', 'start' ) );
		$this->wp( array( 'sync', 'run' ) );
		Sandbox::control( 'DELETE', '/knowledge' );

		$run = $this->wp( array( 'sync', 'reconcile' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertStringContainsString( 'Checked 10 posts: 10 missing, 0 stale, 0 orphaned.', $run['stdout'] );
		self::assertSame( 10, $this->held() );
		$status = self::json( $this->wp( array( 'sync', 'status', '--format=json' ) ) );
		self::assertIsArray( $status['reconcile'] );
		self::assertSame( 10, $status['reconcile']['missing'] );
	}

	public function test_a_missing_scope_pauses_the_run_with_exit_3_and_status_names_it(): void {
		$this->connect();
		$this->posts( 3 );
		Sandbox::control( 'PATCH', '/clients/' . self::CLIENT, array( 'scopes' => array( 'read:widget' ) ) );
		Sandbox::control( 'POST', '/clients/' . self::CLIENT . '/expire', array() );

		$run    = $this->wp( array( 'sync', 'run' ) );
		$status = $this->wp( array( 'sync', 'status' ) );

		self::assertSame( Exit_Code::BROKEN, $run['status'] );
		self::assertStringContainsString( 'The sync is paused', $run['stderr'] );
		self::assertStringContainsString( '[insufficient_scope]', $run['stderr'] );
		self::assertSame( Exit_Code::BROKEN, $status['status'] );
		self::assertMatchesRegularExpression( '/^synced=0 total=5 pending=3 failed=0 pause=insufficient_scope .* message="[^"]+"\n$/', $status['stdout'] );
		self::assertSame( array(), $this->writes() );
	}

	public function test_a_429_stops_the_run_with_exit_2_and_keeps_the_posts_queued(): void {
		$this->connect();
		$this->posts( 3 );
		Sandbox::fail_next( '429', 'api', 5, 120 );

		$run    = $this->wp( array( 'sync', 'run' ) );
		$status = self::json( $this->wp( array( 'sync', 'status', '--format=json' ) ) );

		self::assertSame( Exit_Code::ATTENTION, $run['status'] );
		self::assertStringContainsString( '[rate_limited]', $run['stderr'] );
		self::assertSame( 3, $status['pending'], 'the new posts wait' );
		self::assertIsArray( $status['backoff'] );
		self::assertGreaterThanOrEqual( time() + 110, $status['backoff']['until'] );
	}

	public function test_remove_needs_yes_then_takes_every_document_of_the_site_out(): void {
		$this->connect();
		$this->posts( 4 );
		$this->wp( array( 'sync', 'start' ) );
		$this->wp( array( 'sync', 'run' ) );
		self::assertSame( 6, $this->held() );

		$refused = $this->wp( array( 'sync', 'remove' ) );
		self::assertSame( Exit_Code::FAILED, $refused['status'] );
		self::assertStringContainsString( '--yes', $refused['stderr'] );
		self::assertSame( 6, $this->held() );

		$removed = $this->wp( array( 'sync', 'remove', '--yes' ) );

		self::assertSame( Exit_Code::OK, $removed['status'], $removed['stderr'] );
		self::assertStringContainsString( '6 posts are queued for removal.', $removed['stdout'] );
		self::assertSame( 0, $this->held() );
		// Nothing goes back by itself: a new post is not sent.
		$this->posts( 1 );
		$this->wp( array( 'sync', 'run' ) );
		self::assertSame( 0, $this->held() );
	}

	public function test_retry_and_cancel_say_what_they_did(): void {
		$this->connect();

		$retry  = $this->wp( array( 'sync', 'retry' ) );
		$cancel = $this->wp( array( 'sync', 'cancel' ) );

		self::assertSame( array( 0, "Success: 0 failed posts are queued again.\n" ), array( $retry['status'], $retry['stdout'] ) );
		self::assertSame( array( 0, "Success: No full sync was running.\n" ), array( $cancel['status'], $cancel['stdout'] ) );
	}

	/**
	 * Every document was written exactly once, and there are as many as expected.
	 *
	 * @param int $count Documents expected.
	 */
	private function assertEachWrittenOnce( int $count ): void {
		$writes = $this->writes();
		self::assertCount( $count, $writes, 'documents written' );
		self::assertSame( array( 1 ), array_values( array_unique( $writes ) ), 'each written once: ' . (string) wp_json_encode( array_filter( $writes, static fn( int $n ): bool => 1 !== $n ) ) );
		self::assertSame( $count, $this->held() );
	}

	/**
	 * Writes per source id the sandbox accepted from the site's client.
	 *
	 * @return array<string, int>
	 */
	private function writes(): array {
		$counters = Sandbox::control( 'GET', '/counters' );
		$writes   = is_array( $counters['knowledgeWrites'] ?? null ) && is_array( $counters['knowledgeWrites'][ self::CLIENT ] ?? null ) ? $counters['knowledgeWrites'][ self::CLIENT ] : array();
		$counts   = array();
		foreach ( $writes as $source_id => $n ) {
			$counts[ (string) $source_id ] = is_numeric( $n ) ? (int) $n : 0;
		}
		return $counts;
	}

	/**
	 * Documents the sandbox holds for the site's client.
	 */
	private function held(): int {
		$knowledge = Sandbox::control( 'GET', '/knowledge' );
		$held      = is_array( $knowledge['documents'] ?? null ) ? ( $knowledge['documents'][ self::CLIENT ] ?? 0 ) : 0;
		return is_numeric( $held ) ? (int) $held : 0;
	}

	/**
	 * Publishes posts on the WP-CLI site; each is queued as it is published.
	 *
	 * @param int $count How many.
	 */
	private function posts( int $count ): void {
		$run = Wp_Cli::fixture( array( 'posts', (string) $count ) );
		self::assertSame( 0, $run['status'], $run['stderr'] );
	}
}
