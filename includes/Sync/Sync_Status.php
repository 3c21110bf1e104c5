<?php
/**
 * Where the knowledge sync stands, as the admin sees it.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Sync;

/**
 * One read of everything the Knowledge tab shows: how many posts the knowledge base holds of those that
 * qualify, the last document sent, the full sync running, a pause or backoff, the failed posts, the queue,
 * the post types and the last reconciliation.
 *
 * @phpstan-import-type Pause from Sync_State
 * @phpstan-type Overview array{synced: int, total: int, pending: int, failed: int, oldest: int|null, pause: Pause|null, backoff: array{until: int, code: string}|null, progress: array{id: int, started: int, total: int, done: int, failed: int, pending: int, secondsLeft: int|null}|null, sentAt: int|null, reconcile: array<string, mixed>|null}
 * @phpstan-type Failure array{postId: int, title: string, editLink: string, error: string, at: int}
 * @phpstan-type Post_Type array{name: string, label: string, count: int, chosen: bool}
 */
final class Sync_Status {

	/**
	 * How many failed posts the status lists.
	 */
	public const FAILURES_SHOWN = 20;

	/**
	 * Constructor.
	 *
	 * @param Sync_State        $state     The sync's state.
	 * @param Full_Sync         $full      The full sync.
	 * @param Queue_Report      $report    The queue by state.
	 * @param Content_Selection $selection Which posts go.
	 */
	public function __construct(
		private readonly Sync_State $state,
		private readonly Full_Sync $full,
		private readonly Queue_Report $report,
		private readonly Content_Selection $selection
	) {}

	/**
	 * The status.
	 *
	 * @return array<string, mixed>
	 */
	public function status(): array {
		$all     = $this->state->all();
		$types   = $this->post_types();
		$chosen  = array_filter( $types, static fn( array $type ): bool => $type['chosen'] );
		$backoff = $this->state->backoff_until();
		return array(
			'inKnowledge'  => $this->synced(),
			'eligible'     => array_sum( array_column( $chosen, 'count' ) ),
			'sentAt'       => is_int( $all['sentAt'] ?? null ) ? $all['sentAt'] : null,
			'fullSync'     => $this->full->progress(),
			'lastFullSync' => is_array( $all['last'] ?? null ) ? $all['last'] : null,
			'pause'        => $this->state->pause(),
			'backoff'      => $this->state->backoff_left() > 0 ? array(
				'until'    => $backoff,
				'failures' => $this->state->backoff_failures(),
				'code'     => $this->current()['backoff']['code'] ?? '',
			) : null,
			'failures'     => $this->failures(),
			'queue'        => $this->report->counts(),
			'postTypes'    => $types,
			'reconcile'    => is_array( $all['reconcile'] ?? null ) ? $all['reconcile'] : null,
		);
	}

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
		$waiting   = $this->state->backoff_left() > 0;
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
			'backoff'   => $waiting ? array(
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

	/**
	 * The public post types, with how many posts of each qualify and whether they are chosen.
	 *
	 * @return list<Post_Type>
	 */
	public function post_types(): array {
		$counts = $this->selection->counts();
		$chosen = $this->selection->types();
		$types  = array();
		foreach ( $this->selection->available() as $name => $label ) {
			$types[] = array(
				'name'   => $name,
				'label'  => $label,
				'count'  => $counts[ $name ] ?? 0,
				'chosen' => in_array( $name, $chosen, true ),
			);
		}
		return $types;
	}

	/**
	 * The latest failed posts, with their titles and where to edit them.
	 *
	 * @return list<Failure>
	 */
	private function failures(): array {
		$failures = array();
		foreach ( $this->report->failures( self::FAILURES_SHOWN ) as $failure ) {
			$post       = get_post( $failure['postId'] );
			$failures[] = array(
				'postId'   => $failure['postId'],
				'title'    => $post instanceof \WP_Post ? get_the_title( $post ) : '',
				'editLink' => $post instanceof \WP_Post ? (string) get_edit_post_link( $post, 'raw' ) : '',
				'error'    => $failure['error'],
				'at'       => $failure['at'],
			);
		}
		return $failures;
	}
}
