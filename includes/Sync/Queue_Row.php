<?php
/**
 * A row of the sync queue, typed.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * What the database returns is strings (MySQL) or numbers (SQLite): each column is read as the type Queue's
 * rows carry.
 *
 * @phpstan-import-type Row from Queue
 */
final class Queue_Row {

	/**
	 * A row as the database returns it, typed.
	 *
	 * @param mixed $raw Column → value.
	 * @return Row
	 */
	public static function from( $raw ): array {
		$raw = is_array( $raw ) ? $raw : array();
		$int = static fn( string $key ): int => isset( $raw[ $key ] ) && is_numeric( $raw[ $key ] ) ? (int) $raw[ $key ] : 0;
		return array(
			'id'       => $int( 'id' ),
			'post_id'  => $int( 'post_id' ),
			'run'      => $int( 'run' ),
			'resend'   => 1 === $int( 'resend' ),
			'parts'    => $int( 'parts' ),
			'attempts' => $int( 'attempts' ),
			'changes'  => $int( 'changes' ),
			'doubt'    => 1 === $int( 'doubt' ),
			'error'    => isset( $raw['error'] ) && is_string( $raw['error'] ) ? $raw['error'] : '',
		);
	}
}
