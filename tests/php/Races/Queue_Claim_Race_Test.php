<?php
/**
 * The sync queue's claim with several processes at once.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Sync\Queue;

/**
 * Runners on several servers claim from one queue at once: no row goes to two of them, and every row goes to one.
 */
final class Queue_Claim_Race_Test extends \PHPUnit\Framework\TestCase {

	private const ROWS   = 400;
	private const RACERS = 4;
	private const BATCH  = 10;

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	public function test_processes_claiming_at_once_share_the_queue_without_a_row_claimed_twice(): void {
		$queue = new Queue();
		$queue->install();
		$posts = range( 1, self::ROWS );
		$queue->enqueue( $posts );

		$results = Racers::start( array_fill( 0, self::RACERS, array( 'claim', array( 'limit' => self::BATCH ) ) ), 'none' )->results();

		$claimed = array_merge( ...array_map( static fn( array $result ): array => is_array( $result['claimed'] ?? null ) ? $result['claimed'] : array(), $results ) );
		sort( $claimed );
		self::assertSame( $posts, $claimed, 'every row claimed, none twice' );
		self::assertSame( '1', Racers::value( 'SELECT MAX(attempts) FROM %i', Queue::table() ), 'no row claimed twice' );
		self::assertSame( '0', Racers::value( 'SELECT COUNT(*) FROM %i WHERE claimed_by IS NULL', Queue::table() ), 'every row claimed' );
	}

	public function test_each_of_several_processes_claiming_at_once_gets_a_batch_while_rows_remain(): void {
		$queue = new Queue();
		$queue->install();
		$queue->enqueue( range( 1, self::ROWS ) );

		$results = Racers::start( array_fill( 0, self::RACERS, array( 'claim-once', array( 'limit' => self::BATCH ) ) ), 'none' )->results();

		foreach ( $results as $index => $result ) {
			self::assertNotEmpty( $result['claimed'] ?? null, "racer $index found the queue empty while rows remained" );
		}
		self::assertSame( '1', Racers::value( 'SELECT MAX(attempts) FROM %i', Queue::table() ), 'no row claimed twice' );
	}
}
