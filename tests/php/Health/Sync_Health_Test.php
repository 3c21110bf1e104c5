<?php
/**
 * Tests of the sync's place on the Site Health screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Health;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Health\Debug_Information;
use Causerie\Connector\Health\Site_Health_Result;
use Causerie\Connector\Health\Sync_Health;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Tests\TestCase;

/**
 * The backlog test, as core lists and runs it, and the sync's fields in the Info tab.
 */
final class Sync_Health_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php'; // @phpstan-ignore requireOnce.fileNotFound
	}

	/**
	 * The backlog test's result, run as core runs a direct test.
	 *
	 * @return array<mixed>
	 */
	private static function backlog(): array {
		$tests = \WP_Site_Health::get_tests();
		self::assertIsArray( $tests['direct'] );
		$test = $tests['direct'][ Sync_Health::BACKLOG ] ?? null;
		self::assertIsArray( $test, 'listed among core\'s direct tests' );
		self::assertIsCallable( $test['test'] );
		$result = call_user_func( $test['test'] );
		self::assertIsArray( $result );
		return $result;
	}

	/**
	 * A post waiting in the queue since some seconds ago.
	 *
	 * @param int $seconds How long it has waited.
	 */
	private function waiting( int $seconds ): void {
		$post_id = wp_insert_post(
			array(
				'post_title'  => 'Prices',
				'post_status' => 'draft',
			)
		);
		self::assertIsInt( $post_id );
		( new Queue() )->enqueue( array( $post_id ) );
		$this->wpdb()->update( Queue::table(), array( 'updated_at' => time() - $seconds ), array( 'post_id' => $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- ages the row.
	}

	public function test_a_drained_queue_is_good_and_says_how_many_posts_are_in(): void {
		$result = self::backlog();

		self::assertSame( Site_Health_Result::GOOD, $result['status'] );
		self::assertIsString( $result['description'] );
		self::assertMatchesRegularExpression( '/\d+ of \d+ posts are in the chatbot&#039;s knowledge\./', $result['description'] );
	}

	public function test_posts_waiting_a_few_minutes_are_fine(): void {
		$this->waiting( 300 );

		self::assertSame( Site_Health_Result::GOOD, self::backlog()['status'] );
	}

	public function test_posts_waiting_more_than_an_hour_are_recommended_with_a_link_to_the_knowledge_tab(): void {
		$this->waiting( Sync_Health::STALLED_AFTER + 60 );

		$result = self::backlog();

		self::assertSame( Site_Health_Result::RECOMMENDED, $result['status'] );
		self::assertSame( 'Posts have waited more than an hour to reach the chatbot\'s knowledge', $result['label'] );
		self::assertIsString( $result['actions'] );
		self::assertStringContainsString( 'page=causerie-connector#knowledge', $result['actions'] );
	}

	public function test_a_paused_sync_is_recommended_and_names_its_cause(): void {
		( new Sync_State( new Lock() ) )->set(
			array(
				'pause' => array(
					'code'     => 'insufficient_scope',
					'since'    => time(),
					'retryAt'  => time() + 900,
					'evidence' => array(),
				),
			)
		);

		$result = self::backlog();

		self::assertSame( Site_Health_Result::RECOMMENDED, $result['status'] );
		self::assertSame( 'The knowledge sync is paused: ' . Catalog::title( 'insufficient_scope' ), $result['label'] );
	}

	public function test_a_sync_backing_off_is_recommended(): void {
		( new Sync_State( new Lock() ) )->set(
			array(
				'backoff' => array(
					'until'    => time() + 120,
					'code'     => 'rate_limited',
					'failures' => 1,
				),
			)
		);

		$result = self::backlog();

		self::assertSame( Site_Health_Result::RECOMMENDED, $result['status'] );
		self::assertSame( 'The knowledge sync is waiting for the Causerie API', $result['label'] );
	}

	public function test_the_debug_information_lists_the_sync_and_its_first_failures_with_their_reasons(): void {
		$post_id = wp_insert_post(
			array(
				'post_title'  => 'Menu',
				'post_status' => 'draft',
			)
		);
		self::assertIsInt( $post_id );
		$queue = new Queue();
		$queue->enqueue( array( $post_id ) );
		$row = $queue->claim( 'test', 1, 60 );
		self::assertCount( 1, $row );
		$queue->finish( $row[0], 'test', Queue::FAILED, 'invalid_document: title must not be empty' );
		Post_Record::failed( $post_id, 'invalid_document: title must not be empty' );

		$info   = apply_filters( 'debug_information', array() );
		$fields = is_array( $info ) && is_array( $info[ Debug_Information::SECTION ] ?? null ) ? $info[ Debug_Information::SECTION ]['fields'] : array();

		self::assertIsArray( $fields );
		foreach ( array( 'sync_documents', 'sync_queued', 'sync_failed', 'sync_last', 'sync_paused', 'sync_reconcile', 'sync_failures' ) as $key ) {
			self::assertArrayHasKey( $key, $fields );
		}
		self::assertIsArray( $fields['sync_failed'] );
		self::assertSame( '1', $fields['sync_failed']['value'] );
		self::assertIsArray( $fields['sync_failures'] );
		self::assertSame( '#' . $post_id . ': invalid_document: title must not be empty', $fields['sync_failures']['value'] );
		self::assertArrayHasKey( 'version', $fields, 'the connection\'s fields stay' );
	}
}
