<?php
/**
 * What the sync queue holds, for the faces.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Storage\Shared_Clock;

/**
 * Counts by state and the failed rows with their reasons: read by the screen, the command line and Site Health.
 */
final class Queue_Report {

	/**
	 * Rows by state, for one full sync or all.
	 *
	 * @param int|null $run A full sync, or null for the whole queue.
	 * @return array{pending: int, done: int, failed: int, claimed: int, oldest: int|null, next: int|null}
	 */
	public function counts( ?int $run = null ): array {
		$counts = array(
			'pending' => 0,
			'done'    => 0,
			'failed'  => 0,
			'claimed' => 0,
			'oldest'  => null,
			'next'    => null,
		);
		// A site whose table was never made has nothing queued: a read must not make it.
		if ( ! Queue_Schema::installed() ) {
			return $counts;
		}
		$wpdb  = Queue::wpdb();
		$table = Queue::table();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		$rows = null === $run
			? $wpdb->get_results( (string) $wpdb->prepare( 'SELECT state, COUNT(*) AS n, SUM(CASE WHEN claimed_until >= ' . Shared_Clock::NOW . ' THEN 1 ELSE 0 END) AS claimed, MIN(updated_at) AS oldest, MIN(available_at) AS next FROM %i GROUP BY state', $table ), ARRAY_A )
			: $wpdb->get_results( (string) $wpdb->prepare( 'SELECT state, COUNT(*) AS n, SUM(CASE WHEN claimed_until >= ' . Shared_Clock::NOW . ' THEN 1 ELSE 0 END) AS claimed, MIN(updated_at) AS oldest, MIN(available_at) AS next FROM %i WHERE run = %d GROUP BY state', $table, $run ), ARRAY_A );
		// phpcs:enable
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$state = self::text( $row, 'state' );
			if ( ! in_array( $state, array( Queue::PENDING, Queue::DONE, Queue::FAILED ), true ) ) {
				continue;
			}
			$counts[ $state ] = self::number( $row, 'n' );
			if ( Queue::PENDING === $state ) {
				$counts['claimed'] = self::number( $row, 'claimed' );
				$counts['oldest']  = self::number( $row, 'oldest' );
				$counts['next']    = self::number( $row, 'next' );
			}
		}
		return $counts;
	}

	/**
	 * The failed rows, newest first.
	 *
	 * @param int $limit How many.
	 * @return list<array{postId: int, error: string, at: int}>
	 */
	public function failures( int $limit ): array {
		if ( ! Queue_Schema::installed() ) {
			return array();
		}
		$wpdb = Queue::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT post_id, error, updated_at FROM %i WHERE state = %s ORDER BY updated_at DESC, id DESC LIMIT %d', Queue::table(), Queue::FAILED, $limit ), ARRAY_A );
		return array_values(
			array_map(
				static fn( $row ): array => array(
					'postId' => self::number( $row, 'post_id' ),
					'error'  => self::text( $row, 'error' ),
					'at'     => self::number( $row, 'updated_at' ),
				),
				is_array( $rows ) ? $rows : array()
			)
		);
	}

	/**
	 * Whether a change of the post waits to be sent.
	 *
	 * @param int $post_id The post.
	 */
	public function waiting( int $post_id ): bool {
		if ( ! Queue_Schema::installed() ) {
			return false;
		}
		$wpdb = Queue::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		return null !== $wpdb->get_var( (string) $wpdb->prepare( 'SELECT id FROM %i WHERE post_id = %d AND state = %s', Queue::table(), $post_id, Queue::PENDING ) );
	}

	/**
	 * A column's number.
	 *
	 * @param mixed  $row    The row.
	 * @param string $column The column.
	 */
	private static function number( $row, string $column ): int {
		return is_array( $row ) && is_numeric( $row[ $column ] ?? null ) ? (int) $row[ $column ] : 0;
	}

	/**
	 * A column's text.
	 *
	 * @param mixed  $row    The row.
	 * @param string $column The column.
	 */
	private static function text( $row, string $column ): string {
		return is_array( $row ) && is_scalar( $row[ $column ] ?? null ) ? (string) $row[ $column ] : '';
	}
}
