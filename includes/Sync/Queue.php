<?php
/**
 * The sync queue: one row a post, in the site's database.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Storage\Shared_Clock;

/**
 * A small queue table rather than a job library: Action Scheduler, the usual choice, is not in the package
 * registries this plugin is built from, and the sync needs only one kind of job. One row a post (a unique key),
 * so several saves in a row coalesce into one change. A row is claimed atomically by one runner: an UPDATE whose
 * WHERE re-checks that nobody holds it, so two runners (two WP-Cron requests, two web servers) never share a
 * row. A claim is a short lease that its runner extends while it works: a runner killed mid-batch leaves rows
 * that the next runner takes over once the lease ends, marked in doubt, since their write may have landed.
 * `changes` counts the edits queued: a runner finishes a row only if nobody queued a newer change meanwhile.
 * Its times (available_at, claimed_until, updated_at) are the database's (Shared_Clock): a row claimed on one
 * server is judged on another.
 *
 * States: pending (to send; claimed while a runner holds it), done (kept only to count a full sync's
 * progress), failed (refused by the API or unreadable here; kept with its reason until retried).
 *
 * @phpstan-type Row array{id: int, post_id: int, run: int, resend: bool, parts: int, attempts: int, changes: int, doubt: bool, error: string}
 */
final class Queue {

	public const TABLE      = 'causerie_sync_queue';
	public const DB_VERSION = Queue_Schema::DB_VERSION;

	public const PENDING = 'pending';
	public const DONE    = 'done';
	public const FAILED  = 'failed';

	/** Post ids written by one INSERT at most. */
	private const CHUNK = 500;

	/** Tries of one claim at most while others win its rows: more than the runners that wake at once. */
	private const CLAIM_TRIES = 10;

	/** The table's full name, with this site's prefix. */
	public static function table(): string {
		return self::wpdb()->prefix . self::TABLE;
	}

	/** Creates or updates the table when its schema changed. */
	public function install(): void {
		Queue_Schema::install();
	}

	/** Drops the table: on uninstall. */
	public static function drop(): void {
		Queue_Schema::drop();
	}

