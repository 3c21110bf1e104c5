<?php
/**
 * The sync's state written by several processes at once.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Sync\Sync_State;
use PHPUnit\Framework\Attributes\DataProviderExternal;

/**
 * Runners on several servers record what they did (the time a document was sent, a pause, a backoff, the full
 * sync's cursor) in one state: what one writes is never lost by another writing another key at the same time.
 */
final class Sync_State_Race_Test extends \PHPUnit\Framework\TestCase {

	private const RACERS = 4;
	private const KEYS   = 25;

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	#[DataProviderExternal( Racers::class, 'caches' )]
	public function test_every_key_set_by_processes_writing_at_once_is_kept( string $cache ): void {
		Racers::start(
			array_fill(
				0,
				self::RACERS,
				array(
					'state-set',
					array( 'keys' => self::KEYS ),
				)
			),
			$cache
		)->results();

		$expected = array();
		foreach ( range( 0, self::RACERS - 1 ) as $racer ) {
			foreach ( range( 0, self::KEYS - 1 ) as $key ) {
				$expected[ "race-$racer-$key" ] = $key;
			}
		}
		wp_cache_flush();
		$state = ( new Sync_State( new Lock() ) )->all();
		ksort( $state );
		ksort( $expected );
		self::assertSame( $expected, $state );
	}
}
