<?php
/**
 * A full sync: every post that qualifies, sent again.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Log\Event_Log;

/**
 * Started from the screen or the command line. The posts are queued a page at a time by the runners
 * themselves, from a cursor kept in the state, so queuing 80,000 posts takes no single long request and a
 * worker killed while queuing resumes at its page; a page queued twice changes nothing (one row a post).
 * Progress is read from the queue's rows, which every runner updates, rather than from counters they would race
 * on; the done rows are dropped when the full sync ends.
 *
 * @phpstan-import-type Run from Sync_State
 */
final class Full_Sync {

	/**
	 * Posts queued by one step.
	 */
	public const PAGE = 1000;

	/**
	 * Constructor.
	 *
	 * @param Queue             $queue     The queue.
	 * @param Queue_Report      $report    Its rows by state.
	 * @param Content_Selection $selection Which posts go.
	 * @param Sync_State        $state     Where the full sync stands.
	 */
	public function __construct(
		private readonly Queue $queue,
		private readonly Queue_Report $report,
		private readonly Content_Selection $selection,
		private readonly Sync_State $state
	) {}

	/**
	 * Starts a full sync, or returns the one in progress, whichever server started it.
	 *
	 * @return Run
	 */
	public function start(): array {
		$run = $this->state->run();
		if ( null !== $run ) {
			return $run;
		}
		$counts   = $this->selection->counts();
		$last     = $this->state->all()['last'] ?? null;
		$previous = is_array( $last ) && is_int( $last['id'] ?? null ) ? $last['id'] : 0;
		if ( $previous > 0 ) {
			// A close cut short, its server gone between the state and the rows, is finished before a new start.
			$this->queue->close_run( $previous, is_array( $last ) && ( $last['cancelled'] ?? null ) === true );
		}
		$run = array(
			// Ids only grow, so a row can't be counted in a later full sync than its own.
			'id'       => max( time(), $previous + 1 ),
			'started'  => time(),
			'expected' => array_sum( array_intersect_key( $counts, array_flip( $this->selection->types() ) ) ),
			'cursor'   => 0,
			'queued'   => false,
		);
		if ( ! $this->state->begin( $run ) ) {
			// Another server started one meanwhile: that is the one in progress.
			return $this->state->run() ?? $run;
		}
		Event_Log::emit( 'sync', 'full_sync_started', array( 'posts' => $run['expected'] ) );
		return $run;
	}

	/**
	 * Queues the next page of posts, if the full sync has any left to queue.
	 *
	 * @return bool Whether there may be more to queue.
	 */
	public function queue_step(): bool {
		$run = $this->state->run();
		if ( null === $run || $run['queued'] ) {
			return false;
		}
		$ids = $this->selection->ids( $run['cursor'], self::PAGE );
		if ( array() !== $ids ) {
			$this->queue->enqueue( $ids, $run['id'], true );
		}
		$cursor = array() === $ids ? $run['cursor'] : (int) end( $ids );
		if ( ! $this->state->advance( $run['id'], $cursor, count( $ids ) < self::PAGE ) && array() !== $ids ) {
			// Another server ended it while this page was queued, and may have released its rows before: the
			// page's rows must not stay pending for a full sync that no longer is.
			$this->queue->close_run( $run['id'], true );
		}
		return count( $ids ) === self::PAGE;
	}

	/**
	 * Ends the full sync when all its posts are handled.
	 */
	public function finish_if_done(): void {
		$run = $this->state->run();
		if ( null === $run || ! $run['queued'] ) {
			return;
		}
		$counts = $this->queue_counts( $run['id'] );
		if ( $counts['pending'] > 0 ) {
			return;
		}
		$this->close( $run, $counts, false );
	}

	/**
	 * Stops the full sync: what it queued and did not send yet is dropped; changes of posts made meanwhile stay.
	 *
	 * @return bool Whether one was running.
	 */
	public function cancel(): bool {
		$run = $this->state->run();
		if ( null === $run ) {
			return false;
		}
		$this->close( $run, $this->queue_counts( $run['id'] ), true );
		return true;
	}

	/**
	 * Where the full sync in progress stands.
	 *
	 * @return array{id: int, started: int, total: int, done: int, failed: int, pending: int, secondsLeft: int|null}|null
	 */
	public function progress(): ?array {
		$run = $this->state->run();
		if ( null === $run ) {
			return null;
		}
		$counts = $this->queue_counts( $run['id'] );
		$held   = $counts['pending'] + $counts['done'] + $counts['failed'];
		$total  = $run['queued'] ? $held : max( $run['expected'], $held );
		$done   = $counts['done'] + $counts['failed'];
		$spent  = max( 1, time() - $run['started'] );
		return array(
			'id'          => $run['id'],
			'started'     => $run['started'],
			'total'       => $total,
			'done'        => $counts['done'],
			'failed'      => $counts['failed'],
			'pending'     => max( 0, $total - $done ),
			'secondsLeft' => $done > 0 ? (int) ceil( ( $total - $done ) * $spent / $done ) : null,
		);
	}

	/**
	 * Ends a full sync and keeps its figures.
	 *
	 * @param array                                       $run       The full sync.
	 * @param array{pending: int, done: int, failed: int} $counts    Its rows.
	 * @param bool                                        $cancelled Whether it was stopped.
	 *
	 * @phpstan-param Run $run
	 */
	private function close( array $run, array $counts, bool $cancelled ): void {
		$last = array(
			'id'        => $run['id'],
			'started'   => $run['started'],
			'finished'  => time(),
			'done'      => $counts['done'],
			'failed'    => $counts['failed'],
			'cancelled' => $cancelled,
		);
		// The state first, the rows after: a step that queues a page meanwhile then either finds the full sync
		// ended and drops its page itself, or queued it before, and close_run() releases it with the rest.
		if ( ! $this->state->end( $run['id'], $last ) ) {
			return;
		}
		$this->queue->close_run( $run['id'], $cancelled );
		Event_Log::emit( 'sync', $cancelled ? 'full_sync_cancelled' : 'full_sync_finished', $last );
	}

	/**
	 * A full sync's rows by state.
	 *
	 * @param int $run The full sync.
	 * @return array{pending: int, done: int, failed: int}
	 */
	private function queue_counts( int $run ): array {
		$counts = $this->report->counts( $run );
		return array(
			'pending' => $counts['pending'],
			'done'    => $counts['done'],
			'failed'  => $counts['failed'],
		);
	}
}
