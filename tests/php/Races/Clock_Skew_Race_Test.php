<?php
/**
 * The shared lock and the queue's leases between processes whose clocks disagree.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Sync\Queue;

/**
 * Web servers' clocks drift apart: a process whose clock runs ten minutes fast (or slow, through libfaketime)
 * races processes whose clocks are right, on one MariaDB. It takes no lock or lease another still holds, and
 * what it takes lasts its full time for the others: the deadlines are the database's.
 */
final class Clock_Skew_Race_Test extends \PHPUnit\Framework\TestCase {

	/** Ten minutes: past a lock's time and a claim's lease (child.php claims for five). */
	private const SKEW = 600;

	private const NAME   = 'race';
	private const RACERS = 3;
	private const ROWS   = 40;
	private const BATCH  = 10;

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	/**
	 * A server whose clock runs fast, and one whose clock runs slow.
	 *
	 * @return array<string, array{int}>
	 */
	public static function skews(): array {
		return array(
			'ten minutes fast' => array( self::SKEW ),
			'ten minutes slow' => array( -self::SKEW ),
		);
	}

	/**
	 * Takes the lock in one process, with its clock off by $skew.
	 *
	 * @param int $skew Seconds.
	 */
	private static function acquire( int $skew ): ?string {
		$owner = Racers::start( array( array( 'acquire', self::lock(), $skew ) ), 'none' )->results()[0]['owner'] ?? null;
		return is_string( $owner ) ? $owner : null;
	}

	/**
	 * The lock's arguments.
	 *
	 * @return array<string, mixed>
	 */
	private static function lock(): array {
		return array(
			'name' => self::NAME,
			'ttl'  => 30,
		);
	}

	/**
	 * One runner's first claim, in a process whose clock is off by $skew.
	 *
	 * @param string $owner The runner's name.
	 * @param int    $skew  Seconds.
	 * @return list<int> The posts it claimed.
	 */
	private static function claim( string $owner, int $skew ): array {
		$args    = array(
			'limit' => self::BATCH,
			'owner' => $owner,
		);
		$claimed = Racers::start( array( array( 'claim-once', $args, $skew ) ), 'none' )->results()[0]['claimed'] ?? null;
		return is_array( $claimed ) ? array_values( array_map( static fn( $post ): int => is_numeric( $post ) ? (int) $post : 0, $claimed ) ) : array();
	}

	/**
	 * A process whose clock is off, and one whose clock is right, one after the other: the first holds.
	 *
	 * @param int $skew The first's clock, in seconds from the right time.
	 * @return list<int> The two clocks, in order: the right one first when the skewed one runs fast.
	 */
	private static function order( int $skew ): array {
		// A fast clock would take what a right one holds; a slow one would hold it for less than its time.
		return $skew > 0 ? array( 0, $skew ) : array( $skew, 0 );
	}

	#[\PHPUnit\Framework\Attributes\DataProvider( 'skews' )]
	public function test_a_lock_stays_with_its_holder_whatever_the_clocks_of_the_processes( int $skew ): void {
		list( $first, $then ) = self::order( $skew );

		self::assertNotNull( self::acquire( $first ), 'the first process takes it' );

		$racers = Racers::start( array_fill( 0, self::RACERS, array( 'acquire', self::lock(), $then ) ), 'none' )->results();
		self::assertSame( array(), array_filter( array_column( $racers, 'owner' ), 'is_string' ), 'no process takes it within its 30 seconds' );
	}

	#[\PHPUnit\Framework\Attributes\DataProvider( 'skews' )]
	public function test_a_claimed_row_stays_with_its_runner_whatever_the_clocks_of_the_processes( int $skew ): void {
		$queue = new Queue();
		$queue->install();
		$queue->enqueue( range( 1, self::ROWS ) );
		list( $first, $then ) = self::order( $skew );

		$held  = self::claim( 'first-', $first );
		$taken = self::claim( 'then-', $then );

		self::assertCount( self::BATCH, $held );
		self::assertCount( self::BATCH, $taken, 'the second runner gets a batch of its own' );
		self::assertSame( array(), array_values( array_intersect( $held, $taken ) ), 'no row taken from the first runner' );
		self::assertSame( '1', Racers::value( 'SELECT MAX(attempts) FROM %i', Queue::table() ), 'no row claimed twice' );
	}
}
