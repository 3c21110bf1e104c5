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
			'inKnowledge'  => $this->in_knowledge(),
			'eligible'     => array_sum( array_column( $chosen, 'count' ) ),
			'sentAt'       => is_int( $all['sentAt'] ?? null ) ? $all['sentAt'] : null,
			'fullSync'     => $this->full->progress(),
			'lastFullSync' => is_array( $all['last'] ?? null ) ? $all['last'] : null,
			'pause'        => $this->state->pause(),
			'backoff'      => $backoff > time() ? array(
				'until'    => $backoff,
				'failures' => $this->state->backoff_failures(),
			) : null,
			'failures'     => $this->failures(),
			'queue'        => $this->report->counts(),
			'postTypes'    => $types,
			'reconcile'    => is_array( $all['reconcile'] ?? null ) ? $all['reconcile'] : null,
		);
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
	 * The posts that qualify now and whose last send succeeded.
	 */
	private function in_knowledge(): int {
		$types = $this->selection->types();
		if ( array() === $types ) {
			return 0;
		}
		// The record is a serialized array written by Post_Record::synced(): its state is always written first.
		$synced = '%' . Queue::wpdb()->esc_like( serialize( 'state' ) . serialize( Post_Record::SYNCED ) ) . '%'; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- matches how WordPress stores the meta.
		$wpdb   = Queue::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- one count for the screen; the types are reduced to the characters a post type's name may hold; WPCS 2.3 predates %i.
		$count = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i p JOIN %i k ON k.post_id = p.ID AND k.meta_key = %s AND k.meta_value LIKE %s LEFT JOIN %i m ON m.post_id = p.ID AND m.meta_key = %s WHERE p.post_status = 'publish' AND p.post_password = '' AND ( m.meta_value IS NULL OR m.meta_value <> '1' ) AND p.post_type IN ", $wpdb->posts, $wpdb->postmeta, Post_Record::META, $synced, $wpdb->postmeta, Content_Selection::EXCLUDE_META ) . Content_Selection::names( $types ) );
		return is_numeric( $count ) ? (int) $count : 0;
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
