<?php
/**
 * Tests of the shared lock.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Tests\Database_Clock;
use Causerie\Connector\Tests\Memory_Object_Cache;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * One holder at a time, on the database the site really uses, with or without a persistent object cache; a
 * stale lock frees itself; only the holder of an acquisition can release it. Its time is the database's,
 * whatever this server's clock says.
 */
final class Lock_Test extends TestCase {

	/** How far off a server's clock is: five minutes, far past any lock's time. */
	private const SKEW = 300;

	/**
	 * The persistent object cache double, when a test installed it.
	 *
	 * @var Memory_Object_Cache|null
	 */
	private ?Memory_Object_Cache $cache = null;

	protected function tearDown(): void {
		Database_Clock::skew( 0 );
		$this->cache?->uninstall();
		parent::tearDown();
	}

	/**
	 * Where the lock lives.
	 *
	 * @return array<string, array{bool}>
	 */
	public static function stores(): array {
		return array(
			'without an object cache'        => array( false ),
			'with a persistent object cache' => array( true ),
		);
	}

	/**
	 * Uses the object cache double when asked.
	 *
	 * @param bool $object_cache Whether the site has a persistent object cache.
	 */
	private function store( bool $object_cache ): void {
		if ( $object_cache ) {
			$this->cache = ( new Memory_Object_Cache() )->install();
		}
	}

	/**
	 * A holder whose time ran out: its row is taken with an expiry already past.
	 *
	 * @return string The expired holder's owner token.
	 */
	private function expired_holder(): string {
		$owner = ( new Lock() )->acquire( 'token', -1 );
		self::assertNotNull( $owner );
		return $owner;
	}

	#[DataProvider( 'stores' )]
	public function test_only_one_caller_gets_the_lock_until_it_is_released( bool $object_cache ): void {
		$this->store( $object_cache );
		$lock = new Lock();

		$owner = $lock->acquire( 'token', 30 );
		self::assertNotNull( $owner );
		self::assertNull( ( new Lock() )->acquire( 'token', 30 ), 'a second worker must wait' );
		self::assertNotNull( $lock->acquire( 'other', 30 ), 'locks are independent' );

		self::assertTrue( $lock->release( 'token', $owner ) );
		self::assertNotNull( ( new Lock() )->acquire( 'token', 30 ) );
	}

	#[DataProvider( 'stores' )]
	public function test_a_lock_left_by_a_crashed_worker_expires( bool $object_cache ): void {
		$this->store( $object_cache );
		$this->expired_holder();

		self::assertNotNull( ( new Lock() )->acquire( 'token', 30 ) );
		self::assertNull( ( new Lock() )->acquire( 'token', 30 ) );
	}

	#[DataProvider( 'stores' )]
	public function test_a_worker_whose_lock_expired_and_was_taken_over_does_not_release_the_new_holder( bool $object_cache ): void {
		$this->store( $object_cache );
		$late  = $this->expired_holder();
		$taker = ( new Lock() )->acquire( 'token', 30 );
		self::assertNotNull( $taker );

		self::assertFalse( ( new Lock() )->release( 'token', $late ) );

		self::assertNull( ( new Lock() )->acquire( 'token', 30 ), 'the new holder still holds it' );
		self::assertTrue( ( new Lock() )->release( 'token', $taker ) );
	}

	public function test_a_persistent_object_cache_that_evicts_everything_lets_no_second_worker_in(): void {
		$this->store( true );
		$first = ( new Lock() )->acquire( 'token', 30 );
		self::assertNotNull( $first );

		wp_cache_flush();

		self::assertNull( ( new Lock() )->acquire( 'token', 30 ), 'the lock lives where nothing evicts it' );
		self::assertTrue( ( new Lock() )->release( 'token', $first ) );
	}

	#[DataProvider( 'stores' )]
	public function test_the_lock_says_whether_anyone_holds_it( bool $object_cache ): void {
		$this->store( $object_cache );
		self::assertFalse( ( new Lock() )->is_held( 'token' ) );

		$owner = ( new Lock() )->acquire( 'token', 30 );
		self::assertNotNull( $owner );
		self::assertTrue( ( new Lock() )->is_held( 'token' ) );

		( new Lock() )->release( 'token', $owner );
		self::assertFalse( ( new Lock() )->is_held( 'token' ) );
	}

	public function test_a_lock_row_left_by_an_older_version_still_expires(): void {
		// Before owner tokens, the row held its expiry alone.
		add_option( 'causerie_lock_token', (string) ( time() - 5 ), '', false );

		self::assertNotNull( ( new Lock() )->acquire( 'token', 30 ) );
	}

	public function test_the_lock_row_is_never_autoloaded(): void {
		( new Lock() )->acquire( 'token', 30 );

		self::assertContains( $this->autoload_of( 'causerie_lock_token' ), array( 'no', 'off' ) );
	}

	public function test_a_server_whose_clock_runs_fast_leaves_another_servers_lock_alone_until_its_time_ends(): void {
		// Another server, whose clock agrees with the database's, took the lock for 30 seconds.
		Database_Clock::skew( -self::SKEW );
		add_option( 'causerie_lock_token', ( Database_Clock::now() + 30 ) . ':another-server', '', false );

		self::assertNull( ( new Lock() )->acquire( 'token', 30 ), 'its holder still has 30 seconds' );
		self::assertTrue( ( new Lock() )->is_held( 'token' ) );
	}

	public function test_a_server_whose_clock_runs_slow_takes_the_lock_for_its_full_time_by_the_shared_clock(): void {
		Database_Clock::skew( self::SKEW );

		self::assertNotNull( ( new Lock() )->acquire( 'token', 30 ) );

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL -- the row as the other servers read it; WPCS 2.3 predates %i.
		$value = (string) $this->wpdb()->get_var( $this->wpdb()->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $this->wpdb()->options, 'causerie_lock_token' ) );
		self::assertGreaterThanOrEqual( 29, (int) strtok( $value, ':' ) - Database_Clock::now(), 'seconds left for the other servers' );
	}
}
