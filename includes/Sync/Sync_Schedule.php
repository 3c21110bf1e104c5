<?php
/**
 * When WP-Cron runs the sync.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * A change queued asks for a run now: WP-Cron starts it on the next page load, within a minute on a site with
 * visitors. A run that stops with work left asks for the next one when it can go on: at once after its time
 * was up, at the backoff's end, at the pause's retry time. The daily reconciliation is a recurring event.
 */
final class Sync_Schedule {

	public const HOOK      = 'causerie_connector_sync';
	public const RECONCILE = 'causerie_connector_sync_reconcile';

	/**
	 * Asks for a run as soon as WP-Cron can.
	 */
	public function soon(): void {
		$this->at( time() );
	}

	/**
	 * Asks for a run at a time, unless one is due earlier.
	 *
	 * @param int $time Unix time.
	 */
	public function at( int $time ): void {
		$next = wp_next_scheduled( self::HOOK );
		if ( false !== $next && $next <= $time ) {
			return;
		}
		if ( false !== $next ) {
			wp_unschedule_event( $next, self::HOOK );
		}
		wp_schedule_single_event( $time, self::HOOK );
	}

	/**
	 * Schedules the daily reconciliation if it went missing.
	 */
	public function daily(): void {
		if ( false === wp_next_scheduled( self::RECONCILE ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::RECONCILE );
		}
	}

	/**
	 * Removes every sync event: on deactivation.
	 */
	public function clear(): void {
		wp_clear_scheduled_hook( self::HOOK );
		wp_clear_scheduled_hook( self::RECONCILE );
	}
}
