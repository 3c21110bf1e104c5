<?php
/**
 * The shared lock with several processes at once.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Storage\Shared_Option;
use PHPUnit\Framework\Attributes\DataProviderExternal;

/**
 * The lock's owner semantics between real PHP processes on MariaDB, with and without the Redis object cache:
 * one holder at a time, a late owner can't free its successor's lock, a crashed holder's lock is taken over.
 */
final class Lock_Race_Test extends \PHPUnit\Framework\TestCase {

	private const NAME    = 'race';
	private const RACERS  = 4;
	private const SECONDS = 30;

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	/**
	 * The owners the racers got, without the empty hands.
	 *
	 * @param array<int, array<mixed>> $results What each racer printed.
	 * @return list<string>
	 */
	private static function owners( array $results ): array {
		$owners = array_map( static fn( array $result ): string => is_string( $result['owner'] ?? null ) ? $result['owner'] : '', $results );
		return array_values( array_filter( $owners, static fn( string $owner ): bool => '' !== $owner ) );
	}

	/**
	 * Racers that all try to take the lock at once.
	 *
	 * @param string $cache redis or none.
	 * @param int    $ttl   Seconds each asks for.
	 * @return list<string> The owners who got it.
	 */
	private static function race( string $cache, int $ttl = self::SECONDS ): array {
		$commands = array_fill(
			0,
			self::RACERS,
			array(
				'acquire',
				array(
					'name' => self::NAME,
					'ttl'  => $ttl,
				),
			)
		);
		return self::owners( Racers::start( $commands, $cache )->results() );
	}

	/**
	 * Runs one command in a process of its own.
	 *
	 * @param string               $cache   redis or none.
	 * @param string               $command Command.
	 * @param array<string, mixed> $args    Its arguments.
	 * @return array<mixed>
	 */
	private static function one( string $cache, string $command, array $args ): array {
		return Racers::start( array( array( $command, $args ) ), $cache )->results()[0];
	}

	#[DataProviderExternal( Racers::class, 'caches' )]
	public function test_exactly_one_of_several_processes_gets_the_lock( string $cache ): void {
		self::assertCount( 1, self::race( $cache ) );
	}

	#[DataProviderExternal( Racers::class, 'caches' )]
	public function test_an_owner_whose_time_ran_out_cannot_release_the_lock_of_the_process_that_took_it_over( string $cache ): void {
		$late = self::one(
			$cache,
			'acquire',
			array(
				'name' => self::NAME,
				'ttl'  => -1,
			)
		)['owner'] ?? null;
		self::assertIsString( $late, 'the first owner, already out of time' );

		$takers = self::race( $cache );
		self::assertCount( 1, $takers, 'one process took it over' );

		$released = self::one(
			$cache,
			'release',
			array(
				'name'  => self::NAME,
				'owner' => $late,
			)
		);
		self::assertFalse( $released['released'] ?? null, 'the late owner frees nothing' );
		self::assertSame( array(), self::race( $cache ), 'the new owner still holds it' );
		$released = self::one(
			$cache,
			'release',
			array(
				'name'  => self::NAME,
				'owner' => $takers[0],
			)
		);
		self::assertTrue( $released['released'] ?? null, 'its owner frees it' );
	}

	#[DataProviderExternal( Racers::class, 'caches' )]
	public function test_the_lock_of_a_holder_killed_mid_work_is_taken_over_by_one_process_once_its_time_ends( string $cache ): void {
		$holder = Racers::start(
			array(
				array(
					'hold',
					array(
						'name' => self::NAME,
						'ttl'  => 2,
					),
				),
			),
			$cache
		);
		$owner  = $holder->line( 0 )['owner'] ?? null;
		self::assertIsString( $owner );
		$holder->kill( 0 );
		$holder->results();
		$racers = Racers::start(
			array_fill(
				0,
				self::RACERS,
				array(
					'acquire',
					array(
						'name' => self::NAME,
						'ttl'  => self::SECONDS,
					),
				)
			),
			$cache,
			false
		);
		// Its time ends at the second stored in the lock, by the database's clock; the racers go just after.
		$expiry = (int) strtok( (string) Shared_Option::read( 'causerie_lock_' . self::NAME ), ':' );
		while ( Racers::clock() <= $expiry ) {
			usleep( 50000 );
		}
		$racers->go();

		self::assertCount( 1, self::owners( $racers->results() ) );
	}
}
