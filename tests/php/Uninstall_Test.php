<?php
/**
 * Tests of uninstall.php.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
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
		update_option( Credential_Store::OPTION, array( 'local' => array( 'clientId' => 'x' ) ), false );
		update_option( 'causerie_connector_token', 'cc1:encrypted', false );
		update_option( Api_Client::MISSING_SCOPES_OPTION, array( 'read:widget' ), false );
		set_transient( 'causerie_metadata_abc', array( 'issuer' => 'x' ), 60 );
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

		$names = $this->wpdb()->get_col( "SELECT option_name FROM {$this->wpdb()->options} WHERE option_name LIKE '%causerie%'" ); // phpcs:ignore WordPress.DB
		self::assertSame( array(), $names );
		self::assertFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
		self::assertNull( $this->wpdb()->get_var( $this->wpdb()->prepare( 'SHOW TABLES LIKE %s', $this->wpdb()->prefix . 'causerie_events' ) ) ); // phpcs:ignore WordPress.DB
		self::assertStringNotContainsString( 'causerie', (string) wp_json_encode( _get_cron_array() ) );
		self::assertSame( array(), $this->wpdb()->get_col( "SELECT meta_key FROM {$this->wpdb()->usermeta} WHERE meta_key LIKE '%causerie%'" ) ); // phpcs:ignore WordPress.DB
	}
}
