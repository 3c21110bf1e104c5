<?php
/**
 * Integration tests for the knowledge sync's routes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /sync says where the sync stands; the actions start, stop, send, retry, reconcile and choose the types.
 */
final class Sync_Controller_Test extends TestCase {

	protected function setUp(): void {
		// Creating the table commits an open transaction: done before the test's own.
		( new Queue() )->install();
		parent::setUp();
		// The site's sample post and page; the transaction brings them back.
		$wpdb = $this->wpdb();
		$wpdb->query( "DELETE FROM {$wpdb->posts}" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a test's own fixture, rolled back.
	}

	/**
	 * Sends a request with a JSON body.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route under /causerie/v1/.
	 * @param array<string, mixed> $body   Fields.
	 */
	private function send( string $method, string $route, array $body = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/causerie/v1/' . $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Publishes a post.
	 *
	 * @param array{post_type?: string, post_status?: string, post_title?: string} $fields Fields beside the defaults.
	 */
	private function post( array $fields = array() ): int {
		$id = wp_insert_post(
			$fields + array(
				'post_title'   => 'About us',
				'post_content' => 'We open at nine.',
				'post_status'  => 'publish',
			),
			true
		);
		self::assertIsInt( $id );
		return $id;
	}

	/**
	 * The answer's data, from a success.
	 *
	 * @param WP_REST_Response $response The answer.
	 * @return array<mixed>
	 */
	private static function data( WP_REST_Response $response ): array {
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * A value deep in an answer, by its path of keys: a.b.0.c.
	 *
	 * @param mixed  $data The answer.
	 * @param string $path The keys, joined by dots.
	 */
	private static function at( mixed $data, string $path ): mixed {
		foreach ( explode( '.', $path ) as $key ) {
			$data = is_array( $data ) ? ( $data[ $key ] ?? null ) : null;
		}
		return $data;
	}

	/**
	 * Every route, with each role it refuses.
	 *
	 * @return array<string, array{string, string, string, int}>
	 */
	public static function routes_and_refused_roles(): array {
		$routes = array(
			'GET sync'            => array( 'GET', 'sync' ),
			'POST sync/full'      => array( 'POST', 'sync/full' ),
			'DELETE sync/full'    => array( 'DELETE', 'sync/full' ),
			'POST sync/run'       => array( 'POST', 'sync/run' ),
			'POST sync/retry'     => array( 'POST', 'sync/retry' ),
			'POST sync/reconcile' => array( 'POST', 'sync/reconcile' ),
			'PUT sync/types'      => array( 'PUT', 'sync/types' ),
			'POST sync/remove'    => array( 'POST', 'sync/remove' ),
		);
		$cases  = array();
		foreach ( $routes as $name => $route ) {
			foreach ( self::refused_roles() as $who => $role ) {
				$cases[ $name . ': ' . $who ] = array( $route[0], $route[1], $role[0], $role[1] );
			}
		}
		return $cases;
	}

	#[DataProvider( 'routes_and_refused_roles' )]
	public function test_only_administrators_reach_the_sync( string $method, string $route, string $role, int $status ): void {
		$this->act_as( $role );
		$before = get_option( Sync_State::OPTION );

		$bodies   = array(
			'sync/types'  => array( 'postTypes' => array( 'page' ) ),
			'sync/remove' => array( 'confirm' => true ),
		);
		$response = $this->send( $method, $route, $bodies[ $route ] ?? array() );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( $before, get_option( Sync_State::OPTION ) );
	}

	public function test_the_status_counts_the_qualifying_posts_the_knowledge_base_holds(): void {
		$this->act_as( 'administrator' );
		$sent    = $this->post( array( 'post_type' => 'page' ) );
		$waiting = $this->post( array( 'post_type' => 'page' ) );
		$draft   = $this->post( array( 'post_status' => 'draft' ) );
		$kept    = $this->post();
		update_post_meta( $kept, Content_Selection::EXCLUDE_META, '1' );
		foreach ( array( $sent, $draft, $kept ) as $id ) {
			Post_Record::synced( $id, 'hash', array(), '' );
		}
		Post_Record::failed( $waiting, 'too_large' );

		$status = self::data( $this->send( 'GET', 'sync' ) );

		self::assertSame( 1, $status['inKnowledge'] );
		self::assertSame( 2, $status['eligible'] );
		self::assertIsArray( $status['postTypes'] );
		$page = array_values( array_filter( $status['postTypes'], static fn( $type ) => is_array( $type ) && 'page' === $type['name'] ) );
		self::assertSame( 2, $page[0]['count'] );
		self::assertTrue( $page[0]['chosen'] );
		self::assertNull( $status['fullSync'] );
		self::assertNull( $status['pause'] );
	}

	public function test_a_full_sync_starts_and_cancels(): void {
		$this->act_as( 'administrator' );
		foreach ( range( 1, 3 ) as $n ) {
			$this->post();
		}

		$started = self::data( $this->send( 'POST', 'sync/full' ) );

		self::assertIsArray( $started['fullSync'] );
		self::assertSame( 3, self::at( $started, 'fullSync.total' ) );

		$cancelled = self::data( $this->send( 'DELETE', 'sync/full' ) );

		self::assertNull( $cancelled['fullSync'] );
		self::assertIsArray( $cancelled['lastFullSync'] );
		self::assertTrue( self::at( $cancelled, 'lastFullSync.cancelled' ) );
	}

	public function test_a_run_sends_the_queue_and_the_status_counts_it(): void {
		Sandbox::reset();
		Sandbox::connect();
		$this->act_as( 'administrator' );
		$post = $this->post( array( 'post_title' => 'Opening hours' ) );

		$status = self::data( $this->send( 'POST', 'sync/run' ) );

		self::assertSame( 'empty', self::at( $status, 'run.stopped' ), (string) wp_json_encode( $status ) );
		self::assertSame( 1, $status['inKnowledge'] );
		self::assertIsInt( $status['sentAt'] );
		self::assertSame( Post_Record::SYNCED, Post_Record::get( $post )['state'] ?? '' );
		$counters = Sandbox::control( 'GET', '/counters' );
		self::assertIsArray( self::at( $counters, 'knowledgeWrites.wp-development' ) );
		self::assertCount( 1, self::at( $counters, 'knowledgeWrites.wp-development' ) );
	}

	public function test_retry_queues_the_failed_posts_again(): void {
		$this->act_as( 'administrator' );
		$post = $this->post( array( 'post_title' => 'Refused' ) );
		$this->wpdb()->update(
			Queue::table(),
			array(
				'state' => Queue::FAILED,
				'error' => 'too_large',
			),
			array( 'post_id' => $post )
		);

		$before = self::data( $this->send( 'GET', 'sync' ) );
		self::assertSame( 'Refused', self::at( $before, 'failures.0.title' ) );
		$link = self::at( $before, 'failures.0.editLink' );
		self::assertIsString( $link );
		self::assertStringContainsString( 'post=' . $post, $link );

		$status = self::data( $this->send( 'POST', 'sync/retry' ) );

		self::assertSame( 1, $status['retried'] );
		self::assertSame( array(), $status['failures'] );
		self::assertSame( 1, self::at( $status, 'queue.pending' ) );
	}

	public function test_reconcile_reports_what_it_fixed(): void {
		Sandbox::reset();
		Sandbox::connect();
		$this->act_as( 'administrator' );
		$post = $this->held_post();

		$status = self::data( $this->send( 'POST', 'sync/reconcile' ) );

		self::assertSame( 1, self::at( $status, 'reconciled.missing' ), (string) wp_json_encode( $status['reconciled'] ) );
		self::assertSame( $status['reconciled'], $status['reconcile'] );
		self::assertSame( 1, self::at( $status, 'queue.pending' ) );
	}

	public function test_reconcile_without_a_connection_is_a_diagnosis(): void {
		$this->act_as( 'administrator' );

		$response = $this->send( 'POST', 'sync/reconcile' );

		self::assertGreaterThanOrEqual( 400, $response->get_status() );
		self::assertSame( 'causerie_reconcile_failed', $this->error_code( $response ) );
	}

	public function test_choosing_types_queues_the_posts_of_those_left_out_to_leave(): void {
		$this->act_as( 'administrator' );
		$post = $this->held_post();

		$status = self::data( $this->send( 'PUT', 'sync/types', array( 'postTypes' => array( 'page' ) ) ) );

		self::assertSame( array( 'page' ), get_option( Content_Selection::OPTION ) );
		$types  = is_array( $status['postTypes'] ) ? $status['postTypes'] : array();
		$chosen = array_values( array_column( array_filter( $types, static fn( mixed $type ): bool => true === self::at( $type, 'chosen' ) ), 'name' ) );
		self::assertSame( array( 'page' ), $chosen );
		self::assertSame( 1, self::at( $status, 'queue.pending' ) );
	}

	public function test_an_unknown_type_is_refused_naming_the_field_and_nothing_changes(): void {
		$this->act_as( 'administrator' );
		update_option( Content_Selection::OPTION, array( 'post' ) );

		$response = $this->send( 'PUT', 'sync/types', array( 'postTypes' => array( 'page', 'secret_type' ) ) );

		self::assertSame( 400, $response->get_status() );
		self::assertIsArray( self::at( $response->get_data(), 'data.params' ) );
		self::assertArrayHasKey( 'postTypes', self::at( $response->get_data(), 'data.params' ) );
		self::assertSame( array( 'post' ), get_option( Content_Selection::OPTION ) );
	}

	public function test_a_newly_chosen_type_queues_its_posts_to_join(): void {
		$this->act_as( 'administrator' );
		update_option( Content_Selection::OPTION, array( 'post' ) );
		$page = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_title'   => 'Prices',
				'post_content' => 'Tea 2 euros.',
				'post_status'  => 'publish',
			)
		);
		self::assertIsInt( $page );
		$this->wpdb()->query( 'DELETE FROM ' . Queue::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table, in a test.

		$status = self::data( $this->send( 'PUT', 'sync/types', array( 'postTypes' => array( 'post', 'page' ) ) ) );

		self::assertGreaterThanOrEqual( 1, self::at( $status, 'queue.pending' ) );
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the plugin's own table, in a test; WPCS 2.3 predates %i.
		self::assertSame( (string) $page, $wpdb->get_var( $wpdb->prepare( 'SELECT post_id FROM %i WHERE post_id = %d', Queue::table(), $page ) ) );
	}

	public function test_removing_my_content_needs_the_confirmation_and_queues_every_held_post_to_leave(): void {
		$this->act_as( 'administrator' );
		$post   = $this->held_post();
		$chosen = get_option( Content_Selection::OPTION );

		$unconfirmed = $this->send( 'POST', 'sync/remove', array( 'confirm' => false ) );

		self::assertSame( 400, $unconfirmed->get_status() );
		self::assertSame( $chosen, get_option( Content_Selection::OPTION ) );
		self::assertSame( 0, self::at( self::data( $this->send( 'GET', 'sync' ) ), 'queue.pending' ) );

		$status = self::data( $this->send( 'POST', 'sync/remove', array( 'confirm' => true ) ) );

		self::assertSame( 1, self::at( $status, 'removing' ) );
		self::assertSame( 1, self::at( $status, 'queue.pending' ) );
		self::assertSame( array(), get_option( Content_Selection::OPTION ) );
	}

	/**
	 * A published post the knowledge base holds, with nothing queued for it.
	 */
	private function held_post(): int {
		$post = $this->post();
		Post_Record::synced(
			$post,
			'hash',
			array(
				array(
					'version' => 1,
					'hash'    => 'hash',
				),
			),
			''
		);
		$this->wpdb()->delete( Queue::table(), array( 'post_id' => $post ) );
		return $post;
	}
}
