<?php
/**
 * The daily health check by WP-Cron.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Cron;

use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Live_Checks;

/**
 * Once a day WP-Cron runs the live checks and the alerts follow from what they found. The alerts also follow
 * every change of the connection's state, wherever it happens (a feature's API call, the token renewal, a check
 * on the screen or in Site Health, a copy paused), so a break or a recovery is emailed when it is seen. A break
 * that a call saw brings the next check forward, for the full diagnosis. Scheduled on activation, removed on
 * deactivation, and rescheduled on the next admin page if it went missing.
 */
final class Health_Check {

	public const HOOK = 'causerie_connector_health_check';

	/**
	 * Argument of the run brought forward, which keeps it apart from the daily event.
	 */
	public const SOON = 'soon';

	/**
	 * Constructor.
	 *
	 * @param string            $plugin_file Main plugin file, for the activation hooks.
	 * @param Live_Checks       $checks      The live checks.
	 * @param Connection_Status $status      The status they lead to.
	 * @param Alerter           $alerter     Emails about it.
	 * @param Secret_Expiry     $expiry      The client secret's known expiry.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Live_Checks $checks,
		private readonly Connection_Status $status,
		private readonly Alerter $alerter,
		private readonly Secret_Expiry $expiry
	) {}

	/**
	 * Hooks the job, its schedule, and the changes the alerts follow.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'admin_init', array( $this, 'schedule' ) );
		add_action( Connection_State::CHANGED, array( $this, 'changed' ), 10, 3 );
		add_action( Site_Binding::CHANGED, array( $this, 'alert' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'schedule' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Schedules the daily run unless it is.
	 */
	public function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + 600, 'daily', self::HOOK );
		}
	}

	/**
	 * Removes the daily run and any run brought forward; the settings stay.
	 */
	public function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * Runs the checks, then sends what their result calls for: a reminder of a lasting break, a fault only local
	 * data shows, the secret's expiry.
	 */
	public function run(): void {
		$this->checks->run();
		$now = time();
		$this->alerter->evaluate( $this->status->current(), $now );
		$this->expiry->remind( $now );
	}

	/**
	 * Sends what the status calls for now.
	 */
	public function alert(): void {
		$this->alerter->evaluate( $this->status->current(), time() );
	}

	/**
	 * Follows a change of the state: the alerts, and a check brought forward when a call, not a check, saw a
	 * break.
	 *
	 * @param mixed $before   The record before.
	 * @param mixed $after    The record after.
	 * @param mixed $found_by What found the change: "check" or "call".
	 */
	public function changed( $before, $after, $found_by = '' ): void {
		$this->alert();
		if ( 'call' === $found_by && 'broken' === $this->status->current()['state'] && false === wp_next_scheduled( self::HOOK, array( self::SOON ) ) ) {
			wp_schedule_single_event( time(), self::HOOK, array( self::SOON ) );
		}
	}
}
