<?php
/**
 * The one clock every web server of the site agrees on: the database's.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Storage;

/**
 * Deadlines that several servers share (a lock's expiry, a queue row's lease and its next try) are written by one
 * server and judged by another. Each server's own clock drifts: one running five minutes fast would take every
 * other server's lock and lease at once, and one running slow would write deadlines already past. So these
 * deadlines are set and compared inside the statements that store and read them, by the database's clock, which
 * every server shares. On the SQLite drop-in, UNIX_TIMESTAMP() is the PHP process's time(): SQLite serves one
 * machine, whose clock is then the only one.
 */
final class Shared_Clock {

	/** The database's Unix time, as SQL; integer arithmetic on it (`NOW . ' + %d'`) works on MySQL and SQLite. */
	public const NOW = 'UNIX_TIMESTAMP()';

	/**
	 * The database's Unix time, for deadlines kept in PHP values rather than in rows (the sync's backoff and
	 * pause). One query: asked only by the back office (a runner deciding whether to send, the faces showing a
	 * wait), and only when such a deadline is set, never on a visitor's page or an admin notice.
	 */
	public static function now(): int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL -- the database's own clock, which no cache may hold; a constant.
		$now = Shared_Option::wpdb()->get_var( 'SELECT ' . self::NOW );
		// Should the query fail, this server's clock is the best left.
		return is_numeric( $now ) ? (int) $now : time();
	}
}
