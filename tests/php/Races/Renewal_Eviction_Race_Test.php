<?php
/**
 * Token renewal by several processes while the object cache evicts.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Service_Graph;
use Causerie\Connector\Tests\Sandbox;

/**
 * Requests on several servers find the token expired while Redis, short of memory, evicts what it holds: the
 * token is still asked for once, and every request gets the new one.
 */
final class Renewal_Eviction_Race_Test extends \PHPUnit\Framework\TestCase {

	private const WAVE = 3;

	/**
	 * How long the sandbox takes to answer a token request: the renewal is still going on while the cache
	 * evicts and the second wave of requests arrives.
	 */
	private const TOKEN_LATENCY_MS = 4000;

	/**
	 * Redis's memory while it evicts, and how much is written to make it evict.
	 */
	private const MAXMEMORY      = '4mb';
	private const FILL_BYTES     = 100000;
	private const FILL_ROUNDS    = 20;
	private const FILL_PER_ROUND = 100;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		$token = ( new Service_Graph( dirname( __DIR__, 3 ) . '/causerie-connector.php', 'races' ) )->tokens()->token();
		self::assertIsNotString( $token );
	}

	protected function tearDown(): void {
		Sandbox::control(
			'PUT',
			'/latency',
			array(
				'endpoint' => 'token',
				'ms'       => 0,
			)
		);
		Racers::forget();
		parent::tearDown();
	}

	/**
	 * Fills Redis past its memory until none of the site's keys is left in it, as a crowded shared cache does.
	 *
	 * @param \Redis $redis The site's Redis.
	 * @return int Keys of the site left.
	 */
	private static function evict( \Redis $redis ): int {
		$redis->config( 'SET', 'maxmemory', self::MAXMEMORY );
		$junk = str_repeat( 'x', self::FILL_BYTES );
		$left = array();
		for ( $round = 0; $round < self::FILL_ROUNDS; $round++ ) {
			for ( $i = 0; $i < self::FILL_PER_ROUND; $i++ ) {
				$redis->set( 'other-site:' . $round . ':' . $i, $junk );
			}
			$left = $redis->keys( 'races:*' );
			if ( array() === $left ) {
				return 0;
			}
		}
		return is_array( $left ) ? count( $left ) : 0;
	}

	public function test_processes_renewing_an_expired_token_while_redis_evicts_ask_for_one_token_and_all_get_it(): void {
		$redis = Racers::redis();
		$redis->flushAll();
		// The expired token is in Redis too, as the last renewal left it there.
		self::assertTrue( Racers::start( array( array( 'expire-token' ) ), 'redis' )->results()[0]['expired'] ?? null );
		self::assertNotSame( array(), $redis->keys( 'races:*' ) );
		$before = Sandbox::token_requests();
		$start  = Sandbox::requests()['token'] ?? 0;
		Sandbox::control(
			'PUT',
			'/latency',
			array(
				'endpoint' => 'token',
				'ms'       => self::TOKEN_LATENCY_MS,
			)
		);

		$first = Racers::start( array_fill( 0, self::WAVE, array( 'token' ) ), 'redis' );
		$i     = 0;
		while ( ( Sandbox::requests()['token'] ?? 0 ) === $start ) {
			self::assertLessThan( 600, ++$i, 'a renewal began' );
			usleep( 20000 );
		}
		self::assertSame( 0, self::evict( $redis ), 'Redis evicted every key of the site, the lock and the token included' );
		$second  = Racers::start( array_fill( 0, self::WAVE, array( 'token' ) ), 'redis' );
		$results = array_merge( $first->results(), $second->results() );

		self::assertSame( 1, Sandbox::token_requests() - $before, 'one token request for every process' );
		$tokens = array_unique( array_map( static fn( array $result ): string => is_string( $result['token'] ?? null ) ? $result['token'] : (string) wp_json_encode( $result ), $results ) );
		self::assertCount( 1, $tokens, 'every process got the one new token' );
		self::assertTrue( Sandbox::accepts( (string) reset( $tokens ) ) );
	}
}
