<?php
/**
 * Where the sync stands: the full sync running, a pause, a backoff, the last results.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Storage\Shared_Clock;
use Causerie\Connector\Storage\Shared_Option;

/**
 * One option, not autoloaded: read by runners and the faces, never on a visitor's page. Read straight from the
 * database, past any cache: another server may have written it since this request began. Changed under a lock
 * shared by every server, so two runners recording different things at once (one a pause, the other its
 * progress) don't write each other's over; the full sync is moved on or ended only if it is still the one in
 * progress (compare-and-change), so a runner's step can't bring back a full sync another server ended.
 *
 * - run: the full sync in progress: its id, start, how many posts it expects, and how far it has queued them
 *   (a cursor, so a killed worker resumes queuing where it stopped);
 * - last: the last full sync that ended;
 * - pause: a cause that stops every runner until it is fixed (a missing scope, the plan's quota, a broken
 *   connection), with when to try again by itself;
 * - backoff: the API asked to wait (429) or failed (5xx, no answer): runners wait until then;
 * - sentAt: the last time the API accepted a document; reconcile: the last reconciliation's report.
 *
 * The pause's retry time and the backoff's end are written by one server and judged by another, so they are
 * the database's time (Shared_Clock), set and compared by it: a server whose clock ran fast would end a
 * Retry-After early and send to an API that asked to wait, and one whose clock ran slow would wait too long.
 *
 * @phpstan-type Run array{id: int, started: int, expected: int, cursor: int, queued: bool}
 * @phpstan-type Pause array{code: string, since: int, retryAt: int, evidence: array<string, mixed>}
 */
final class Sync_State {

	public const OPTION = 'causerie_connector_sync';

	/**
	 * The lock taken around each change, and how long one may hold it: a change is two queries, and a server
	 * that stalls or dies holding it must not stop the others for long.
	 */
	public const LOCK          = 'sync_state';
	private const LOCK_SECONDS = 5;

	/**
	 * Constructor.
	 *
	 * @param Lock $lock Shared by every server.
	 */
	public function __construct( private readonly Lock $lock ) {}

	/**
	 * The whole state.
	 *
	 * @return array<string, mixed>
	 */
	public function all(): array {
		$stored = Shared_Option::read( self::OPTION );
		$state  = null !== $stored ? maybe_unserialize( $stored ) : array();
		/**
		 * Written only by change(), with string keys.
		 *
		 * @var array<string, mixed>
		 */
		return is_array( $state ) ? $state : array();
	}

	/**
	 * Changes some keys; null removes one. The rest stays as it is now, whatever another server wrote meanwhile.
	 *
	 * @param array<string, mixed> $changes Key → value.
	 */
	public function set( array $changes ): void {
		$this->change( static fn( array $state ): array => self::with( $state, $changes ) );
	}

	/**
	 * Starts this full sync, unless one is in progress: of servers starting one at once, one does.
	 *
	 * @param array $run The full sync.
	 * @return bool Whether this call started it.
	 *
	 * @phpstan-param Run $run
	 */
	public function begin( array $run ): bool {
		return $this->change( static fn( array $state ): ?array => null === self::run_in( $state ) ? self::with( $state, array( 'run' => $run ) ) : null );
	}

	/**
	 * Moves the full sync's cursor on, if it is still the one in progress: a runner's step must not bring back
	 * one that another server ended meanwhile. Never backwards, should a slower step of the same full sync
	 * come after a faster one.
	 *
	 * @param int  $id     The full sync.
	 * @param int  $cursor The last post queued.
	 * @param bool $queued Whether every post is.
	 * @return bool Whether it was still in progress.
	 */
	public function advance( int $id, int $cursor, bool $queued ): bool {
		return $this->change_run(
			$id,
			static fn( array $run ): array => array(
				'run' => array(
					'cursor' => max( $run['cursor'], $cursor ),
					'queued' => $run['queued'] || $queued,
				) + $run,
			)
		);
	}

	/**
	 * Ends the full sync, if it is still the one in progress: of servers ending it at once, one does.
	 *
	 * @param int                  $id   The full sync.
	 * @param array<string, mixed> $last Its figures, kept as the last full sync.
	 * @return bool Whether this call ended it.
	 */
	public function end( int $id, array $last ): bool {
		return $this->change_run(
			$id,
			static fn(): array => array(
				'run'  => null,
				'last' => $last,
			)
		);
	}

	/**
	 * Changes some keys, if the full sync in progress is still the one given.
	 *
	 * @param int      $id      The full sync.
	 * @param \Closure $changes Given the full sync as it is now, the keys to change, as set() takes them.
	 * @return bool Whether it was still in progress.
	 *
	 * @phpstan-param \Closure(Run): array<string, mixed> $changes
	 */
	private function change_run( int $id, \Closure $changes ): bool {
		return $this->change(
			static function ( array $state ) use ( $id, $changes ): ?array {
				$run = self::run_in( $state );
				return null !== $run && $run['id'] === $id ? self::with( $state, $changes( $run ) ) : null;
			}
		);
	}

