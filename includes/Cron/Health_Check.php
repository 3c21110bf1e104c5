<?php
/**
 * The daily health check by WP-Cron.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Cron;

use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Problem_Tracker;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Log\Event_Log;

/**
 * Once a day WP-Cron runs the live checks and the alerts follow from what they found. A token or API failure
 * met anywhere else (the token renewal, a visitor's chat) brings the next check forward, so a break at night is
 * emailed within minutes rather than the next day. Scheduled on activation, removed on deactivation, and
 * rescheduled on the next admin page if it went missing.
 */
final class Health_Check {

	public const HOOK = 'causerie_connector_health_check';

	/**
	 * Argument of the run brought forward, which keeps it apart from the daily event.
	 */
	public const SOON = 'soon';

	/**
	 * Whether the checks are running in this request; their own failures must not schedule another run.
	 *
	 * @var bool
	 */
	private bool $running = false;

	/**
	 * Constructor.
	 *
	 * @param string            $plugin_file Main plugin file, for the activation hooks.
	 * @param Live_Checks       $checks      The live checks.
	 * @param Connection_Status $status      The status they lead to.
	 * @param Alerter           $alerter     Emails about it.
	 * @param Secret_Expiry     $expiry      The client secret's known expiry.
	 * @param Problem_Tracker   $problems    Notes a recovery, so the admin notice of a later break shows again.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Live_Checks $checks,
		private readonly Connection_Status $status,
		private readonly Alerter $alerter,
		private readonly Secret_Expiry $expiry,
		private readonly Problem_Tracker $problems
	) {}

	/**
	 * Hooks the job, its schedule, and the failures that bring it forward.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'admin_init', array( $this, 'schedule' ) );
		add_action( Event_Log::HOOK, array( $this, 'check_soon' ), 10, 2 );
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
	 * Runs the checks, then sends what their result calls for.
	 */
	public function run(): void {
		$this->running = true;
		try {
			$this->checks->run();
		} finally {
			$this->running = false;
		}
		$now    = time();
		$status = $this->status->current();
		$this->problems->observe( 'connection', Problem_Tracker::problem_of( $status ) );
		$this->alerter->evaluate( $status, $now );
		$this->expiry->remind( $now );
	}

	/**
	 * Brings the next check forward when the token or the API failed and the status does not know yet.
	 *
	 * @param mixed $kind Event kind.
	 * @param mixed $code What happened: a diagnosis code for a failure.
	 */
	public function check_soon( $kind, $code ): void {
		if ( $this->running || ! in_array( $kind, array( 'token', 'api' ), true ) || ! is_string( $code ) ) {
			return;
		}
		if ( ! Catalog::exists( $code ) || 'error' !== Catalog::severity( $code ) || 'broken' === $this->status->current()['state'] ) {
			return;
		}
		if ( false === wp_next_scheduled( self::HOOK, array( self::SOON ) ) ) {
			wp_schedule_single_event( time(), self::HOOK, array( self::SOON ) );
		}
	}
}
