<?php
/**
 * A full sync cancelled on one server while runners on others queue its pages.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Service_Graph;
use Causerie\Connector\Sync\Queue;

/**
 * Runners on two servers queue a full sync's page at the moment an admin on a third cancels it, a few times
 * over since the interleaving differs each time: once all are done, the full sync is over and no row is left
 * belonging to it.
 */
final class Full_Sync_Race_Test extends \PHPUnit\Framework\TestCase {

	private const POSTS  = 30;
	private const ROUNDS = 6;

	/**
	 * The posts made for the test.
	 *
	 * @var list<int>
	 */
	private array $posts = array();

	protected function setUp(): void {
		parent::setUp();
		( new Queue() )->install();
		for ( $i = 0; $i < self::POSTS; $i++ ) {
			$this->posts[] = (int) wp_insert_post(
				array(
					'post_title'  => "Question $i",
					'post_status' => 'publish',
				)
			);
		}
	}

	protected function tearDown(): void {
		foreach ( $this->posts as $post_id ) {
			wp_delete_post( $post_id, true );
		}
		Racers::forget();
		parent::tearDown();
	}

	public function test_a_full_sync_cancelled_while_runners_queue_it_stays_cancelled_and_leaves_no_row_of_its_own(): void {
		$graph = new Service_Graph( dirname( __DIR__, 3 ) . '/causerie-connector.php', 'races' );
		for ( $round = 1; $round <= self::ROUNDS; $round++ ) {
			$run = $graph->full_sync()->start()['id'];

			Racers::start( array( array( 'full-step' ), array( 'full-step' ), array( 'full-cancel' ) ), 'none' )->results();

			self::assertNull( $graph->sync_state()->run(), "round $round: the cancelled full sync did not come back" );
			self::assertSame( '0', Racers::value( 'SELECT COUNT(*) FROM %i WHERE run = %d', Queue::table(), $run ), "round $round: no row left to it" );
		}
	}
}
