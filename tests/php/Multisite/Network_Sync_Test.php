<?php
/**
 * Tests of the knowledge sync on a network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\REST\Network_Sync_Controller;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Sync\Sync_Services;

/**
 * Two sites sharing one client keep apart: each its own queue table and its own source ids, and a
 * reconciliation on one never touches the other's documents. The network screen lists each site's state.
 */
final class Network_Sync_Test extends Network_TestCase {

	/**
	 * Publishes and sends a post on a site, as the same sandbox client.
	 *
	 * @param int $site The site.
	 * @return array{Sync_Services, int} The site's sync and the post.
	 */
	private function sent_on( int $site ): array {
		switch_to_blog( $site );
		// Built on the site: the source ids' key is each site's.
		$sync    = new Sync_Services();
		$post_id = Sync_Services::publish();
		self::assertSame( 'empty', $sync->runner->run( 10 )['stopped'] );
		restore_current_blog();
		return array( $sync, $post_id );
	}

	public function test_two_sites_on_one_client_keep_their_own_queue_and_documents_and_reconcile_only_their_own(): void {
		Sandbox::reset();
		list( $main, $main_post )     = $this->sent_on( get_current_blog_id() );
		list( $second, $second_post ) = $this->sent_on( $this->second_site() );

		$main_id = $main->ids->of( $main_post );
		switch_to_blog( $this->second_site() );
		$second_id    = $second->ids->of( $second_post );
		$second_table = Queue::table();
		restore_current_blog();
		self::assertNotSame( Queue::table(), $second_table, 'a table per site' );
		self::assertNotSame( $main->ids->prefix(), $second->ids->prefix(), 'a key per site' );
		$both = array( $main_id, $second_id );
		sort( $both );
		self::assertSame( $both, array_keys( Sync_Services::held() ) );

		// A reconciliation of the main site sees the second's document in the listing and leaves it alone (it
		// sends the main site's sample post and page, which qualify and were never sent).
		$report = $main->reconciler->reconcile();
		$main->runner->run( 10 );

		self::assertIsArray( $report );
		self::assertSame( 0, $report['orphaned'] );
		self::assertArrayHasKey( $second_id, Sync_Services::held(), 'the second site\'s document stays' );
		self::assertSame( array(), Sync_Services::deletes() );
	}

	public function test_the_network_screen_lists_each_sites_sync_and_what_pauses_it(): void {
		Sandbox::reset();
		$this->act_as_super_admin();
		$this->sent_on( get_current_blog_id() );
		switch_to_blog( $this->second_site() );
		( new \Causerie\Connector\Sync\Sync_State( new \Causerie\Connector\Auth\Lock() ) )->set(
			array(
				'pause' => array(
					'code'     => 'quota_exceeded',
					'since'    => time(),
					'retryAt'  => time() + 3600,
					'evidence' => array(),
				),
			)
		);
		restore_current_blog();
		$rows = array_column( $this->data_of( $this->dispatch( 'GET', Network_Sync_Controller::path() ) ), null, 'site' );

		self::assertIsArray( $rows[ get_current_blog_id() ] );
		self::assertSame( 1, $rows[ get_current_blog_id() ]['synced'] );
		self::assertNull( $rows[ get_current_blog_id() ]['pause'] );
		self::assertIsArray( $rows[ $this->second_site() ] );
		self::assertSame(
			array(
				'code'  => 'quota_exceeded',
				'title' => \Causerie\Connector\Diagnosis\Catalog::title( 'quota_exceeded' ),
			),
			$rows[ $this->second_site() ]['pause']
		);
	}

	public function test_a_site_administrator_cannot_read_the_network_sync(): void {
		$this->act_as( 'administrator' );

		self::assertSame( 403, $this->dispatch( 'GET', Network_Sync_Controller::path() )->get_status() );
	}

	public function test_reading_a_sites_figures_makes_no_table_on_it(): void {
		$this->act_as_super_admin();
		switch_to_blog( $this->second_site() );
		delete_option( Queue::DB_VERSION );
		restore_current_blog();

		$rows = array_column( ( new Network_Sync_Controller( ( new Sync_Services() )->overview ) )->rows(), null, 'site' );

		self::assertSame( 0, $rows[ $this->second_site() ]['pending'] );
		switch_to_blog( $this->second_site() );
		$made = get_option( Queue::DB_VERSION );
		restore_current_blog();
		self::assertFalse( $made, 'a read installs no table' );
	}
}
