<?php
/**
 * Tests of the proactive token renewal.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Cron;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The job is scheduled with the plugin, removed with it, and renews a token that is due.
 */
final class Token_Refresh_Test extends TestCase {

	protected function tearDown(): void {
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		parent::tearDown();
	}

	public function test_activation_schedules_the_job_every_five_minutes_and_deactivation_removes_it(): void {
		$plugin = 'causerie-connector/causerie-connector.php';
		wp_clear_scheduled_hook( Token_Refresh::HOOK );

		do_action( 'activate_' . $plugin, false );
		self::assertNotFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
		self::assertSame( Token_Refresh::INTERVAL, wp_get_schedule( Token_Refresh::HOOK ) );
		self::assertSame( 300, wp_get_schedules()[ Token_Refresh::INTERVAL ]['interval'] );

		do_action( 'deactivate_' . $plugin, false );
		self::assertFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
	}

	public function test_a_missing_schedule_is_restored_on_the_next_admin_page(): void {
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		// An admin page, as core's own admin_init callbacks expect once wp-admin's files are loaded.
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );

		try {
			do_action( 'admin_init' );
		} finally {
			$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		}

		self::assertNotFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
	}

	public function test_the_job_renews_a_token_that_is_due(): void {
		Sandbox::reset();
		Sandbox::connect( 'wp-production' );
		$store = new Token_Store( new Encryption() );
		$store->put( new Cached_Token( 'old-token', null, time() - 3000, time() + 600, array(), wp_get_environment_type(), 0 ) );

		do_action( Token_Refresh::HOOK );

		$renewed = $store->get();
		self::assertNotNull( $renewed );
		self::assertNotSame( 'old-token', $renewed->access_token );
		self::assertGreaterThan( time(), $renewed->renew_at() );
	}
}
