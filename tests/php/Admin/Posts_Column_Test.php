<?php
/**
 * Tests for the posts lists' Chatbot column.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Posts_Column;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\TestCase;

/**
 * Each post's cell says where it stands, in plain words, from its sync record.
 */
final class Posts_Column_Test extends TestCase {

	/**
	 * Publishes a post and returns it.
	 *
	 * @param string $status The post's status.
	 */
	private static function post( string $status = 'publish' ): \WP_Post {
		$id = wp_insert_post(
			array(
				'post_title'        => 'Delivery',
				'post_content'      => 'We deliver on Tuesdays.',
				'post_status'       => $status,
				'post_modified_gmt' => gmdate( 'Y-m-d H:i:s', time() - 3 * HOUR_IN_SECONDS ),
			),
			true
		);
		self::assertIsInt( $id );
		// WordPress sets the modified time itself on insert: the post was last edited three hours ago.
		self::wpdb_update( $id, gmdate( 'Y-m-d H:i:s', time() - 3 * HOUR_IN_SECONDS ) );
		$post = get_post( $id );
		self::assertInstanceOf( \WP_Post::class, $post );
		return $post;
	}

	/**
	 * A post as it is now.
	 *
	 * @param int $id The post.
	 */
	private static function fresh( int $id ): \WP_Post {
		$post = get_post( $id );
		self::assertInstanceOf( \WP_Post::class, $post );
		return $post;
	}

	/**
	 * Sets a post's modified time.
	 *
	 * @param int    $id   The post.
	 * @param string $when GMT date.
	 */
	private static function wpdb_update( int $id, string $when ): void {
		$wpdb = Queue::wpdb();
		$wpdb->update( $wpdb->posts, array( 'post_modified_gmt' => $when ), array( 'ID' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a test's fixture, rolled back.
		clean_post_cache( $id );
	}

	/**
	 * Records a post as sent two hours ago.
	 *
	 * @param int    $id    The post.
	 * @param int    $parts How many documents.
	 * @param string $fit   '', split or trimmed.
	 */
	private static function sent( int $id, int $parts, string $fit ): void {
		Post_Record::synced(
			$id,
			'hash',
			array_fill(
				0,
				$parts,
				array(
					'version' => 1,
					'hash'    => 'hash',
				)
			),
			$fit
		);
		$record = get_post_meta( $id, Post_Record::META, true );
		self::assertIsArray( $record );
		update_post_meta( $id, Post_Record::META, array( 'at' => time() - 2 * HOUR_IN_SECONDS ) + $record );
	}

	public function test_each_state_reads_in_plain_words(): void {
		$column = new Posts_Column( new Content_Selection() );
		$sent   = self::post();
		self::sent( $sent->ID, 1, '' );
		$split = self::post();
		self::sent( $split->ID, 2, 'split' );
		$trimmed = self::post();
		self::sent( $trimmed->ID, 1, 'trimmed' );
		$refused = self::post();
		Post_Record::failed( $refused->ID, 'document_too_large' );
		$left = self::post();
		update_post_meta( $left->ID, Content_Selection::EXCLUDE_META, '1' );

		self::assertSame( 'In the knowledge base · 2 hours ago', $column->text( $sent ) );
		self::assertSame( 'In the knowledge base · 2 hours ago · Split into 2 parts', $column->text( $split ) );
		self::assertSame( 'In the knowledge base · 2 hours ago · Trimmed', $column->text( $trimmed ) );
		self::assertSame( 'Not sent: document_too_large', $column->text( $refused ) );
		self::assertSame( 'Waiting to be sent', $column->text( self::post() ) );
		self::assertSame( 'Left out', $column->text( self::fresh( $left->ID ) ) );
		self::assertSame( '—', $column->text( self::post( 'draft' ) ) );
	}

	public function test_a_post_edited_since_it_was_sent_is_waiting(): void {
		$column = new Posts_Column( new Content_Selection() );
		$post   = self::post();
		self::sent( $post->ID, 1, '' );
		self::wpdb_update( $post->ID, gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ) );

		self::assertSame( 'Waiting to be sent', $column->text( self::fresh( $post->ID ) ) );
	}

	public function test_the_column_shows_only_on_the_lists_of_chosen_types(): void {
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		update_option( Content_Selection::OPTION, array( 'page' ) );
		$column = new Posts_Column( new Content_Selection() );

		set_current_screen( 'edit-post' );
		$column->load();
		set_current_screen( 'edit-page' );
		$column->load();

		self::assertFalse( has_filter( 'manage_post_posts_columns', array( $column, 'columns' ) ) );
		self::assertSame( 10, has_filter( 'manage_page_posts_columns', array( $column, 'columns' ) ) );
		self::assertArrayHasKey( Posts_Column::COLUMN, $column->columns( array() ) );
		remove_all_filters( 'manage_page_posts_columns' );
		remove_all_actions( 'manage_page_posts_custom_column' );
		set_current_screen( 'front' );
	}
}
