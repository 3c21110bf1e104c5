<?php
/**
 * Tests of uninstall.php.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;

/**
 * Nothing named after the plugin stays in the database after uninstall.
 */
final class Uninstall_Test extends TestCase {

	public function test_uninstall_removes_every_option_transient_lock_and_cron_event(): void {
		Sandbox::reset();
		update_option( Credential_Store::OPTION, array( 'local' => array( 'clientId' => 'x' ) ), false );
		update_option( 'causerie_connector_token', 'cc1:encrypted', false );
		update_option( Live_Checks::OPTION, array( 'checkedAt' => gmdate( 'c' ) ), false );
		set_transient( 'causerie_endpoints_abc', array( 'issuer' => 'x' ), 60 );
		( new Lock() )->acquire( Token_Manager::LOCK, 30 );
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