	/**
	 * Reads, changes and writes the state under the lock, so that no other server's change comes between:
	 * a compare-and-change.
	 *
	 * @param \Closure $change Given the state as it is now, returns it changed, or null to leave it.
	 * @return bool Whether it was written.
	 *
	 * @phpstan-param \Closure(array<string, mixed>): (array<string, mixed>|null) $change
	 */
	private function change( \Closure $change ): bool {
		// Waits past the lock's time, so a holder that died has lost it by then; should others still hold it
		// after that, the change is written all the same: losing it for sure is worse than racing.
		$owner = $this->lock->acquire_within( self::LOCK, self::LOCK_SECONDS, self::LOCK_SECONDS + 2 );
		try {
			$state = $change( $this->all() );
			if ( null === $state ) {
				return false;
			}
			// update_option() skips a write equal to the value it has cached, which may be stale.
			wp_cache_delete( self::OPTION, 'options' );
			update_option( self::OPTION, $state, false );
			return true;
		} finally {
			if ( null !== $owner ) {
				$this->lock->release( self::LOCK, $owner );
			}
		}
	}

	/**
	 * The state with some keys changed; null removes one.
	 *
	 * @param array<string, mixed> $state   The state.
	 * @param array<string, mixed> $changes Key → value.
	 * @return array<string, mixed>
	 */
	private static function with( array $state, array $changes ): array {
		return array_filter( array_replace( $state, $changes ), static fn( mixed $value ): bool => null !== $value );
	}

	/**
	 * The full sync in progress.
	 *
	 * @return Run|null
	 */
	public function run(): ?array {
		return self::run_in( $this->all() );
	}

	/**
	 * The full sync in progress in a state read.
	 *
	 * @param array<string, mixed> $state The state.
	 * @return Run|null
	 */
	private static function run_in( array $state ): ?array {
		$run = $state['run'] ?? null;
		if ( ! is_array( $run ) || ! is_int( $run['id'] ?? null ) ) {
			return null;
		}
		return array(
			'id'       => $run['id'],
			'started'  => is_int( $run['started'] ?? null ) ? $run['started'] : 0,
			'expected' => is_int( $run['expected'] ?? null ) ? $run['expected'] : 0,
			'cursor'   => is_int( $run['cursor'] ?? null ) ? $run['cursor'] : 0,
			'queued'   => true === ( $run['queued'] ?? null ),
		);
	}

	/**
	 * What stops the sync until it is fixed.
	 *
	 * @return Pause|null
	 */
	public function pause(): ?array {
		$pause = $this->all()['pause'] ?? null;
		if ( ! is_array( $pause ) || ! is_string( $pause['code'] ?? null ) ) {
			return null;
		}
		/**
		 * A finding's evidence, keyed by name.
		 *
		 * @var array<string, mixed> $evidence
		 */
		$evidence = is_array( $pause['evidence'] ?? null ) ? $pause['evidence'] : array();
		return array(
			'code'     => $pause['code'],
			'since'    => is_int( $pause['since'] ?? null ) ? $pause['since'] : 0,
			'retryAt'  => is_int( $pause['retryAt'] ?? null ) ? $pause['retryAt'] : 0,
			'evidence' => $evidence,
		);
	}

	/**
	 * Until when runners wait after a 429, a 5xx or no answer; 0 when they need not.
	 */
	public function backoff_until(): int {
		$backoff = $this->all()['backoff'] ?? null;
		return is_array( $backoff ) && is_int( $backoff['until'] ?? null ) ? $backoff['until'] : 0;
	}

	/**
	 * Seconds the pause has left before it is tried again, by the shared clock; 0 when there is none.
	 */
	public function pause_left(): int {
		$pause = $this->pause();
		return null === $pause ? 0 : self::left( $pause['retryAt'] );
	}

	/**
	 * Seconds the backoff has left, by the shared clock; 0 when runners need not wait.
	 */
	public function backoff_left(): int {
		return self::left( $this->backoff_until() );
	}

	/**
	 * Seconds until a deadline of the shared clock; 0 when it is past.
	 *
	 * @param int $deadline The database's Unix time; 0 for none.
	 */
	private static function left( int $deadline ): int {
		// The clock is asked only when a deadline is set: a sync that sends well costs no query for it.
		return $deadline > 0 ? max( 0, $deadline - Shared_Clock::now() ) : 0;
	}

	/**
	 * How many failures in a row the backoff counts.
	 */
	public function backoff_failures(): int {
		$backoff = $this->all()['backoff'] ?? null;
		return is_array( $backoff ) && is_int( $backoff['failures'] ?? null ) ? $backoff['failures'] : 0;
	}

	/**
	 * Forgets it all: on uninstall.
	 */
	public static function delete(): void {
		delete_option( self::OPTION );
	}
}
