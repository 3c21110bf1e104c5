<?php
/**
 * Tests of the daily health check and the plugin's scheduled jobs.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Cron;

use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Diagnosis\Call_Outcome;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Both jobs come with activation and go with deactivation, which keeps the settings; the daily check runs the
 * live checks, and a failure met elsewhere brings it forward.
 */
final class Health_Check_Test extends TestCase {

	private const PLUGIN = 'causerie-connector/causerie-connector.php';

	/**
	 * When the check brought forward runs, if it is scheduled.
	 *
	 * @phpstan-impure
	 */
	private function next_soon(): int|false {
		return wp_next_scheduled( Health_Check::HOOK, array( Health_Check::SOON ) );
	}

	public function test_activation_schedules_both_jobs_and_deactivation_removes_them_but_keeps_the_settings(): void {
		Sandbox::connect();
		update_option( Alert_Recipient::OPTION, 'ops@example.com' );
		wp_unschedule_hook( Health_Check::HOOK );
		wp_clear_scheduled_hook( Token_Refresh::HOOK );

		do_action( 'activate_' . self::PLUGIN, false );

		self::assertNotFalse( wp_next_scheduled( Health_Check::HOOK ) );
		self::assertSame( 'daily', wp_get_schedule( Health_Check::HOOK ) );
		self::assertNotFalse( wp_next_scheduled( Token_Refresh::HOOK ) );

		wp_schedule_single_event( time() + HOUR_IN_SECONDS, Health_Check::HOOK, array( Health_Check::SOON ) );
		wp_schedule_single_event( time() + DAY_IN_SECONDS, Secret_Expiry::HOOK );
		do_action( 'deactivate_' . self::PLUGIN, false );

		self::assertFalse( wp_next_scheduled( Health_Check::HOOK ) );
		self::assertFalse( wp_next_scheduled( Health_Check::HOOK, array( Health_Check::SOON ) ) );
		self::assertFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
		self::assertFalse( wp_next_scheduled( Secret_Expiry::HOOK ) );
		self::assertStringNotContainsString( 'causerie', (string) wp_json_encode( _get_cron_array() ) );
		self::assertSame( 'wp-development', ( new Credential_Store( new Encryption(), new Overrides() ) )->credentials()->client_id );
		self::assertSame( 'ops@example.com', get_option( Alert_Recipient::OPTION ) );
	}

	public function test_a_missing_daily_check_is_restored_on_the_next_admin_page(): void {
		wp_unschedule_hook( Health_Check::HOOK );
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );

		try {
			do_action( 'admin_init' );
		} finally {
			$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		}

		self::assertNotFalse( wp_next_scheduled( Health_Check::HOOK ) );
	}

	public function test_the_daily_check_runs_the_live_checks(): void {
		Sandbox::reset();
		Sandbox::connect();
		delete_option( Live_Checks::OPTION );

		do_action( Health_Check::HOOK );

		$last = get_option( Live_Checks::OPTION );
		self::assertIsArray( $last );
		self::assertIsArray( $last['checks'] );
		self::assertNotEmpty( $last['checks'] );
		foreach ( $last['checks'] as $check ) {
			self::assertIsArray( $check );
			self::assertSame( 'ok', $check['status'] ?? null );
		}
	}

	public function test_a_failure_met_elsewhere_brings_the_check_forward(): void {
		Sandbox::reset();
		Sandbox::connect();
		do_action( Health_Check::HOOK );
		wp_unschedule_hook( Health_Check::HOOK );

		Call_Outcome::report( null );
		Call_Outcome::report( new Finding( 'rate_limited' ) );
		Call_Outcome::report( new Finding( 'not_found' ) );
		self::assertFalse( $this->next_soon(), 'None is a break of the connection' );

		Call_Outcome::report( new Finding( 'invalid_client' ) );
		$soon = $this->next_soon();

		self::assertIsInt( $soon );
		self::assertLessThanOrEqual( time(), $soon );
	}

	public function test_a_failure_the_status_already_shows_brings_nothing_forward(): void {
		Sandbox::reset();
		Sandbox::connect();
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'regenerated-in-the-dashboard' ) );
		do_action( Health_Check::HOOK );
		wp_unschedule_hook( Health_Check::HOOK );

		Call_Outcome::report( new Finding( 'invalid_client' ) );

		self::assertFalse( $this->next_soon() );
	}
}
