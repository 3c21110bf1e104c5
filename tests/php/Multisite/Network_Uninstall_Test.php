<?php
/**
 * Tests of uninstall.php on a multisite network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Tests\Sandbox;

/**
 * Uninstalling the plugin from the network leaves nothing named after it anywhere in the database: not in
 * any site's tables, not in the network's, not in the users' meta, not in any cron array.
 */
final class Network_Uninstall_Test extends Network_TestCase {

	private const PLUGIN = 'causerie-connector/causerie-connector.php';

	/**
	 * Stores on the current site everything the plugin may store on a site.
	 *
	 * @param int $user_id A user of the site.
	 */
	private function fill_site( int $user_id ): void {
		Sandbox::connect();
		update_option( 'causerie_connector_token', 'cc1:encrypted', false );
		set_transient( 'causerie_metadata_abc', array( 'issuer' => 'x' ), 60 );
		set_site_transient( 'causerie_site_level', 'x', 60 );
		( new Lock() )->acquire( Token_Renewal::LOCK, 30 );
		wp_schedule_event( time() + 60, 'hourly', Token_Refresh::HOOK );
		wp_schedule_event( time() + 60, 'daily', Health_Check::HOOK );
		wp_schedule_single_event( time(), Health_Check::HOOK, array( Health_Check::SOON ) );
		wp_schedule_single_event( time() + 60, Secret_Expiry::HOOK );
		update_option( Alert_Recipient::OPTION, 'ops@example.com' );
		update_option( Alerter::OPTION, array( 'open' => 'invalid_client' ), false );
		Connection_Notice::dismiss( $user_id, str_repeat( 'a', 32 ) );
		Event_Log::emit( 'site', 'rebound', array( 'by' => 'causerie test' ) );
		// What a persistent object cache holds for the site besides the database.
		wp_cache_set( Token_Store::OPTION, 'cc2:cached-copy', Token_Store::GROUP );
	}

	/**
	 * Every place in the database that mentions the plugin, as "table: row".
	 *
	 * Core keeps the plugin's file name in its lists of active plugins; a network administrator deactivates
	 * the plugin before deleting it, so those lists no longer name it either.
	 *
	 * @return list<string>
	 */
	private function mentions(): array {
		$wpdb     = $this->wpdb();
		$mentions = array();
		$tables   = $wpdb->get_col( 'SHOW TABLES' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- every table, whatever made it.
		self::assertContains( $wpdb->base_prefix . 'sitemeta', $tables );
		self::assertContains( $wpdb->base_prefix . $this->second_site() . '_options', $tables );
		foreach ( array_filter( $tables, 'is_string' ) as $table ) {
			if ( false !== stripos( $table, 'causerie' ) ) {
				$mentions[] = $table;
				continue;
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the raw tables are the point; a table name from SHOW TABLES.
			foreach ( (array) $wpdb->get_results( "SELECT * FROM `{$table}`", ARRAY_A ) as $row ) {
				$text = (string) wp_json_encode( $row );
				if ( false !== stripos( $text, 'causerie' ) ) {
					$mentions[] = $table . ': ' . $text;
				}
			}
		}
		return $mentions;
	}

	public function test_uninstall_from_the_network_removes_everything_from_every_site_and_the_network(): void {
		$admin = $this->act_as_super_admin();
		update_site_option( Credential_Store::NETWORK_OPTION, array( 'local' => array( 'secret' => ( new Encryption() )->encrypt( 'network-secret', Credential_Store::network_storage()->context() . '|local' ) ) ) );
		// A transient an earlier version kept for its network form's notice.
		set_site_transient( 'causerie_connector_network_notice_' . $admin, array( 'type' => 'success' ), 60 );
		update_user_meta( $admin, 'causerie_connector_network_wide', 'x' );
		$this->fill_site( $admin );
		switch_to_blog( $this->second_site() );
		add_user_to_blog( $this->second_site(), $admin, 'administrator' );
		$this->fill_site( $admin );
		self::assertNotFalse( wp_next_scheduled( Token_Refresh::HOOK ) );
		restore_current_blog();
		self::assertNotSame( array(), $this->mentions(), 'The test stores something to remove.' );

		// As Network Admin → Plugins does: deactivate network-wide, then delete, which runs uninstall.php.
		deactivate_plugins( self::PLUGIN, false, true );
		uninstall_plugin( self::PLUGIN );

		self::assertSame( array(), $this->mentions() );
		foreach ( get_sites( array( 'fields' => 'ids' ) ) as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::assertStringNotContainsString( 'causerie', (string) wp_json_encode( _get_cron_array() ), 'cron of site ' . $site_id );
			self::assertFalse( wp_cache_get( Token_Store::OPTION, Token_Store::GROUP ), 'cached token of site ' . $site_id );
			restore_current_blog();
		}
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}
}
