<?php
/**
 * The Redis object-cache drop-in of the tests.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

/**
 * The drop-in the races and the cluster run (tests/object-cache/object-cache.php) behaves as WordPress's
 * object cache API says, and its add() lets exactly one of several servers in.
 */
final class Object_Cache_Test extends \PHPUnit\Framework\TestCase {

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	public function test_add_stores_for_exactly_one_of_several_processes(): void {
		$results = Racers::start( array_fill( 0, 4, array( 'cache-add' ) ), 'redis' )->results();

		self::assertCount( 1, array_filter( $results, static fn( array $result ): bool => true === ( $result['added'] ?? null ) ) );
	}

	public function test_the_drop_in_answers_each_call_of_the_api_as_wordpress_describes_it(): void {
		$results = Racers::start( array( array( 'cache-api' ) ), 'redis' )->results()[0];
		$redis   = Racers::redis();

		self::assertTrue( $results['ext_object_cache'] ?? null );
		self::assertSame( array( 'a' => 1 ), $results['object'] ?? null, 'an object, read back from Redis' );
		self::assertSame( array( false, true ), $results['false'] ?? null, 'a stored false is found' );
		self::assertSame( array( false, false ), $results['missing'] ?? null );
		self::assertSame( array( 1, 2 ), $results['runtime'] ?? null, 'the request keeps its copy unless forced' );
		self::assertSame( array( 8, 0, false ), $results['incr'] ?? null, 'incr, decr floored at 0, incr of nothing' );
		self::assertSame( array( false, false, true ), $results['add, replace'] ?? null );
		self::assertTrue( $results['expiring'] ?? null );
		$ttl = $redis->ttl( 'races:causerie-race|0:expiring' );
		self::assertIsInt( $ttl );
		self::assertGreaterThan( 0, $ttl, 'it expires' );
		self::assertLessThanOrEqual( 30, $ttl );
		self::assertSame( array( -1, -2 ), array( $redis->ttl( 'races:causerie-race|0:object' ), $redis->ttl( 'races:causerie-race|0:number' ) ), 'kept for ever; deleted' );
		self::assertSame(
			array(
				'number' => 7,
				'absent' => false,
			),
			$results['multiple'] ?? null
		);
		self::assertSame( array( true, false ), $results['delete'] ?? null );
		self::assertSame( 'here', $results['local'] ?? null );
		self::assertSame( array(), $redis->keys( 'races:causerie-local*' ), 'a non-persistent group stays in the request' );
		self::assertSame(
			array(
				true,
				array(
					'one' => false,
					'two' => false,
				),
			),
			$results['flushed group'] ?? null
		);
		self::assertTrue( $results['supports'] ?? null );
	}
}
