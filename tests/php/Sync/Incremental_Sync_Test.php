<?php
/**
 * Tests of the incremental sync against the sandbox.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Post_Listener;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each change of a post queues one row, and one run of the queue applies it in the knowledge base.
 */
final class Incremental_Sync_Test extends TestCase {

	private Sync_Services $sync;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync = new Sync_Services();
	}

	public function test_publishing_queues_one_change_that_one_run_sends(): void {
		$post_id = Sync_Services::publish();

		self::assertSame( 1, $this->sync->overview->current()['pending'] );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );

		$source_id = $this->sync->ids->of( $post_id );
		self::assertSame( array( $source_id => 1 ), Sync_Services::writes() );
		self::assertArrayHasKey( $source_id, Sync_Services::held() );
		self::assertSame( Post_Record::SYNCED, Post_Record::get( $post_id )['state'] ?? null );
		self::assertSame( 0, $this->sync->overview->current()['pending'] );
	}

	public function test_several_saves_in_a_row_make_one_write_of_the_last_version(): void {
		$post_id = Sync_Services::publish();
		foreach ( array( 'Hours', 'Opening times', 'When we are open' ) as $title ) {
			wp_update_post(
				array(
					'ID'         => $post_id,
					'post_title' => $title,
				)
			);
		}

		self::assertSame( 1, $this->sync->overview->current()['pending'], 'one row' );
		$this->sync->runner->run( 10 );

		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
		self::assertSame( Sync_Services::held()[ $this->sync->ids->of( $post_id ) ], Post_Record::get( $post_id )['parts'][0]['hash'] ?? null, 'the record is of what is held' );
	}

	public function test_an_update_writes_the_post_again(): void {
		$post_id = Sync_Services::publish();
		$this->sync->runner->run( 10 );
		$before = Sync_Services::held()[ $this->sync->ids->of( $post_id ) ];

		wp_update_post(
			array(
				'ID'           => $post_id,
				'post_content' => '<p>Open from eight to eight.</p>',
			)
		);
		$this->sync->runner->run( 10 );

		self::assertSame( array( $this->sync->ids->of( $post_id ) => 2 ), Sync_Services::writes() );
		self::assertNotSame( $before, Sync_Services::held()[ $this->sync->ids->of( $post_id ) ] );
	}

	/**
	 * Ways a published post leaves.
	 *
	 * @return array<string, array{\Closure(int): mixed}>
	 */
	public static function leaving(): array {
		return array(
			'unpublished (back to draft)' => array(
				static function ( int $post_id ): void {
					wp_update_post(
						array(
							'ID'          => $post_id,
							'post_status' => 'draft',
						)
					);
				},
			),
			'trashed'                     => array( static fn( int $post_id ) => wp_trash_post( $post_id ) ),
			'deleted'                     => array( static fn( int $post_id ) => wp_delete_post( $post_id, true ) ),
			'made private'                => array(
				static function ( int $post_id ): void {
					wp_update_post(
						array(
							'ID'          => $post_id,
							'post_status' => 'private',
						)
					);
				},
			),
			'left out with the switch'    => array( static fn( int $post_id ) => update_post_meta( $post_id, '_causerie_exclude', '1' ) ),
		);
	}

	/**
	 * A post that stops qualifying is removed, by one queued change.
	 *
	 * @param \Closure $leave What happens to the post.
	 *
	 * @phpstan-param \Closure(int): mixed $leave
	 */
	#[DataProvider( 'leaving' )]
	public function test_a_post_that_leaves_is_removed_from_the_knowledge_base( \Closure $leave ): void {
		$post_id = Sync_Services::publish();
		$this->sync->runner->run( 10 );
		$source_id = $this->sync->ids->of( $post_id );
		self::assertArrayHasKey( $source_id, Sync_Services::held() );

		$leave( $post_id );
		self::assertSame( 1, $this->sync->overview->current()['pending'], 'one change' );
		$this->sync->runner->run( 10 );

		self::assertArrayNotHasKey( $source_id, Sync_Services::held() );
		self::assertSame( array( $source_id => 1 ), Sync_Services::deletes() );
		self::assertNull( Post_Record::get( $post_id ) );
	}

	public function test_unselecting_a_post_type_removes_its_posts_and_keeps_the_others(): void {
		$post = Sync_Services::publish();
		$page = Sync_Services::publish( array( 'post_type' => 'page' ) );
		$this->sync->runner->run( 10 );

		$removed = $this->sync->selection->choose( array( 'post' ) );
		$queued  = ( new Post_Listener( $this->sync->queue, $this->sync->selection, new Sync_Schedule() ) )->types_removed( $removed );
		$this->sync->runner->run( 10 );

		self::assertContains( 'page', $removed );
		self::assertSame( 1, $queued );
		self::assertSame( array( $this->sync->ids->of( $post ) ), array_keys( Sync_Services::held() ) );
		self::assertSame( array( $this->sync->ids->of( $page ) => 1 ), Sync_Services::deletes() );
	}

	public function test_removing_every_posts_switch_at_once_queues_no_unrelated_post(): void {
		$post_id = Sync_Services::publish();
		$draft   = wp_insert_post( array( 'post_title' => 'Draft left out' ) );
		self::assertIsInt( $draft );
		update_post_meta( $draft, '_causerie_exclude', '1' );
		$this->sync->runner->run( 10 );
		// Core hands object id 0 to the meta hooks when a key goes from every post, and get_post( 0 ) is the global post.
		$GLOBALS['post'] = get_post( $post_id );

		delete_post_meta_by_key( '_causerie_exclude' );
		unset( $GLOBALS['post'] );

		self::assertSame( 0, $this->sync->overview->current()['pending'] );
	}
}
