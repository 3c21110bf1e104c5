<?php
/**
 * The sync at a glance, for the faces that only read it.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * One read of everything the command line, Site Health and the network screen show: how many of the posts that
 * go are held as last sent, what waits, what failed, what stops the runners, the full sync's progress and the
 * last reconciliation. It only reads: no call to the API, no change to the queue.
 *
 * @phpstan-import-type Pause from Sync_State
 * @phpstan-type Overview array{synced: int, total: int, pending: int, failed: int, oldest: int|null, pause: Pause|null, backoff: array{until: int, code: string}|null, progress: array{id: int, started: int, total: int, done: int, failed: int, pending: int, secondsLeft: int|null}|null, sentAt: int|null, reconcile: array<string, mixed>|null}
 */
final class Sync_Overview {

	/**
	 * Constructor.
	 *
	 * @param Queue_Report      $report    The queue's rows.
	 * @param Content_Selection $selection Which posts go.
	 * @param Sync_State        $state     Pause, backoff, results.
	 * @param Full_Sync         $full      The full sync's progress.
	 */
	public function __construct(
		private readonly Queue_Report $report,
		private readonly Content_Selection $selection,
		private readonly Sync_State $state,
		private readonly Full_Sync $full
	) {}

	/**
	 * The sync now.
	 *
	 * @return Overview
	 */
	public function current(): array {
		$counts    = $this->report->counts();
		$all       = $this->state->all();
		$backoff   = $all['backoff'] ?? null;
		$reconcile = $all['reconcile'] ?? null;
		$until     = $this->state->backoff_until();
		/**
		 * Written only by Reconciler, with string keys.
		 *
		 * @var array<string, mixed>|null $reconcile
		 */
		$reconcile = is_array( $reconcile ) ? $reconcile : null;
		return array(
			'synced'    => $this->synced(),
			'total'     => array_sum( array_intersect_key( $this->selection->counts(), array_flip( $this->selection->types() ) ) ),
			'pending'   => $counts['pending'],
			'failed'    => $counts['failed'],
			'oldest'    => $counts['oldest'],
			'pause'     => $this->state->pause(),
			'backoff'   => $until > time() ? array(
				'until' => $until,
				'code'  => is_array( $backoff ) && is_string( $backoff['code'] ?? null ) ? $backoff['code'] : '',
			) : null,
			'progress'  => $this->full->progress(),
			'sentAt'    => is_int( $all['sentAt'] ?? null ) ? $all['sentAt'] : null,
			'reconcile' => $reconcile,
		);
	}

	/**
	 * How many of the posts that go are held as last sent: they qualify now and their record says synced.
	 */
	public function synced(): int {
		$types = $this->selection->types();
		if ( array() === $types ) {
			return 0;
		}
		$wpdb = Queue::wpdb();
		// The record is a serialized array whose first key is its state (Post_Record::synced writes it so).
		$synced = 'a:%{s:5:"state";s:' . strlen( Post_Record::SYNCED ) . ':"' . Post_Record::SYNCED . '";%';
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- one count for the faces; the types are reduced to the characters a post type's name may hold; WPCS 2.3 predates %i.
		$count = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i p JOIN %i r ON r.post_id = p.ID AND r.meta_key = %s LEFT JOIN %i m ON m.post_id = p.ID AND m.meta_key = %s WHERE r.meta_value LIKE %s AND p.post_status = 'publish' AND p.post_password = '' AND ( m.meta_value IS NULL OR m.meta_value <> '1' ) AND p.post_type IN ", $wpdb->posts, $wpdb->postmeta, Post_Record::META, $wpdb->postmeta, Content_Selection::EXCLUDE_META, $synced ) . Content_Selection::names( $types ) );
		return is_numeric( $count ) ? (int) $count : 0;
	}
}
