<?php
/**
 * Tests of the WP-Cron watch.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Cron;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * A job more than an hour overdue, and still waiting when looked at again, means WP-Cron doesn't run; with
 * DISABLE_WP_CRON the first look is enough.
 */
final class Cron_Monitor_Test extends TestCase {

	private const HOOKS = array( Token_Refresh::HOOK, Health_Check::HOOK );

	protected function setUp(): void {
		parent::setUp();
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		wp_clear_scheduled_hook( Health_Check::HOOK );
	}

	/**
	 * Schedules the token renewal as if its next run were due at that time.
	 *
	 * @param int $due Unix time.
	 */
	private function renewal_due_at( int $due ): void {
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		wp_schedule_event( $due, Token_Refresh::INTERVAL, Token_Refresh::HOOK );
	}

	public function test_jobs_on_time_are_running(): void {
		$now = time();
		$this->renewal_due_at( $now + 60 );
		wp_schedule_event( $now - 50 * MINUTE_IN_SECONDS, 'daily', Health_Check::HOOK );

		$report = ( new Cron_Monitor( false, self::HOOKS ) )->report( $now );

		self::assertTrue( $report['running'] );
		self::assertNull( $report['overdueSince'] );
	}

	public function test_a_job_still_waiting_ten_minutes_after_it_was_seen_overdue_means_wp_cron_is_not_running(): void {
		$now     = time();
		$monitor = new Cron_Monitor( false, self::HOOKS );
		$this->renewal_due_at( $now - 2 * HOUR_IN_SECONDS );

		$first  = $monitor->report( $now );
		$second = $monitor->report( $now + Cron_Monitor::CONFIRM_AFTER );

		self::assertTrue( $first['running'], 'The request that first sees it may have just started WP-Cron' );
		self::assertFalse( $second['running'] );
		self::assertFalse( $second['disabled'] );
		self::assertSame( gmdate( 'c', $now - 2 * HOUR_IN_SECONDS ), $second['overdueSince'] );
	}

	public function test_a_quiet_site_whose_jobs_ran_at_the_last_visit_is_running(): void {
		$now     = time();
		$monitor = new Cron_Monitor( false, self::HOOKS );
		$this->renewal_due_at( $now - 3 * HOUR_IN_SECONDS );
		$monitor->report( $now - 3 * HOUR_IN_SECONDS + 2 * HOUR_IN_SECONDS );

		// That visit started WP-Cron: the job ran and its next run is overdue again, after hours without visits.
		$this->renewal_due_at( $now - 2 * HOUR_IN_SECONDS );

		self::assertTrue( $monitor->report( $now )['running'] );
	}

	public function test_with_disable_wp_cron_an_overdue_job_is_reported_at_once(): void {
		$now = time();
		$this->renewal_due_at( $now - 2 * HOUR_IN_SECONDS );

		$report = ( new Cron_Monitor( true, self::HOOKS ) )->report( $now );

		self::assertFalse( $report['running'] );
		self::assertTrue( $report['disabled'] );
	}

	public function test_with_disable_wp_cron_and_a_system_cron_job_the_jobs_are_running(): void {
		$now = time();
		$this->renewal_due_at( $now - 4 * MINUTE_IN_SECONDS );

		self::assertTrue( ( new Cron_Monitor( true, self::HOOKS ) )->report( $now )['running'] );
	}

	public function test_the_status_route_says_whether_wp_cron_runs(): void {
		$this->act_as( 'administrator' );
		$this->renewal_due_at( time() + 60 );
		$running = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();

		$this->renewal_due_at( time() - 2 * HOUR_IN_SECONDS );
		( new Cron_Monitor( false, self::HOOKS ) )->report( time() - 11 * MINUTE_IN_SECONDS );
		$stopped = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();

		self::assertIsArray( $running );
		self::assertIsArray( $stopped );
		self::assertTrue( $running['cronRunning'] );
		self::assertFalse( $stopped['cronRunning'] );
	}

	public function test_an_expired_token_is_blamed_on_wp_cron_only_when_wp_cron_is_seen_stopped(): void {
		$this->act_as( 'administrator' );
		( new Services( null, new Encryption() ) )->credentials->save(
			'local',
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => 'a-secret',
				'apiUrl'       => 'https://api.causerie.example',
			)
		);
		// A call met an expired token: the state the status is read from.
		( new Connection_State( new Credential_Store( new Encryption(), new Overrides() ), new Site_Binding() ) )->record_call( new Finding( 'token_expired' ) );
		$this->renewal_due_at( time() + 60 );
		$running = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();

		$this->renewal_due_at( time() - 2 * HOUR_IN_SECONDS );
		( new Cron_Monitor( false, self::HOOKS ) )->report( time() - 11 * MINUTE_IN_SECONDS );
		$stopped = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();

		self::assertIsArray( $running );
		self::assertIsArray( $stopped );
		self::assertIsArray( $running['diagnosis'] );
		self::assertIsArray( $stopped['diagnosis'] );
		self::assertSame( 'token_expired', $running['diagnosis']['code'] );
		self::assertIsString( $running['diagnosis']['explanation'] );
		self::assertIsString( $stopped['diagnosis']['explanation'] );
		self::assertStringNotContainsString( 'WP-Cron', $running['diagnosis']['explanation'], 'no evidence, no blame' );
		self::assertStringContainsString( 'WP-Cron', $stopped['diagnosis']['explanation'] );
	}
}
