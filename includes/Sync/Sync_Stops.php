<?php
/**
 * What a failed request does to the sync.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Storage\Shared_Clock;

/**
 * A failure the API or the network may get over by itself (429, 5xx, no answer) backs every runner off,
 * honouring Retry-After and doubling up to an hour; the rows wait, marked in doubt when the request may have
 * landed. Any other failure is a cause the admin must fix (a missing scope, the plan's quota, a broken
 * connection): it pauses the sync, is logged once, and is tried again by itself every 15 minutes (the quota
 * hourly) until a check lifts it.
 *
 * @phpstan-import-type Row from Queue
 */
final class Sync_Stops {

	/**
	 * Longest backoff after failures in a row, in seconds.
	 */
	private const MAX_BACKOFF = 3600;

	/**
	 * Seconds before a pause is tried again by itself: the plan's quota hourly, other causes every 15 minutes.
	 */
	private const PAUSE_RETRY = array(
		'quota_exceeded' => 3600,
		''               => 900,
	);

	/**
	 * Failures that pass by themselves.
	 */
	private const TRANSIENT = array( 'rate_limited', 'server_error', 'timeout', 'connection_refused', 'network_error', 'dns_failure', 'not_json', 'renewal_in_progress' );

	/**
	 * Constructor.
	 *
	 * @param Queue      $queue The queue.
	 * @param Sync_State $state Pause and backoff.
	 */
	public function __construct(
		private readonly Queue $queue,
		private readonly Sync_State $state
	) {}

	/**
	 * Gives the rows back and stops the runners: a pause for what the admin must fix, a backoff for the rest.
	 *
	 * @param Finding $finding Why the request failed.
	 * @param array   $rows    The rows not done.
	 * @param string  $owner   The runner.
	 * @param bool    $sent    Whether the request may have reached the API.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	public function stop( Finding $finding, array $rows, string $owner, bool $sent ): string {
		if ( in_array( $finding->code, self::TRANSIENT, true ) ) {
			$failures = $this->state->backoff_failures() + 1;
			$asked    = $finding->evidence['retryAfter'] ?? null;
			$wait     = max( is_int( $asked ) ? $asked : 0, min( self::MAX_BACKOFF, 15 * 2 ** min( $failures - 1, 8 ) ) );
			// A 429 is refused before anything is applied; a 5xx or no answer may hide a write that landed.
			$this->queue->release( $rows, $owner, $wait, $sent && 'rate_limited' !== $finding->code, $finding->code, false );
			$this->state->set(
				array(
					'backoff' => array(
						'until'    => Shared_Clock::now() + $wait,
						'code'     => $finding->code,
						'failures' => $failures,
					),
				)
			);
			return 'backoff';
		}
		// Refused as a whole (a scope, the quota, the token): nothing was applied.
		$this->queue->release( $rows, $owner, 0, false, $finding->code, false );
		$pause = $this->state->pause();
		$now   = Shared_Clock::now();
		$this->state->set(
			array(
				'pause' => array(
					'code'     => $finding->code,
					'since'    => null !== $pause && $pause['code'] === $finding->code ? $pause['since'] : $now,
					'retryAt'  => $now + ( self::PAUSE_RETRY[ $finding->code ] ?? self::PAUSE_RETRY[''] ),
					'evidence' => $finding->evidence,
				),
			)
		);
		if ( null === $pause || $pause['code'] !== $finding->code ) {
			Event_Log::emit( 'sync', 'paused', array( 'cause' => $finding->code ) + $finding->evidence );
		}
		return 'paused';
	}
}
