<?php
/**
 * Tests of how the sync meets the API's refusals, against the sandbox.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Queue_Report;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Failures are states: a backoff that honours Retry-After, a pause with its cause that a passing check lifts,
 * and a refused document that fails alone with its reason.
 */
final class Failure_Paths_Test extends TestCase {

	private Sync_Services $sync;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->sync = new Sync_Services();
	}

	protected function tearDown(): void {
		Sandbox::control( 'DELETE', '/faults' );
		parent::tearDown();
	}

	public function test_a_429_backs_off_as_long_as_retry_after_asks_and_the_rows_stay_pending(): void {
		Sync_Services::publish();
		Sandbox::fail_next( '429', 'api', 5, 600 );

		$outcome = $this->sync->runner->run( 10 );

		self::assertSame( 'backoff', $outcome['stopped'] );
		self::assertGreaterThanOrEqual( time() + 590, $this->sync->state->backoff_until() );
		self::assertSame( 1, $this->sync->overview->current()['pending'] );
		self::assertSame( 'backoff', $this->sync->runner->run( 10 )['stopped'], 'the next runner waits too' );
		self::assertSame( array(), Sync_Services::writes() );
	}

	public function test_a_5xx_backs_off_then_the_post_is_sent_once(): void {
		$post_id = Sync_Services::publish();
		Sandbox::fail_next( '503', 'api', 10 );

		self::assertSame( 'backoff', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( 1, $this->sync->overview->current()['pending'] );
		Sandbox::control( 'DELETE', '/faults' );
		$this->sync->state->set( array( 'backoff' => null ) );
		$this->wpdb()->update( Queue::table(), array( 'available_at' => 0 ), array( 'state' => Queue::PENDING ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the wait is over.

		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
	}

	public function test_a_scope_the_client_lost_pauses_the_sync_until_a_passing_check_lifts_it(): void {
		$post_id = Sync_Services::publish();
		$state   = Sandbox::control( 'GET', '/state' );
		$clients = is_array( $state['clients'] ?? null ) ? $state['clients'] : array();
		$seeded  = array();
		foreach ( $clients as $client ) {
			if ( is_array( $client ) && Sync_Services::CLIENT === ( $client['id'] ?? null ) && is_array( $client['scopes'] ?? null ) ) {
				$seeded = $client['scopes'];
			}
		}
		self::assertContains( 'write:knowledge', $seeded );
		Sandbox::control( 'PATCH', '/clients/' . Sync_Services::CLIENT, array( 'scopes' => array( 'read:widget' ) ) );
		Sandbox::control( 'POST', '/clients/' . Sync_Services::CLIENT . '/expire', array() );

		self::assertSame( 'paused', $this->sync->runner->run( 10 )['stopped'] );
		// The new token asks for write:knowledge, which the client no longer has (the WP-CLI test meets the API's 403).
		self::assertSame( 'invalid_scope', $this->sync->state->pause()['code'] ?? null );
		self::assertSame( 1, $this->sync->overview->current()['pending'] );
		// A check while the scope is still missing lifts nothing.
		$this->sync->services->checks->run();
		self::assertNotNull( $this->sync->state->pause() );

		Sandbox::control( 'PATCH', '/clients/' . Sync_Services::CLIENT, array( 'scopes' => $seeded ) );
		Sandbox::control( 'POST', '/clients/' . Sync_Services::CLIENT . '/expire', array() );
		$this->sync->services->checks->run();

		self::assertNull( $this->sync->state->pause(), 'lifted by the check' );
		self::assertContains( 'resumed', array_column( ( new Event_Log( dirname( __DIR__, 3 ) . '/causerie-connector.php' ) )->recent( 'sync', 10 ), 'code' ) );
		self::assertSame( 'empty', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( array( $this->sync->ids->of( $post_id ) => 1 ), Sync_Services::writes() );
	}

	public function test_the_plans_quota_pauses_the_sync_with_its_own_cause(): void {
		Sync_Services::publish();
		Sandbox::control( 'PUT', '/knowledge', array( 'quota' => 0 ) );

		self::assertSame( 'paused', $this->sync->runner->run( 10 )['stopped'] );
		self::assertSame( 'quota_exceeded', $this->sync->state->pause()['code'] ?? null );
		self::assertSame( 1, $this->sync->overview->current()['pending'] );
		self::assertSame( 'paused', $this->sync->runner->run( 10 )['stopped'], 'until its retry time' );
	}

	public function test_an_invalid_document_fails_alone_with_its_reason_and_the_others_are_sent(): void {
		$good = Sync_Services::publish();
		$bad  = Sync_Services::publish( array( 'post_title' => 'Emptied by a filter' ) );
		$last = Sync_Services::publish();
		// A plugin's filter that empties one title: the API refuses that document alone.
		$empty = static function ( $parts, $post ) use ( $bad ) {
			if ( ! is_array( $parts ) || ! $post instanceof \WP_Post || $bad !== $post->ID ) {
				return $parts;
			}
			return array_map( static fn( $part ) => is_array( $part ) && is_array( $part['document'] ?? null ) ? array( 'document' => array( 'title' => '' ) + $part['document'] ) + $part : $part, $parts );
		};
		add_filter( 'causerie_connector_sync_documents', $empty, 10, 2 );

		$outcome = $this->sync->runner->run( 10 );
		remove_filter( 'causerie_connector_sync_documents', $empty );

		self::assertSame( 'empty', $outcome['stopped'] );
		self::assertSame( array( $this->sync->ids->of( $good ), $this->sync->ids->of( $last ) ), array_keys( Sync_Services::writes() ) );
		$record = Post_Record::get( $bad );
		self::assertSame( Post_Record::FAILED, $record['state'] ?? null );
		self::assertStringStartsWith( 'invalid_document', $record['error'] ?? '' );
		$failures = ( new Queue_Report() )->failures( 10 );
		self::assertSame( array( $bad ), array_column( $failures, 'postId' ) );
		self::assertSame( 1, $this->sync->overview->current()['failed'] );
		self::assertNull( $this->sync->state->pause() );
	}
}
