<?php
/**
 * Tests of the reconciliation against the sandbox.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Drift found and fixed: documents lost on Causerie's side, a backup restored here (stale records, posts gone).
 */
final class Reconcile_Test extends TestCase {

	private Sync_Services $sync;

	/**
	 * The posts published and sent by setUp.
	 *
	 * @var list<int>
	 */
	private array $posts = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync = new Sync_Services();
		// Only the posts of the test: the site's sample post and page are left out with the switch.
		foreach ( get_posts( array( 'post_type' => array( 'post', 'page' ) ) ) as $sample ) {
			update_post_meta( $sample->ID, '_causerie_exclude', '1' );
		}
		$this->posts = array( Sync_Services::publish(), Sync_Services::publish(), Sync_Services::publish() );
		$this->sync->runner->run( 10 );
		self::assertCount( 3, Sync_Services::held() );
	}

	public function test_after_the_knowledge_base_was_lost_everything_is_missing_and_sent_again(): void {
		Sandbox::control( 'DELETE', '/knowledge' );

		$report = $this->sync->reconciler->reconcile();
		$this->sync->runner->run( 10 );

		self::assertIsArray( $report );
		self::assertSame( array( 3, 3, 0, 0 ), array( $report['checked'], $report['missing'], $report['stale'], $report['orphaned'] ) );
		self::assertCount( 3, Sync_Services::held() );
	}

	public function test_a_record_restored_from_a_backup_is_stale_and_fixed(): void {
		$post_id = $this->posts[1];
		$record  = Post_Record::get( $post_id );
		self::assertNotNull( $record );
		Post_Record::synced( $post_id, $record['hash'], array( array( 'hash' => str_repeat( '0', 64 ) ) + $record['parts'][0] ), $record['fit'] );

		$report = $this->sync->reconciler->reconcile();
		$this->sync->runner->run( 10 );

		self::assertIsArray( $report );
		self::assertSame( array( 0, 1, 0 ), array( $report['missing'], $report['stale'], $report['orphaned'] ) );
		self::assertSame( Sync_Services::held()[ $this->sync->ids->of( $post_id ) ], Post_Record::get( $post_id )['parts'][0]['hash'] ?? null );
		$again = $this->sync->reconciler->reconcile();
		self::assertIsArray( $again );
		self::assertSame( 0, $again['stale'], 'fixed' );
	}

	public function test_a_post_gone_behind_wordpress_back_is_orphaned_and_its_document_removed(): void {
		$post_id = $this->posts[2];
		// A backup from before the post was written: no hook runs.
		$this->wpdb()->delete( $this->wpdb()->posts, array( 'ID' => $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a restore, behind WordPress's back.
		$this->wpdb()->delete( $this->wpdb()->postmeta, array( 'post_id' => $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a restore, behind WordPress's back.
		clean_post_cache( $post_id );

		$report = $this->sync->reconciler->reconcile();
		$this->sync->runner->run( 10 );

		self::assertIsArray( $report );
		self::assertSame( array( 2, 0, 0, 1 ), array( $report['checked'], $report['missing'], $report['stale'], $report['orphaned'] ) );
		self::assertArrayNotHasKey( $this->sync->ids->of( $post_id ), Sync_Services::held() );
		self::assertCount( 2, Sync_Services::held() );
	}
}
