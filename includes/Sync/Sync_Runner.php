<?php
/**
 * Sends the queue to the knowledge base, a batch at a time.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Diagnosis\Finding;

/**
 * Claims up to a batch of rows, turns each post into what it should be in the knowledge base (its documents, or
 * their removal when it no longer qualifies), and sends them in one request. Memory stays flat: one batch of
 * posts at a time, and the object cache's copies of them dropped after each batch.
 *
 * What stops it: a pause (a cause the admin must fix: a missing scope, the plan's quota, a broken connection),
 * tried again by itself at its retry time and lifted by a check that passes (Sync_Cron); a backoff after a 429,
 * a 5xx or no answer, honouring Retry-After. A document the API refuses fails alone, with its reason.
 *
 * @phpstan-import-type Row from Queue
 * @phpstan-import-type Item_Result from Knowledge_Api
 * @phpstan-import-type Plan from Sync_Plan
 */
final class Sync_Runner {

	/**
	 * Bytes of documents in one request at most, well under the API's 16 MiB.
	 */
	public const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

	/**
	 * Constructor.
	 *
	 * @param Queue         $queue     The queue.
	 * @param Knowledge_Api $knowledge The knowledge base.
	 * @param Doubt_Check   $doubt     What landed of a dead worker's writes.
	 * @param Sync_Plan     $plans     What each post should become there.
	 * @param Sync_State    $state     Pause, backoff and the full sync.
	 * @param Full_Sync     $full      Queues a full sync a page at a time.
	 * @param Sync_Stops    $stops     What a failed request stops.
	 * @param \Closure      $clock     The time now, in seconds: time(...), or a clock a test moves on.
	 *
	 * @phpstan-param \Closure(): int $clock
	 */
	public function __construct(
		private readonly Queue $queue,
		private readonly Knowledge_Api $knowledge,
		private readonly Doubt_Check $doubt,
		private readonly Sync_Plan $plans,
		private readonly Sync_State $state,
		private readonly Full_Sync $full,
		private readonly Sync_Stops $stops,
		private readonly \Closure $clock
	) {}

	/**
	 * Works until the queue is empty, the time is up, or something stops it.
	 *
	 * @param float         $seconds  Time to work, at most (a batch started is finished).
	 * @param \Closure|null $progress Told how many posts each batch handled.
	 * @return array{handled: int, stopped: string} Why it stopped: empty, time, paused or backoff.
	 *
	 * @phpstan-param (\Closure(int): void)|null $progress
	 */
	public function run( float $seconds, ?\Closure $progress = null ): array {
		$owner    = 'r' . bin2hex( random_bytes( 8 ) );
		$deadline = microtime( true ) + $seconds;
		$handled  = 0;
		while ( true ) {
			if ( $this->state->pause_left() > 0 ) {
				return array(
					'handled' => $handled,
					'stopped' => 'paused',
				);
			}
			if ( $this->state->backoff_left() > 0 ) {
				return array(
					'handled' => $handled,
					'stopped' => 'backoff',
				);
			}
			$queuing = $this->full->queue_step();
			$rows    = $this->queue->claim( $owner, Knowledge_Api::MAX_ITEMS, Lease::SECONDS );
			if ( array() === $rows && ! $queuing ) {
				$this->full->finish_if_done();
				return array(
					'handled' => $handled,
					'stopped' => 'empty',
				);
			}
			$stop     = array() === $rows ? null : $this->batch( $rows, $owner );
			$handled += count( $rows );
			if ( null !== $progress ) {
				$progress( count( $rows ) );
			}
			// Posts, their meta and terms were cached for this batch only.
			wp_cache_flush_runtime();
			if ( null !== $stop ) {
				return array(
					'handled' => $handled,
					'stopped' => $stop,
				);
			}
			if ( microtime( true ) >= $deadline ) {
				return array(
					'handled' => $handled,
					'stopped' => 'time',
				);
			}
		}
	}

