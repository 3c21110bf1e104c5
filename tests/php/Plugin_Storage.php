<?php
/**
 * Everything the plugin keeps in the database, raw, for before-and-after comparisons.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Log\Event_Log;

/**
 * Reads the rows straight from the tables, bypassing every cache, so that a refused request is proven to
 * have written nothing: not an option, not a transient, not the network's site options, not a user's meta
 * and not an event.
 */
final class Plugin_Storage {

	/**
	 * The prefix of every name the plugin stores under.
	 */
	public const PREFIX = 'causerie_';

	/**
	 * Every stored row of the plugin, by table and name, with its raw value.
	 *
	 * @return array<string, string>
	 */
	public static function snapshot(): array {
		global $wpdb;
		\PHPUnit\Framework\Assert::assertInstanceOf( \wpdb::class, $wpdb );
		$rows = array();
		foreach ( array( '', '_transient_', '_transient_timeout_', '_site_transient_', '_site_transient_timeout_' ) as $prefix ) {
			$like = $wpdb->esc_like( $prefix . self::PREFIX ) . '%';
			foreach ( self::rows( $wpdb, 'SELECT option_name, option_value, autoload FROM %i WHERE option_name LIKE %s', $wpdb->options, $like ) as $row ) {
				$rows[ 'option:' . $row[0] ] = $row[1] . "\0" . $row[2];
			}
			if ( is_multisite() ) {
				foreach ( self::rows( $wpdb, 'SELECT site_id, meta_key, meta_value FROM %i WHERE meta_key LIKE %s', (string) $wpdb->sitemeta, $like ) as $row ) {
					$rows[ 'sitemeta:' . $row[0] . ':' . $row[1] ] = $row[2];
				}
			}
		}
		foreach ( self::rows( $wpdb, 'SELECT user_id, meta_key, meta_value FROM %i WHERE meta_key LIKE %s', $wpdb->usermeta, '%' . $wpdb->esc_like( self::PREFIX ) . '%' ) as $row ) {
			$rows[ 'usermeta:' . $row[0] . ':' . $row[1] ] = $row[2];
		}
		// A query on a missing table (a sub-site's log before its first event) would end the test's transaction.
		$table          = Event_Log::table();
		$rows['events'] = array( array( $table ) ) === self::rows( $wpdb, 'SHOW TABLES LIKE %s', $table )
			? self::rows( $wpdb, 'SELECT COUNT(*) FROM %i', $table )[0][0]
			: 'no table';
		ksort( $rows );
		return $rows;
	}

	/**
	 * The rows of a prepared query, every column as a string.
	 *
	 * @param \wpdb  $wpdb  WordPress's database object.
	 * @param string $query Query with placeholders.
	 *
	 * @phpstan-param literal-string $query
	 * @param string ...$args Values.
	 * @return list<list<string>>
	 */
	private static function rows( \wpdb $wpdb, string $query, string ...$args ): array {
		$rows = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the query is prepared on this very line, from a literal string.
		foreach ( (array) $wpdb->get_results( (string) $wpdb->prepare( $query, ...$args ), 'ARRAY_N' ) as $row ) {
			$rows[] = array_map( static fn( mixed $cell ): string => is_scalar( $cell ) ? (string) $cell : '', array_values( (array) $row ) );
		}
		return $rows;
	}
}
