<?php
/**
 * A runner's hold on the rows it works on.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * A claim lasts a short while and its runner extends it around every attempt of its requests, and while it
 * builds the batch's documents once a third of it has passed, so a runner at work keeps its rows however long
 * its batch takes (slow content filters, retries, waits, a token renewal), while a dead one's rows are taken
 * over soon. A runner that stalled past its lease (suspended, a hung database) finds its rows gone at
 * its next extension and stops there: it neither sends them again nor records their outcome, which the runner
 * that took them over owns.
 *
 * @phpstan-import-type Row from Queue
 */
final class Lease {

	/**
	 * Seconds a claim lasts unless extended: longer, with a margin, than anything between two extensions (one
	 * attempt at a batch, Knowledge_Api::BATCH_TIMEOUT; a retry's wait; a token renewal), and the longest a dead
	 * runner's rows wait.
	 */
	public const SECONDS = 60;

	/**
	 * Seconds after which keep_due() extends the claim: a third of it, so a step shorter than the two thirds
	 * left (building one post) can't outlast it, while quick steps cost no query each.
	 */
	public const DUE = self::SECONDS / 3;

	/**
	 * The rows' ids.
	 *
	 * @var list<int>
	 */
	private array $ids;

	/**
	 * Constructor.
	 *
	 * @param Queue  $queue The queue.
	 * @param string $owner The runner.
	 * @param array  $rows  The rows it holds and works on.
	 * @param int    $kept  When the claim was made or last extended, by the runner's clock.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	public function __construct( private readonly Queue $queue, private readonly string $owner, array $rows, private int $kept = 0 ) {
		$this->ids = array_column( $rows, 'id' );
	}

	/**
	 * Extends the claim if a third of it has passed since it was last extended: between steps that are each
	 * short but may add up to more than a lease.
	 *
	 * @param int $now The runner's clock.
	 * @throws Lease_Lost When another runner took a row over.
	 */
	public function keep_due( int $now ): void {
		if ( $now - $this->kept >= self::DUE ) {
			$this->keep();
			$this->kept = $now;
		}
	}

	/**
	 * Stops holding a row the runner finished: it is no longer claimed.
	 *
	 * @param int $id The row.
	 */
	public function done( int $id ): void {
		$this->ids = array_values( array_diff( $this->ids, array( $id ) ) );
	}

	/**
	 * Extends the claim on every row, for another lease from now.
	 *
	 * @throws Lease_Lost When another runner took one over.
	 */
	public function keep(): void {
		$held = $this->queue->extend( $this->owner, $this->ids, self::SECONDS );
		if ( count( $held ) < count( $this->ids ) ) {
			throw new Lease_Lost( sprintf( 'Rows %s are no longer held by %s.', implode( ',', array_diff( $this->ids, $held ) ), $this->owner ) );
		}
	}
}
