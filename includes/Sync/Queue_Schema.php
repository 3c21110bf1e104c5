<?php
/**
 * The sync queue's table.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Creates the table when its schema changes (on activation and on admin pages) and drops it on uninstall.
 */
final class Queue_Schema {

	public const DB_VERSION = 'causerie_connector_sync_db_version';
	private const VERSION   = '1';

	/**
	 * Whether the table was made on this site (its version option is autoloaded with the others' reads).
	 */
	public static function installed(): bool {
		return false !== get_option( self::DB_VERSION );
	}

	/**
	 * Creates or updates the table when its schema changed.
	 */
	public static function install(): void {
		if ( self::VERSION === get_option( self::DB_VERSION ) ) {
			return;
		}
		require_once ABSPATH . 'wp-admin/includes/upgrade.php'; // @phpstan-ignore requireOnce.fileNotFound
		$table   = Queue::table();
		$charset = Queue::wpdb()->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				post_id bigint(20) unsigned NOT NULL,
				run bigint(20) unsigned NOT NULL DEFAULT 0,
				resend tinyint(1) NOT NULL DEFAULT 0,
				parts smallint(5) unsigned NOT NULL DEFAULT 0,
				state varchar(10) NOT NULL DEFAULT 'pending',
				attempts smallint(5) unsigned NOT NULL DEFAULT 0,
				changes int(10) unsigned NOT NULL DEFAULT 1,
				doubt tinyint(1) NOT NULL DEFAULT 0,
				available_at bigint(20) NOT NULL DEFAULT 0,
				claimed_by varchar(40) DEFAULT NULL,
				claimed_until bigint(20) NOT NULL DEFAULT 0,
				error varchar(255) NOT NULL DEFAULT '',
				updated_at bigint(20) NOT NULL DEFAULT 0,
				PRIMARY KEY  (id),
				UNIQUE KEY post_id (post_id),
				KEY state_available (state,available_at),
				KEY run_state (run,state)
			) {$charset};"
		);
		update_option( self::DB_VERSION, self::VERSION, true );
	}

	/**
	 * Drops the table: on uninstall.
	 */
	public static function drop(): void {
		$wpdb = Queue::wpdb();
		$wpdb->query( (string) $wpdb->prepare( 'DROP TABLE IF EXISTS %i', Queue::table() ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table, on uninstall; WPCS 2.3 predates %i.
		delete_option( self::DB_VERSION );
	}
}
