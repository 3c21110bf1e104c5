<?php
/**
 * Tests of the block editor's knowledge panel, through the REST API the editor uses.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Editor_Panel;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;

/**
 * Whoever may edit a post may flip its switch, and no one else; the editor reads the post's state from the
 * post's own route, in the edit context only.
 */
final class Editor_Panel_Test extends TestCase {

	public function test_an_author_leaves_their_post_out_and_the_change_is_queued(): void {
		$author  = $this->act_as( 'author' );
		$post_id = $this->post( $author );
		$this->drain();

		$response = rest_get_server()->dispatch( $this->update( $post_id, true ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( '1', get_post_meta( $post_id, Content_Selection::EXCLUDE_META, true ) );
		$post = get_post( $post_id );
		self::assertInstanceOf( \WP_Post::class, $post );
		self::assertFalse( ( new Content_Selection() )->includes( $post ) );
		self::assertTrue( $this->waiting( $post_id ), 'the post is queued to leave' );
	}

	public function test_someone_who_may_not_edit_the_post_cannot_flip_its_switch(): void {
		$post_id = $this->post( $this->act_as( 'editor' ) );
		$this->act_as( 'contributor' );

		$response = rest_get_server()->dispatch( $this->update( $post_id, true ) );

		self::assertContains( $response->get_status(), array( 401, 403 ) );
		self::assertNotSame( '1', get_post_meta( $post_id, Content_Selection::EXCLUDE_META, true ) );
	}

	public function test_the_state_is_in_the_edit_context_only(): void {
		$post_id = $this->post( $this->act_as( 'editor' ) );
		Post_Record::synced(
			$post_id,
			str_repeat( 'a', 64 ),
			array(
				array(
					'version' => 2,
					'hash'    => str_repeat(
						'b',
						64
					),
				),
			),
			'split'
		);
		$this->drain();

		$request = new WP_REST_Request( 'GET', '/wp/v2/posts/' . $post_id );
		$request->set_param( 'context', 'edit' );
		$edit = rest_get_server()->dispatch( $request );
		$view = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/wp/v2/posts/' . $post_id ) );

		$data = $edit->get_data();
		self::assertIsArray( $data );
		$state = $data[ Editor_Panel::FIELD ] ?? null;
		self::assertIsArray( $state );
		self::assertSame( 'synced', $state['state'] );
		self::assertSame( 'split', $state['fit'] );
		self::assertSame( 1, $state['parts'] );
		self::assertFalse( $state['waiting'] );
		self::assertIsArray( $view->get_data() );
		self::assertArrayNotHasKey( Editor_Panel::FIELD, $view->get_data() );
	}

	/**
	 * An update of the post's switch, as the editor sends it.
	 *
	 * @param int  $post_id The post.
	 * @param bool $exclude The switch.
	 */
	private function update( int $post_id, bool $exclude ): WP_REST_Request {
		$request = new WP_REST_Request( 'POST', '/wp/v2/posts/' . $post_id );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'meta' => array( Content_Selection::EXCLUDE_META => $exclude ) ) ) );
		return $request;
	}

	/**
	 * A published post.
	 *
	 * @param int $author Its author.
	 */
	private function post( int $author ): int {
		$post_id = wp_insert_post(
			array(
				'post_title'   => 'Hours',
				'post_content' => '<p>9 to 5.</p>',
				'post_status'  => 'publish',
				'post_author'  => $author,
			)
		);
		self::assertIsInt( $post_id );
		return $post_id;
	}

	/**
	 * Empties the queue, as a runner would have.
	 */
	private function drain(): void {
		$this->wpdb()->query( 'DELETE FROM ' . Queue::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table, in a test.
	}

	/**
	 * Whether a change of the post waits in the queue.
	 *
	 * @param int $post_id The post.
	 */
	private function waiting( int $post_id ): bool {
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		return null !== $wpdb->get_var( $wpdb->prepare( 'SELECT id FROM %i WHERE post_id = %d AND state = %s', Queue::table(), $post_id, Queue::PENDING ) );
	}
}
