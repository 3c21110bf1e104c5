<?php
/**
 * A runner's hold on the rows it works on.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * A claim lasts a short while and its runner extends it around every attempt of its requests, so a runner at
 * work keeps its rows however long its batch takes (retries, waits, a token renewal), while a dead one's rows
 * are taken over soon. A runner that stalled past its lease (suspended, a hung database) finds its rows gone at
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
	 *
	 * @phpstan-param list<Row> $rows
	 */
	public function __construct( private readonly Queue $queue, private readonly string $owner, array $rows ) {
		$this->ids = array_column( $rows, 'id' );
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
