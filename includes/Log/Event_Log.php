<?php
/**
 * The connection's event log.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Log;

/**
 * Records what happens to the connection (token renewals, API failures, regenerations, settings and site
 * changes) in a table of its own, redacted, and keeps 30 days of it. Anything in the plugin reports an
 * event with Event_Log::emit( $kind, $code, $context ).
 */
final class Event_Log {

	public const HOOK       = 'causerie_connector_event';
	public const TABLE      = 'causerie_events';
	public const DB_VERSION = 'causerie_connector_db_version';
	public const KINDS      = array( 'token', 'api', 'settings', 'site', 'sync' );
	private const SCHEMA    = '1';
	private const KEEP_DAYS = 30;

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Main plugin file, for the activation hook.
	 */
	public function __construct( private readonly string $plugin_file ) {}

	/**
	 * Listens for events and keeps the table up to date.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'record' ), 10, 3 );
		add_action( 'admin_init', array( $this, 'install' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'install' ) );
	}

	/**
	 * Reports an event to whoever listens (the log, when the plugin runs).
	 *
	 * @param string               $kind    One of KINDS.
	 * @param string               $code    What happened.
	 * @param array<string, mixed> $context Details; redacted before storing.
	 */
	public static function emit( string $kind, string $code, array $context = array() ): void {
		do_action( 'causerie_connector_event', $kind, $code, $context );
	}

	/**
	 * The table's full name.
	 */
	public static function table(): string {
		return self::wpdb()->prefix . self::TABLE;
	}

	/**
	 * Creates or updates the table when its schema changed.
	 */
	public function install(): void {
		if ( self::SCHEMA === get_option( self::DB_VERSION ) ) {
			return;
		}
		require_once ABSPATH . 'wp-admin/includes/upgrade.php'; // @phpstan-ignore requireOnce.fileNotFound
		$table   = self::table();
		$charset = self::wpdb()->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				created_at datetime NOT NULL,
				kind varchar(20) NOT NULL,
				code varchar(64) NOT NULL,
				context longtext NOT NULL,
				PRIMARY KEY  (id),
				KEY created_at (created_at),
				KEY kind (kind)
			) {$charset};"
		);
		update_option( self::DB_VERSION, self::SCHEMA, true );
	}

	/**
	 * Records an event, redacted, and forgets the ones past retention.
	 *
	 * @param mixed $kind    One of KINDS.
	 * @param mixed $code    What happened: a diagnosis code or an action.
	 * @param mixed $context Details; redacted before storing.
	 */
	public function record( $kind, $code, $context = array() ): void {
		if ( ! is_string( $kind ) || ! in_array( $kind, self::KINDS, true ) || ! is_string( $code ) ) {
			return;
		}
		$this->install();
		$wpdb = self::wpdb();
		$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
			self::table(),
			array(
				'created_at' => gmdate( 'Y-m-d H:i:s' ),
				'kind'       => $kind,
				'code'       => substr( $code, 0, 64 ),
				'context'    => (string) wp_json_encode( Redactor::evidence( is_array( $context ) ? $context : array() ) ),
			)
		);
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE created_at < %s', self::table(), gmdate( 'Y-m-d H:i:s', time() - self::KEEP_DAYS * DAY_IN_SECONDS ) ) );
		// phpcs:enable
	}

	/**
	 * The most recent events, newest first.
	 *
	 * @param string $kind  One of KINDS, or empty for all.
	 * @param int    $limit How many.
	 * @return list<array{id: int, createdAt: string, kind: string, code: string, context: mixed}>
	 */
	public function recent( string $kind = '', int $limit = 50 ): array {
		$this->install();
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		$rows = '' === $kind
			? $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i ORDER BY id DESC LIMIT %d', self::table(), $limit ), ARRAY_A )
			: $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i WHERE kind = %s ORDER BY id DESC LIMIT %d', self::table(), $kind, $limit ), ARRAY_A );
		// phpcs:enable
		$events = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$text     = static fn( string $field ): string => is_array( $row ) && isset( $row[ $field ] ) && is_scalar( $row[ $field ] ) ? (string) $row[ $field ] : '';
			$events[] = array(
				'id'        => (int) $text( 'id' ),
				'createdAt' => gmdate( 'c', (int) strtotime( $text( 'created_at' ) . ' UTC' ) ),
				'kind'      => $text( 'kind' ),
				'code'      => $text( 'code' ),
				'context'   => json_decode( $text( 'context' ), true ),
			);
		}
		return $events;
	}

	/**
	 * WordPress's database object.
	 *
	 * @throws \LogicException Before WordPress loaded its database.
	 */
	private static function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}
}
