<?php
/**
 * Whether WP-Cron runs the plugin's jobs.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Cron;

/**
 * The token renewal and the daily health check need WP-Cron. When their next run is more than an hour overdue,
 * nothing runs them: DISABLE_WP_CRON without a system cron job, or loopback requests that fail.
 */
final class Cron_Monitor {

	public const OPTION = 'causerie_connector_cron_late';

	/**
	 * Seconds a job may be overdue before it counts as not run.
	 */
	public const LATE_AFTER = 3600;

	/**
	 * Seconds after which a job seen overdue and still waiting proves WP-Cron is not running: the request that
	 * first sees it may have just started WP-Cron, as the first visit to a quiet site does.
	 */
	public const CONFIRM_AFTER = 600;

	/**
	 * Constructor.
	 *
	 * @param bool     $disabled Whether DISABLE_WP_CRON is set: then no page load starts WP-Cron.
	 * @param string[] $hooks    The recurring jobs watched.
	 *
	 * @phpstan-param list<string> $hooks
	 */
	public function __construct(
		private readonly bool $disabled,
		private readonly array $hooks
	) {}

	/**
	 * Whether the jobs run.
	 *
	 * @param int $now Current Unix time.
	 * @return array{running: bool, disabled: bool, overdueSince: string|null}
	 */
	public function report( int $now ): array {
		$oldest = null;
		foreach ( $this->hooks as $hook ) {
			$next = wp_next_scheduled( $hook );
			if ( false !== $next && $next <= $now - self::LATE_AFTER ) {
				$oldest = min( $oldest ?? $next, $next );
			}
		}
		if ( null === $oldest ) {
			// Looked up among the autoloaded options: asking for an absent option costs a query on every page.
			if ( array_key_exists( self::OPTION, wp_load_alloptions() ) ) {
				delete_option( self::OPTION );
			}
			return array(
				'running'      => true,
				'disabled'     => $this->disabled,
				'overdueSince' => null,
			);
		}
		// The same run still waiting since it was first seen overdue: a job that ran meanwhile has a new time.
		$seen    = get_option( self::OPTION );
		$seen_at = is_array( $seen ) && ( $seen['due'] ?? null ) === $oldest && is_int( $seen['seenAt'] ?? null ) ? $seen['seenAt'] : null;
		if ( null === $seen_at ) {
			$seen_at = $now;
			update_option(
				self::OPTION,
				array(
					'due'    => $oldest,
					'seenAt' => $now,
				),
				true
			);
		}
		return array(
			'running'      => ! $this->disabled && $now - $seen_at < self::CONFIRM_AFTER,
			'disabled'     => $this->disabled,
			'overdueSince' => gmdate( 'c', $oldest ),
		);
	}
}
