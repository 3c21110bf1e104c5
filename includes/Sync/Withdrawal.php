<?php
/**
 * "Remove my content from Causerie".
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Takes the site's content out of the chatbot's knowledge through the path every removal takes: no post type is
 * chosen any more, so no post qualifies, and every post the knowledge base holds is queued; the runners then send
 * each one's removal as for an unpublished post, with the same claims, retries and pauses. A full sync running is
 * cancelled first, so it queues nothing more. Choosing post types again on the screen brings the content back.
 * Only ever on the admin's explicit request; uninstall never does it.
 */
final class Withdrawal {

	/**
	 * Constructor.
	 *
	 * @param Queue             $queue     The queue.
	 * @param Content_Selection $selection Which posts go.
	 * @param Full_Sync         $full      The full sync, stopped first.
	 */
	public function __construct(
		private readonly Queue $queue,
		private readonly Content_Selection $selection,
		private readonly Full_Sync $full
	) {}

	/**
	 * Chooses nothing and queues the removal of every post held.
	 *
	 * @return int How many posts are queued to leave.
	 */
	public function withdraw(): int {
		$this->full->cancel();
		$this->selection->choose( array() );
		$wpdb  = Queue::wpdb();
		$after = 0;
		$count = 0;
		do {
			// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- a page of post ids by keyset; WPCS 2.3 predates %i.
			$ids = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT post_id FROM %i WHERE meta_key = %s AND post_id > %d ORDER BY post_id LIMIT %d', $wpdb->postmeta, Post_Record::META, $after, Full_Sync::PAGE ) ) );
			foreach ( $ids as $post_id ) {
				// The row keeps how many documents the post has there, should its record go before the runner.
				$this->queue->enqueue( array( $post_id ), 0, false, count( Post_Record::get( $post_id )['parts'] ?? array() ) );
			}
			$size   = count( $ids );
			$count += $size;
			$after  = (int) end( $ids );
		} while ( Full_Sync::PAGE === $size );
		return $count;
	}
}
