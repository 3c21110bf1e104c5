<?php
/**
 * Tests of uninstall.php.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Uninstaller;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Source_Ids;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_State;

/**
 * Nothing named after the plugin stays in the database after uninstall.
 */
final class Uninstall_Test extends TestCase {

	protected function tearDown(): void {
		wp_using_ext_object_cache( false );
		parent::tearDown();
	}

	/**
	 * Runs uninstall.php as core does.
	 */
	private function uninstall(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'causerie-connector/causerie-connector.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's flag.
		}
		require dirname( __DIR__, 2 ) . '/uninstall.php';
	}

	/**
	 * The plugin as uninstall.php builds it.
	 */
	private static function plugin(): Uninstaller {
		return new Uninstaller( dirname( __DIR__, 2 ) . '/causerie-connector.php' );
	}

	public function test_uninstall_forgets_every_copy_in_a_persistent_object_cache(): void {
		Sandbox::reset();
		// Transients and the token then live in the object cache, out of the options table's sight.
		wp_using_ext_object_cache( true );
		$services = ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->connect( Sandbox::credentials( 'wp-development' ) );
		self::assertInstanceOf( Cached_Token::class, $services->tokens->token() );
		$endpoints = $services->discovery->cached( $services->credentials->credentials() );
		self::assertInstanceOf( Endpoints::class, $endpoints );
		self::assertIsArray( $services->jwks->keys( $endpoints ) );
		self::assertIsString( wp_cache_get( Token_Store::OPTION, Token_Store::GROUP ) );
		self::assertIsArray( get_transient( Jwks::CACHE_PREFIX . md5( $endpoints->jwks_uri ) ) );

		$this->uninstall();

		self::assertFalse( wp_cache_get( Token_Store::OPTION, Token_Store::GROUP ), 'the token' );
		self::assertNull( $services->discovery->cached( $services->credentials->credentials() ), 'the endpoints' );
		self::assertFalse( get_transient( Jwks::CACHE_PREFIX . md5( $endpoints->jwks_uri ) ), 'the signing keys' );
	}

	public function test_revoking_on_uninstall_sends_nothing_once_its_time_is_spent(): void {
		Sandbox::reset();
		$services = ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->connect( Sandbox::credentials( 'wp-development' ) );
		$token    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		$sent  = 0;
		$count = static function ( $preempt ) use ( &$sent ) {
			++$sent;
			return $preempt;
		};
		add_filter( 'pre_http_request', $count );

		self::plugin()->revoke_token( microtime( true ) - 1 );
		remove_filter( 'pre_http_request', $count );

		self::assertSame( 0, $sent );
		self::assertTrue( Sandbox::accepts( $token->access_token ) );
	}

	public function test_every_request_of_the_uninstall_revocation_ends_by_its_deadline(): void {
		Sandbox::reset();
		$services = ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->connect( Sandbox::credentials( 'wp-development' ) );
		$token    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		$timeouts = array();
		$record   = static function ( $preempt, $args ) use ( &$timeouts ) {
			$timeouts[] = is_array( $args ) ? $args['timeout'] : null;
			return $preempt;
		};
		add_filter( 'pre_http_request', $record, 10, 2 );

		self::plugin()->revoke_token( microtime( true ) + 2.5 );
		remove_filter( 'pre_http_request', $record );

		self::assertCount( 2, $timeouts, 'the access token and its refresh token' );
		foreach ( $timeouts as $timeout ) {
			self::assertIsFloat( $timeout );
			self::assertLessThanOrEqual( 2.5, $timeout );
		}
		self::assertFalse( Sandbox::accepts( $token->access_token ) );
	}

	public function test_uninstall_removes_every_option_transient_lock_and_cron_event(): void {
		Sandbox::reset();
		update_option( Credential_Store::OPTION, array( 'local' => array( 'clientId' => 'x' ) ), false );
		update_option( 'causerie_connector_token', 'cc1:encrypted', false );
		update_option( Live_Checks::OPTION, array( 'checkedAt' => gmdate( 'c' ) ), false );
		set_transient( 'causerie_endpoints_abc', array( 'issuer' => 'x' ), 60 );
		( new Lock() )->acquire( Token_Renewal::LOCK, 30 );
		wp_schedule_event( time() + 60, 'hourly', Token_Refresh::HOOK );
		\Causerie\Connector\Log\Event_Log::emit( 'site', 'rebound' );
		update_option( Alert_Recipient::OPTION, 'ops@example.com' );
		update_option( Alerter::OPTION, array( 'open' => 'invalid_client' ), false );
		wp_schedule_event( time() + 60, 'daily', Health_Check::HOOK );
		wp_schedule_single_event( time(), Health_Check::HOOK, array( Health_Check::SOON ) );
		wp_schedule_single_event( time() + 60, Secret_Expiry::HOOK );
		$admin = $this->act_as( 'administrator' );
		Connection_Notice::dismiss( $admin, str_repeat( 'a', 32 ) );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'causerie-connector/causerie-connector.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's flag.
		}
		require dirname( __DIR__, 2 ) . '/uninstall.php';

		$names = $this->wpdb()->get_col( "SELECT option_name FROM {$this->wpdb()->options} WHERE option_name LIKE '%causerie%'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the raw table, named by core.
		self::assertSame( array(), $names );
		self::assertSame( 0, Sandbox::revocations(), 'a token that can\'t be read is not sent anywhere' );
		self::assertFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
		self::assertNull( $this->wpdb()->get_var( $this->wpdb()->prepare( 'SHOW TABLES LIKE %s', $this->wpdb()->prefix . 'causerie_events' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared; WPCS can't see it through $this->wpdb().
		self::assertStringNotContainsString( 'causerie', (string) wp_json_encode( _get_cron_array() ) );
		self::assertSame( array(), $this->wpdb()->get_col( "SELECT meta_key FROM {$this->wpdb()->usermeta} WHERE meta_key LIKE '%causerie%'" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the raw table, named by core.
	}

	public function test_uninstall_drops_the_sync_queue_its_state_and_post_meta_but_leaves_the_remote_documents(): void {
		Sandbox::reset();
		$sync    = new Sync\Sync_Services();
		$sent    = Sync\Sync_Services::publish();
		$waiting = Sync\Sync_Services::publish();
		$sync->runner->run( 10 );
		wp_update_post(
			array(
				'ID'         => $waiting,
				'post_title' => 'Changed, still queued',
			)
		);
		update_post_meta( $sent, Content_Selection::EXCLUDE_META, '1' );
		$sync->selection->choose( array( 'post' ) );
		$sync->full->start();
		( new Sync_Schedule() )->soon();
		( new Sync_Schedule() )->daily();
		self::assertNotNull( Post_Record::get( $sent ) );
		self::assertNotFalse( get_option( Source_Ids::OPTION ) );
		$held = Sync\Sync_Services::held();

		$this->uninstall();

		self::assertNull( $this->wpdb()->get_var( $this->wpdb()->prepare( 'SHOW TABLES LIKE %s', Queue::table() ) ), 'the queue table' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared; WPCS can't see it through $this->wpdb().
		foreach ( array( Sync_State::OPTION, Content_Selection::OPTION, Source_Ids::OPTION, Queue::DB_VERSION ) as $option ) {
			self::assertFalse( get_option( $option ), $option );
		}
		self::assertSame( array(), $this->wpdb()->get_col( "SELECT meta_key FROM {$this->wpdb()->postmeta} WHERE meta_key LIKE '%causerie%'" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the raw table, named by core.
		self::assertFalse( wp_next_scheduled( Sync_Schedule::HOOK ) );
		self::assertFalse( wp_next_scheduled( Sync_Schedule::RECONCILE ) );
		self::assertSame( $held, Sync\Sync_Services::held(), 'the documents in Causerie stay' );
		self::assertSame( array(), Sync\Sync_Services::deletes() );
	}

	public function test_uninstall_revokes_the_token_in_use_with_its_credentials(): void {
		Sandbox::reset();
		$services = ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->connect( Sandbox::credentials( 'wp-development' ) );
		$token    = $services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertTrue( Sandbox::accepts( $token->access_token ) );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'causerie-connector/causerie-connector.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core's flag.
		}
		require dirname( __DIR__, 2 ) . '/uninstall.php';

		self::assertFalse( Sandbox::accepts( $token->access_token ) );
		self::assertSame( 2, Sandbox::revocations( 'wp-development' ), 'the access token and its refresh token' );
	}
}
