<?php
/**
 * Base class for tests on a multisite network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Tests\TestCase;

/**
 * The network bin/wp-site.sh makes with MULTISITE=1: the main site and URL/second/, with the plugin
 * network-activated. Each test starts and ends on the main site, inside the rolled-back transaction.
 */
abstract class Network_TestCase extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		self::assertTrue( is_multisite(), 'Run these tests with phpunit-multisite.xml.dist.' );
	}

	protected function tearDown(): void {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		parent::tearDown();
	}

	/**
	 * The id of the network's second site.
	 */
	protected function second_site(): int {
		$site = get_site_by_path( (string) get_network()?->domain, '/second/' );
		self::assertInstanceOf( \WP_Site::class, $site );
		self::assertSame( '/second/', $site->path );
		return (int) $site->blog_id;
	}

	/**
	 * Creates a network administrator and makes them the current user.
	 */
	protected function act_as_super_admin(): int {
		$user_id = $this->act_as( 'administrator' );
		grant_super_admin( $user_id );
		return $user_id;
	}
}
