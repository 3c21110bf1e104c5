<?php
/**
 * The sync's WP-Cron jobs, and what lifts a pause.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Log\Event_Log;

/**
 * Each run works for RUN_SECONDS at most, well inside a WP-Cron request's time, and asks for the next run when
 * it stops with work left. A pause is lifted by the checks that prove its cause fixed: the scope granted again
 * (write:knowledge in the token), or the API answering for a broken connection; the plan's quota has no check,
 * so the runner tries again hourly.
 */
final class Sync_Cron {

	/**
	 * Seconds one WP-Cron run works at most.
	 */
	public const RUN_SECONDS = 20;

	/**
	 * The scope every knowledge route needs.
	 */
	public const SCOPE = Scopes::WRITE_KNOWLEDGE;

	/**
	 * Constructor.
	 *
	 * @param string        $plugin_file Main plugin file, for the activation hooks.
	 * @param Sync_Runner   $runner      Sends the queue.
	 * @param Reconciler    $reconciler  Finds drift.
	 * @param Sync_State    $state       The pause.
	 * @param Sync_Schedule $schedule  WP-Cron's events.
	 * @param Queue         $queue       The queue, whose table admin pages keep up to date.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Sync_Runner $runner,
		private readonly Reconciler $reconciler,
		private readonly Sync_State $state,
		private readonly Sync_Schedule $schedule,
		private readonly Queue $queue
	) {}

	/**
	 * Hooks the jobs.
	 */
	public function register(): void {
		add_action( Sync_Schedule::HOOK, array( $this, 'run' ) );
		add_action( Sync_Schedule::RECONCILE, array( $this, 'reconcile' ) );
		add_action( Live_Checks::CHECKED, array( $this, 'checked' ) );
		add_action( 'admin_init', array( $this->schedule, 'daily' ) );
		add_action( 'admin_init', array( $this->queue, 'install' ) );
		register_activation_hook( $this->plugin_file, array( $this->queue, 'install' ) );
		register_activation_hook( $this->plugin_file, array( $this->schedule, 'daily' ) );
		register_deactivation_hook( $this->plugin_file, array( $this->schedule, 'clear' ) );
	}

	/**
	 * One WP-Cron run.
	 */
	public function run(): void {
		$this->after( $this->runner->run( self::RUN_SECONDS )['stopped'] );
	}

	/**
	 * Asks for the next run after a runner stopped.
	 *
	 * @param string $stopped Why it stopped.
	 */
	public function after( string $stopped ): void {
		// WP-Cron reads each server's own clock: the wait left on the shared one, from this server's now.
		match ( $stopped ) {
			'time' => $this->schedule->soon(),
			'backoff' => $this->schedule->at( time() + $this->state->backoff_left() ),
			'paused' => $this->schedule->at( time() + $this->state->pause_left() ),
			default => null,
		};
	}

	/**
	 * The daily reconciliation, then a run to fix what it found.
	 */
	public function reconcile(): void {
		if ( null !== $this->state->pause() ) {
			return;
		}
		$this->reconciler->reconcile();
		$this->schedule->soon();
	}

	/**
	 * Lifts a pause whose cause the checks just proved fixed.
	 *
	 * @param mixed $results The checks' results.
	 */
	public function checked( $results ): void {
		$pause = $this->state->pause();
		if ( null === $pause || ! is_array( $results ) ) {
			return;
		}
		$rows = array();
		foreach ( $results as $result ) {
			if ( $result instanceof Check_Result ) {
				$rows[ $result->id ] = $result;
			}
		}
		$api     = isset( $rows['api'] ) && Check_Result::OK === $rows['api']->status;
		$granted = isset( $rows['scopes'] ) ? ( $rows['scopes']->evidence['granted'] ?? array() ) : array();
		$fixed   = match ( $pause['code'] ) {
			'quota_exceeded' => false,
			'insufficient_scope' => $api && is_array( $granted ) && in_array( self::SCOPE, $granted, true ),
			default => $api,
		};
		if ( $fixed ) {
			$this->state->set( array( 'pause' => null ) );
			Event_Log::emit( 'sync', 'resumed', array( 'cause' => $pause['code'] ) );
			$this->schedule->soon();
		}
	}
}
