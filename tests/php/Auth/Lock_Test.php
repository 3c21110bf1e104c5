<?php
/**
 * Tests of the shared lock.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Tests\TestCase;

/**
 * One holder at a time, on the database the site really uses; a stale lock frees itself.
 */
final class Lock_Test extends TestCase {

	public function test_only_one_caller_gets_the_lock_until_it_is_released(): void {
		$lock = new Lock();

		self::assertTrue( $lock->acquire( 'token', 30 ) );
		self::assertFalse( ( new Lock() )->acquire( 'token', 30 ), 'a second worker must wait' );
		self::assertTrue( $lock->acquire( 'other', 30 ), 'locks are independent' );

		$lock->release( 'token' );
		self::assertTrue( ( new Lock() )->acquire( 'token', 30 ) );
	}

	public function test_a_lock_left_by_a_crashed_worker_expires(): void {
		self::assertTrue( ( new Lock() )->acquire( 'token', -1 ), 'a holder whose time already ran out' );

		self::assertTrue( ( new Lock() )->acquire( 'token', 30 ) );
		self::assertFalse( ( new Lock() )->acquire( 'token', 30 ) );
	}

	public function test_the_lock_row_is_never_autoloaded(): void {
		( new Lock() )->acquire( 'token', 30 );

		self::assertContains( $this->autoload_of( 'causerie_lock_token' ), array( 'no', 'off' ) );
	}
}