	/**
	 * Queues a change of each post: a pending row, new or reset, that a runner will send as the post is then.
	 *
	 * @param int[] $post_ids The posts.
	 * @param int   $run      The full sync the rows belong to, or 0.
	 * @param bool  $resend   Whether to send even what the API already holds: a full sync does.
	 * @param int   $parts    For a post about to disappear, the documents it has in the API.
	 * @return int How many rows are pending for these posts.
	 */
	public function enqueue( array $post_ids, int $run = 0, bool $resend = false, int $parts = 0 ): int {
		$this->install();
		$wpdb  = self::wpdb();
		$table = self::table();
		$done  = 0;
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $post_ids ) ) ), self::CHUNK ) as $chunk ) {
			// Every value is an integer or the clock: the rows are written as such, without placeholders.
			$values = implode( ',', array_map( static fn( int $post_id ): string => sprintf( '(%d, %d, %d, %d, %s, %s)', $post_id, $run, (int) $resend, $parts, Shared_Clock::NOW, Shared_Clock::NOW ), $chunk ) );
			// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; integers only; WPCS 2.3 predates %i.
			$wpdb->query( $wpdb->prepare( 'INSERT IGNORE INTO %i (post_id, run, resend, parts, available_at, updated_at) VALUES ', $table ) . $values );
			// A row already there takes the new change; a full sync adopts it, an incremental change keeps its run.
			// A page the same full sync queued already (two runners queuing at once) is no change: a runner that
			// holds one of its rows must still be able to finish it.
			$done += (int) $wpdb->query(
				$wpdb->prepare(
					"UPDATE %i SET state = %s, error = '', attempts = 0, changes = changes + 1, available_at = CASE WHEN available_at > " . Shared_Clock::NOW . ' THEN ' . Shared_Clock::NOW . ' ELSE available_at END, updated_at = ' . Shared_Clock::NOW . ', resend = CASE WHEN %d = 1 THEN 1 ELSE resend END, parts = CASE WHEN parts < %d THEN %d ELSE parts END, run = CASE WHEN %d > 0 THEN %d ELSE run END WHERE ( %d = 0 OR run <> %d ) AND post_id IN ',
					array( $table, self::PENDING, (int) $resend, $parts, $parts, $run, $run, $run, $run )
				) . self::ids( $chunk )
			);
			// phpcs:enable
		}
		return $done;
	}

	/**
	 * Claims up to $limit pending rows for one runner, atomically: a row another runner holds is not taken.
	 *
	 * @param string $owner  The runner's unique name.
	 * @param int    $limit  Rows at most.
	 * @param int    $lease  Seconds the claim lasts; a runner that dies gives its rows up when it ends.
	 * @return list<Row> Empty when no row is claimable (or, rarely, when other runners won every try).
	 */
	public function claim( string $owner, int $limit, int $lease ): array {
		$this->install();
		$wpdb  = self::wpdb();
		$table = self::table();
		// Runners that wake together select the same rows and one wins them: the others try the rows left rather
		// than stop as if the queue were empty. Someone wins each try, so a few tries cover the runners.
		for ( $try = 0; $try < self::CLAIM_TRIES; $try++ ) {
			// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; ids are integers; WPCS 2.3 predates %i.
			$ids = $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM %i WHERE state = %s AND available_at <= ' . Shared_Clock::NOW . ' AND claimed_until < ' . Shared_Clock::NOW . ' ORDER BY run DESC, id LIMIT %d', $table, self::PENDING, $limit ) );
			if ( array() === $ids ) {
				return array();
			}
			// A row still named as claimed by someone else was left by a runner that died: its write may have landed.
			$claim = 'UPDATE %i SET doubt = CASE WHEN claimed_by IS NULL THEN doubt ELSE 1 END, claimed_by = %s, claimed_until = ' . Shared_Clock::NOW . ' + %d, attempts = attempts + 1 WHERE state = %s AND claimed_until < ' . Shared_Clock::NOW . ' AND id IN ';
			$wpdb->query( $wpdb->prepare( $claim, $table, $owner, $lease, self::PENDING ) . self::ids( array_map( 'intval', $ids ) ) );
			$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i WHERE claimed_by = %s AND state = %s ORDER BY id', $table, $owner, self::PENDING ), ARRAY_A );
			// phpcs:enable
			if ( is_array( $rows ) && array() !== $rows ) {
				return array_values( array_map( array( Queue_Row::class, 'from' ), $rows ) );
			}
		}
		return array();
	}

	/**
	 * Extends a runner's claim on rows it still holds, for $lease seconds from now: a runner still working on its
	 * rows keeps them for as long as it works, while a dead one's lease runs out soon.
	 *
	 * @param string $owner The runner.
	 * @param int[]  $ids   The rows.
	 * @param int    $lease Seconds from now.
	 * @return int[] The rows it still holds; one missing was finished, or taken over after its lease ran out.
	 */
	public function extend( string $owner, array $ids, int $lease ): array {
		if ( array() === $ids ) {
			return array();
		}
		$wpdb  = self::wpdb();
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; ids are integers; WPCS 2.3 predates %i.
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET claimed_until = ' . Shared_Clock::NOW . ' + %d WHERE claimed_by = %s AND state = %s AND id IN ', $table, $lease, $owner, self::PENDING ) . self::ids( $ids ) );
		// Counted apart: MySQL's affected rows leave out a row whose deadline was already this one.
		$held = $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM %i WHERE claimed_by = %s AND state = %s AND id IN ', $table, $owner, self::PENDING ) . self::ids( $ids ) );
		// phpcs:enable
		return array_map( 'intval', $held );
	}

	/**
	 * Ends a claim with the row's outcome, unless a newer change was queued meanwhile: then the row stays pending.
	 *
	 * @param array  $row   The claimed row.
	 * @param string $owner The runner that claims it.
	 * @param string $state DONE or FAILED.
	 * @param string $error Why it failed.
	 *
	 * @phpstan-param Row $row
	 */
	public function finish( array $row, string $owner, string $state, string $error = '' ): void {
		$wpdb  = self::wpdb();
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		// A change outside a full sync is forgotten once sent; a full sync's rows count its progress until it ends.
		$finished = self::DONE === $state && 0 === $row['run']
			? $wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE id = %d AND claimed_by = %s AND changes = %d', $table, $row['id'], $owner, $row['changes'] ) )
			: $wpdb->query( (string) $wpdb->prepare( 'UPDATE %i SET state = %s, error = %s, claimed_by = NULL, claimed_until = 0, doubt = 0, resend = 0, parts = 0, updated_at = ' . Shared_Clock::NOW . ' WHERE id = %d AND claimed_by = %s AND changes = %d', $table, $state, substr( $error, 0, 255 ), $row['id'], $owner, $row['changes'] ) );
		if ( 0 === (int) $finished ) {
			$wpdb->query( (string) $wpdb->prepare( 'UPDATE %i SET claimed_by = NULL, claimed_until = 0, doubt = 0 WHERE id = %d AND claimed_by = %s', $table, $row['id'], $owner ) );
		}
		// phpcs:enable
	}

	/**
	 * Ends the claims of rows sent, in two queries whatever their number: each row finishes only if no newer
	 * change was queued meanwhile, and one that had stays pending.
	 *
	 * @param array  $rows  The claimed rows.
	 * @param string $owner The runner that claims them.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	public function finish_all( array $rows, string $owner ): void {
		if ( array() === $rows ) {
			return;
		}
		$wpdb  = self::wpdb();
		$table = self::table();
		$once  = array_values( array_filter( $rows, static fn( array $row ): bool => 0 === $row['run'] ) );
		$runs  = array_values( array_filter( $rows, static fn( array $row ): bool => 0 !== $row['run'] ) );
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; ids and counts are integers; WPCS 2.3 predates %i.
		if ( array() !== $once ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE claimed_by = %s AND ', $table, $owner ) . '(' . self::matching( $once ) . ')' );
		}
		if ( array() !== $runs ) {
			$wpdb->query( $wpdb->prepare( "UPDATE %i SET state = %s, error = '', claimed_by = NULL, claimed_until = 0, doubt = 0, resend = 0, parts = 0, updated_at = " . Shared_Clock::NOW . ' WHERE claimed_by = %s AND ', $table, self::DONE, $owner ) . '(' . self::matching( $runs ) . ')' );
		}
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET claimed_by = NULL, claimed_until = 0, doubt = 0 WHERE claimed_by = %s AND id IN ', $table, $owner ) . self::ids( array_column( $rows, 'id' ) ) );
		// phpcs:enable
	}

	/**
	 * Gives claimed rows back, to try again later.
	 *
	 * @param array  $rows   The rows.
	 * @param string $owner  The runner that claims them.
	 * @param int    $after  Seconds to wait before they can be claimed again.
	 * @param bool   $doubt  Whether the request may have landed (a timeout, a 5xx): then check before resending.
	 * @param string $error  What went wrong, kept on the row.
	 * @param bool   $attempt Whether this counts as an attempt; a pause for the whole sync does not.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	public function release( array $rows, string $owner, int $after, bool $doubt, string $error = '', bool $attempt = true ): void {
		if ( array() === $rows ) {
			return;
		}
		$wpdb  = self::wpdb();
		$table = self::table();
		$ids   = array_map( static fn( array $row ): int => $row['id'], $rows );
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; ids are integers; WPCS 2.3 predates %i.
		$wpdb->query(
			$wpdb->prepare(
				'UPDATE %i SET claimed_by = NULL, claimed_until = 0, available_at = ' . Shared_Clock::NOW . ' + %d, doubt = CASE WHEN %d = 1 THEN 1 ELSE doubt END, error = %s, attempts = CASE WHEN %d = 1 OR attempts = 0 THEN attempts ELSE attempts - 1 END WHERE claimed_by = %s AND id IN ',
				$table,
				$after,
				(int) $doubt,
				substr( $error, 0, 255 ),
				(int) $attempt,
				$owner
			) . self::ids( $ids )
		);
		// phpcs:enable
	}

	/**
	 * Sends failed rows again.
	 *
	 * @return int How many.
	 */
	public function retry_failed(): int {
		$this->install();
		$wpdb = self::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		return (int) $wpdb->query( (string) $wpdb->prepare( "UPDATE %i SET state = %s, error = '', attempts = 0, available_at = " . Shared_Clock::NOW . ', changes = changes + 1 WHERE state = %s', self::table(), self::PENDING, self::FAILED ) );
	}

	/**
	 * Ends a full sync's hold on its rows: its done rows go, its pending ones become ordinary changes, or go too
	 * when they held nothing but the full sync's resend.
	 *
	 * @param int  $run     The full sync.
	 * @param bool $dropped Whether the full sync was cancelled: then its own pending rows are not sent.
	 */
	public function close_run( int $run, bool $dropped ): void {
		$wpdb  = self::wpdb();
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the plugin's own table; WPCS 2.3 predates %i.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE run = %d AND state = %s', $table, $run, self::DONE ) );
		if ( $dropped ) {
			$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE run = %d AND state = %s AND changes = 1 AND claimed_by IS NULL', $table, $run, self::PENDING ) );
		}
		$wpdb->query( (string) $wpdb->prepare( 'UPDATE %i SET run = 0 WHERE run = %d', $table, $run ) );
		// phpcs:enable
	}

	/**
	 * An SQL condition true of each row as claimed, with no newer change queued since.
	 *
	 * @param array $rows The rows.
	 *
	 * @phpstan-param list<Row> $rows
	 */
	private static function matching( array $rows ): string {
		$terms = array();
		foreach ( $rows as $row ) {
			$terms[] = sprintf( '(id = %d AND changes = %d)', $row['id'], $row['changes'] );
		}
		return implode( ' OR ', $terms );
	}

	/**
	 * An SQL list of integers: `(1,2,3)`.
	 *
	 * @param int[] $ids The integers.
	 */
	private static function ids( array $ids ): string {
		return '(' . implode( ',', array_map( 'intval', $ids ) ) . ')';
	}

	/**
	 * WordPress's database object.
	 *
	 * @throws \LogicException Before WordPress loaded its database.
	 */
	public static function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}
}