	/**
	 * Handles one claimed batch.
	 *
	 * @param array  $rows  The rows.
	 * @param string $owner The runner.
	 * @return string|null Why the runner must stop, if it must.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	private function batch( array $rows, string $owner ): ?string {
		// The batch's posts with their meta and terms in three queries, rather than several for each post.
		_prime_post_caches( array_column( $rows, 'post_id' ), true, true );
		$lease = new Lease( $this->queue, $owner, $rows, ( $this->clock )() );
		$plans = array();
		try {
			foreach ( $rows as $row ) {
				// Content filters may be slow: the claim is kept while the batch is built, though not at each post.
				$lease->keep_due( ( $this->clock )() );
				$plan = $this->plans->of( $row );
				if ( is_array( $plan ) ) {
					$plans[] = $plan;
					continue;
				}
				$lease->done( $row['id'] );
				if ( true === $plan ) {
					$this->queue->finish( $row, $owner, Queue::DONE );
				} else {
					$this->fail( $row, $owner, $plan );
				}
			}
			$plans = $this->settle_doubts( $plans, $owner );
			return $plans instanceof Finding ? $this->stops->stop( $plans, $rows, $owner, false ) : $this->send( $plans, $owner );
		} catch ( Lease_Lost $lost ) {
			// This runner stalled and another took rows over: it sends those. Those still held go back at once,
			// in doubt, since a request may have landed; the runner goes on with the rest of the queue.
			$this->queue->release( $rows, $owner, 0, true, '', false );
			return null;
		}
	}

	/**
	 * Drops from the plans what a dead worker's write already did, after looking it up.
	 *
	 * @param array  $plans The plans.
	 * @param string $owner The runner.
	 * @return list<Plan>|Finding
	 *
	 * @phpstan-param list<Plan> $plans
	 */
	private function settle_doubts( array $plans, string $owner ) {
		$doubted = array_filter( $plans, static fn( array $plan ): bool => $plan['row']['doubt'] );
		if ( array() === $doubted ) {
			return $plans;
		}
		$ids = array();
		foreach ( $doubted as $plan ) {
			$ids = array_merge( $ids, array_column( $plan['items'], 'source_id' ) );
		}
		$held = $this->doubt->held( array_values( array_unique( array_filter( $ids, 'is_string' ) ) ), ( new Lease( $this->queue, $owner, array_column( $plans, 'row' ) ) )->keep( ... ) );
		if ( $held instanceof Finding ) {
			return $held;
		}
		$left = array();
		foreach ( $plans as $plan ) {
			$post_id = $plan['row']['post_id'];
			$record  = Post_Record::get( $post_id );
			$ids     = array_column( $plan['parts'], 'source_id' );
			$landed  = $plan['row']['doubt'] ? Doubt_Check::landed( $plan['parts'], $plan['removed'], $record, $held ) : null;
			// The API holds just what was last confirmed, and that is what would be sent: nothing to write.
			if ( null === $landed && $plan['row']['doubt'] && ( $record['hash'] ?? null ) === $plan['hash'] && Doubt_Check::unchanged( $record, $ids, $held ) ) {
				$landed = $record['parts'] ?? array();
			}
			if ( null === $landed ) {
				$left[] = $plan;
				continue;
			}
			$this->plans->carried_out( $plan, $landed );
			$this->queue->finish( $plan['row'], $owner, Queue::DONE );
		}
		return $left;
	}

	/**
	 * Sends the plans, as few requests as the limits allow.
	 *
	 * @param array  $plans The plans.
	 * @param string $owner The runner.
	 * @return string|null Why the runner must stop, if it must.
	 *
	 * @phpstan-param list<Plan> $plans
	 */
	private function send( array $plans, string $owner ): ?string {
		$requests = array();
		$current  = array();
		$bytes    = 0;
		foreach ( $plans as $plan ) {
			$size = strlen( (string) wp_json_encode( $plan['items'] ) );
			if ( array() !== $current && ( $bytes + $size > self::MAX_REQUEST_BYTES || count( array_merge( ...array_column( $current, 'items' ) ) ) + count( $plan['items'] ) > Knowledge_Api::MAX_ITEMS ) ) {
				$requests[] = $current;
				$current    = array();
				$bytes      = 0;
			}
			$current[] = $plan;
			$bytes    += $size;
		}
		if ( array() !== $current ) {
			$requests[] = $current;
		}
		foreach ( $requests as $index => $request ) {
			// The rows of the requests still to send are held as long as this one takes.
			$unsent  = array_column( array_merge( ...array_slice( $requests, $index ) ), 'row' );
			$results = $this->knowledge->batch( array_merge( ...array_column( $request, 'items' ) ), ( new Lease( $this->queue, $owner, $unsent ) )->keep( ... ) );
			if ( $results instanceof Finding ) {
				return $this->stops->stop( $results, $unsent, $owner, true );
			}
			$this->apply( $request, $results, $owner );
		}
		$this->state->set(
			array(
				'sentAt'  => time(),
				'backoff' => null,
				'pause'   => null,
			)
		);
		return null;
	}

	/**
	 * Records each post's outcome from its items' results.
	 *
	 * @param array  $plans   The plans sent.
	 * @param array  $results The results, in the same order as the items.
	 * @param string $owner   The runner.
	 *
	 * @phpstan-param list<Plan> $plans
	 * @phpstan-param list<Item_Result> $results
	 */
	private function apply( array $plans, array $results, string $owner ): void {
		$offset = 0;
		$done   = array();
		foreach ( $plans as $plan ) {
			$mine    = array_slice( $results, $offset, count( $plan['items'] ) );
			$offset += count( $plan['items'] );
			$errors  = array_filter( $mine, static fn( array $result ): bool => 'ok' !== $result['status'] );
			if ( array() !== $errors ) {
				$error = reset( $errors );
				$this->fail( $plan['row'], $owner, trim( $error['error'] . ': ' . $error['description'], ': ' ) );
				continue;
			}
			$versions = array();
			foreach ( array_slice( $mine, 0, count( $plan['parts'] ) ) as $result ) {
				$versions[] = array(
					'version' => $result['document']['version'] ?? 0,
					'hash'    => $result['document']['content_hash'] ?? '',
				);
			}
			$this->plans->carried_out( $plan, $versions );
			$done[] = $plan['row'];
		}
		$this->queue->finish_all( $done, $owner );
	}

	/**
	 * Marks a post as failed, with its reason; the others go on.
	 *
	 * @param array  $row    The row.
	 * @param string $owner  The runner.
	 * @param string $reason Why.
	 *
	 * @phpstan-param Row $row
	 */
	private function fail( array $row, string $owner, string $reason ): void {
		$this->queue->finish( $row, $owner, Queue::FAILED, $reason );
		Post_Record::failed( $row['post_id'], $reason );
	}
}
