<?php
/**
 * Queues a change whenever a post's place in the knowledge base may change.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Publishing, updating, unpublishing, trashing and deleting a post, and its switch in the editor, each queue
 * the post once; the runner reads the post when it sends, so several saves in a row make one write, and the
 * order of the hooks does not matter. A post of a type not chosen is queued only if the knowledge base holds it.
 */
final class Post_Listener {

	/**
	 * Constructor.
	 *
	 * @param Queue             $queue     The queue.
	 * @param Content_Selection $selection Which posts go.
	 * @param Sync_Schedule     $schedule  Wakes the runner.
	 */
	public function __construct(
		private readonly Queue $queue,
		private readonly Content_Selection $selection,
		private readonly Sync_Schedule $schedule
	) {}

	/**
	 * Hooks the post's changes.
	 */
	public function register(): void {
		add_action( 'transition_post_status', array( $this, 'transition' ), 10, 3 );
		add_action( 'before_delete_post', array( $this, 'deleting' ) );
		foreach ( array( 'added_post_meta', 'updated_post_meta', 'deleted_post_meta' ) as $hook ) {
			add_action( $hook, array( $this, 'meta_changed' ), 10, 3 );
		}
	}

	/**
	 * A post saved: it matters when it is or was published.
	 *
	 * @param mixed $new_status The status now.
	 * @param mixed $old_status The status before.
	 * @param mixed $post       The post.
	 */
	public function transition( $new_status, $old_status, $post ): void {
		if ( $post instanceof \WP_Post && ( 'publish' === $new_status || 'publish' === $old_status ) ) {
			$this->changed( $post );
		}
	}

	/**
	 * A post about to be deleted: its record goes with it, so the row keeps how many documents it has there.
	 *
	 * @param mixed $post_id The post.
	 */
	public function deleting( $post_id ): void {
		$post_id = is_numeric( $post_id ) ? (int) $post_id : 0;
		$record  = Post_Record::get( $post_id );
		if ( null !== $record && array() !== $record['parts'] ) {
			$this->queue->enqueue( array( $post_id ), 0, false, count( $record['parts'] ) );
			$this->schedule->soon();
		}
	}

	/**
	 * The editor's switch changed.
	 *
	 * @param mixed $meta_ids  The meta rows.
	 * @param mixed $object_id The post.
	 * @param mixed $meta_key  The key.
	 */
	public function meta_changed( $meta_ids, $object_id, $meta_key ): void {
		$post_id = is_numeric( $object_id ) ? (int) $object_id : 0;
		// A key deleted from every post at once names no post (0), and get_post( 0 ) is the global post.
		if ( Content_Selection::EXCLUDE_META === $meta_key && $post_id > 0 ) {
			$post = get_post( $post_id );
			if ( $post instanceof \WP_Post && 'publish' === $post->post_status ) {
				$this->changed( $post );
			}
		}
	}

	/**
	 * The posts of types no longer chosen leave the knowledge base.
	 *
	 * @param array $types The post types.
	 * @return int How many posts are queued to leave.
	 *
	 * @phpstan-param list<string> $types
	 */
	public function types_removed( array $types ): int {
		if ( array() === $types ) {
			return 0;
		}
		$wpdb = Queue::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the types are registered names, reduced to the characters a post type's name may hold; WPCS 2.3 predates %i.
		$ids = $wpdb->get_col( $wpdb->prepare( 'SELECT m.post_id FROM %i m JOIN %i p ON p.ID = m.post_id WHERE m.meta_key = %s AND p.post_type IN ', $wpdb->postmeta, $wpdb->posts, Post_Record::META ) . Content_Selection::names( $types ) );
		$this->queue->enqueue( array_map( 'intval', $ids ) );
		$this->schedule->soon();
		return count( $ids );
	}

	/**
	 * The posts of types newly chosen join the knowledge base.
	 *
	 * @param array $types The post types.
	 * @return int How many posts are queued to join.
	 *
	 * @phpstan-param list<string> $types
	 */
	public function types_added( array $types ): int {
		$count = 0;
		$after = 0;
		while ( array() !== $types ) {
			$ids = $this->selection->ids( $after, Full_Sync::PAGE, $types );
			$this->queue->enqueue( $ids );
			$count += count( $ids );
			if ( count( $ids ) < Full_Sync::PAGE ) {
				break;
			}
			$after = (int) end( $ids );
		}
		if ( $count > 0 ) {
			$this->schedule->soon();
		}
		return $count;
	}

	/**
	 * Queues a post whose type is chosen, or that the knowledge base holds.
	 *
	 * @param \WP_Post $post The post.
	 */
	private function changed( \WP_Post $post ): void {
		if ( false !== wp_is_post_revision( $post ) || false !== wp_is_post_autosave( $post ) ) {
			return;
		}
		if ( in_array( $post->post_type, $this->selection->types(), true ) || null !== Post_Record::get( $post->ID ) ) {
			$this->queue->enqueue( array( $post->ID ) );
			$this->schedule->soon();
		}
	}
}
