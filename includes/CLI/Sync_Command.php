<?php
/**
 * The `wp causerie sync` commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Sync\Full_Sync;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Reconciler;
use Causerie\Connector\Sync\Sync_Status;
use Causerie\Connector\Sync\Sync_Runner;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Sync\Withdrawal;
use WP_CLI;

/**
 * Sends the site's content to the chatbot's knowledge, for sites that run a system cron instead of WP-Cron, and
 * for agencies checking many sites (`wp @all causerie sync status`).
 *
 * ## EXIT STATUS
 *
 *     0  done; for status and run: nothing stops the sync
 *     1  the command failed: bad usage, the API refused a reconciliation, remove without --yes
 *     2  the sync waits: the API asked it to back off (429, 5xx), or some posts failed (status)
 *     3  the sync is paused until a cause is fixed: a missing scope, the plan's quota, a broken connection
 */
final class Sync_Command {

	/**
	 * Seconds one call of the runner works before the command calls it again: long, so a batch is never cut short.
	 */
	private const RUN_SECONDS = 3600.0;

	/**
	 * Constructor.
	 *
	 * @param Sync_Status   $overview   The sync at a glance.
	 * @param Full_Sync     $full       The full sync.
	 * @param Queue         $queue      The queue.
	 * @param Sync_Runner   $runner     Sends the queue.
	 * @param Reconciler    $reconciler Finds drift.
	 * @param Sync_State    $state      The backoff.
	 * @param Withdrawal    $withdrawal Takes the site's content out.
	 * @param Sync_Schedule $schedule   Wakes WP-Cron.
	 */
	public function __construct(
		private readonly Sync_Status $overview,
		private readonly Full_Sync $full,
		private readonly Queue $queue,
		private readonly Sync_Runner $runner,
		private readonly Reconciler $reconciler,
		private readonly Sync_State $state,
		private readonly Withdrawal $withdrawal,
		private readonly Sync_Schedule $schedule
	) {}

	/**
	 * Shows how much of the site's content is in the chatbot's knowledge, without calling the API.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: key=value pairs on one line (synced, total, pending, failed, pause, backoff_until, full_sync, last_sent, reconciled_at, and message when something stops the sync); json: the whole state.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 nothing to fix, 2 backing off or failed posts, 3 paused.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie sync status
	 *     synced=248 total=250 pending=0 failed=2 pause=- backoff_until=- full_sync=- last_sent=2026-05-04T10:00:00+00:00 reconciled_at=-
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function status( array $args, array $assoc_args ): void {
		$now = $this->overview->current();
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( $now + array( 'pauseTitle' => null === $now['pause'] ? null : Catalog::title( $now['pause']['code'] ) ) );
		} else {
			$time  = static fn( $at ): string => is_int( $at ) ? gmdate( 'c', $at ) : '-';
			$pairs = array(
				'synced'        => (string) $now['synced'],
				'total'         => (string) $now['total'],
				'pending'       => (string) $now['pending'],
				'failed'        => (string) $now['failed'],
				'pause'         => $now['pause']['code'] ?? '-',
				'backoff_until' => $time( $now['backoff']['until'] ?? null ),
				'full_sync'     => null === $now['progress'] ? '-' : ( $now['progress']['done'] + $now['progress']['failed'] ) . '/' . $now['progress']['total'],
				'last_sent'     => $time( $now['sentAt'] ),
				'reconciled_at' => $time( $now['reconcile']['at'] ?? null ),
			);
			if ( is_array( $now['reconcile'] ) ) {
				foreach ( array( 'missing', 'stale', 'orphaned' ) as $key ) {
					$pairs[ 'reconcile_' . $key ] = is_int( $now['reconcile'][ $key ] ?? null ) ? (string) $now['reconcile'][ $key ] : '0';
				}
			}
			if ( null !== $now['pause'] ) {
				$pairs['message'] = '"' . addcslashes( Catalog::title( $now['pause']['code'] ), '"\\' ) . '"';
			}
			WP_CLI::line( implode( ' ', array_map( static fn( string $key, string $text ): string => $key . '=' . $text, array_keys( $pairs ), $pairs ) ) );
		}
		$code = null !== $now['pause'] ? Exit_Code::BROKEN : ( null !== $now['backoff'] || $now['failed'] > 0 ? Exit_Code::ATTENTION : Exit_Code::OK );
		if ( Exit_Code::OK !== $code ) {
			WP_CLI::halt( $code );
		}
	}

	/**
	 * Queues a full sync of every post that goes, and returns at once.
	 *
	 * WP-Cron sends it within a minute on a site with visitors; `wp causerie sync run` sends it now. A full sync
	 * already running is kept, not restarted.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie sync start && wp causerie sync run
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function start( array $args, array $assoc_args ): void {
		$run = $this->full->start();
		$this->schedule->soon();
		/* translators: %d: how many posts */
		WP_CLI::success( sprintf( _n( 'A full sync of %d post is queued.', 'A full sync of %d posts is queued.', $run['expected'], 'causerie-connector' ), $run['expected'] ) );
	}

	/**
	 * Sends the queue now, until it is empty or something stops it, with a progress bar.
	 *
	 * Safe to run beside WP-Cron or another `sync run`: each post is claimed by one runner. A runner killed in the
	 * middle loses nothing; the next one goes on where it stopped.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 the queue is empty, 2 the API asked to wait (the rows stay queued), 3 the sync is paused.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function run( array $args, array $assoc_args ): void {
		$this->drain( __( 'Sending to the chatbot\'s knowledge', 'causerie-connector' ) );
	}

	/**
	 * Stops the full sync; changes made to posts meanwhile stay queued.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function cancel( array $args, array $assoc_args ): void {
		WP_CLI::success( $this->full->cancel() ? __( 'The full sync is cancelled.', 'causerie-connector' ) : __( 'No full sync was running.', 'causerie-connector' ) );
	}

	/**
	 * Queues the failed posts again.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function retry( array $args, array $assoc_args ): void {
		$count = $this->queue->retry_failed();
		$this->schedule->soon();
		/* translators: %d: how many posts */
		WP_CLI::success( sprintf( _n( '%d failed post is queued again.', '%d failed posts are queued again.', $count, 'causerie-connector' ), $count ) );
	}

	/**
	 * Compares the knowledge base with the site, then sends the fixes: missing, stale and orphaned documents.
	 *
	 * ## EXIT STATUS
	 *
	 * As run; 1 when the API refused the listing.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function reconcile( array $args, array $assoc_args ): void {
		$report = $this->reconciler->reconcile();
		if ( $report instanceof Finding ) {
			Output::fail( $report );
		}
		/* translators: 1: posts checked; 2: missing documents; 3: stale documents; 4: orphaned documents */
		WP_CLI::line( sprintf( _n( 'Checked %1$d post: %2$d missing, %3$d stale, %4$d orphaned.', 'Checked %1$d posts: %2$d missing, %3$d stale, %4$d orphaned.', $report['checked'], 'causerie-connector' ), $report['checked'], $report['missing'], $report['stale'], $report['orphaned'] ) );
		$this->drain( __( 'Fixing the chatbot\'s knowledge', 'causerie-connector' ) );
	}

	/**
	 * Removes every document of this site from the chatbot's knowledge: "remove my content from Causerie".
	 *
	 * No post type is chosen any more, so nothing is sent again until one is chosen on the plugin's screen. Every
	 * post the knowledge base holds is queued for removal and sent now, then a reconciliation removes any
	 * document of this site that the posts no longer record.
	 *
	 * ## OPTIONS
	 *
	 * [--yes]
	 * : Confirms the removal. Without it nothing is removed.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 removed, 1 without --yes, 2 or 3 as run (the removal goes on by itself once the cause is gone).
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function remove( array $args, array $assoc_args ): void {
		if ( true !== ( $assoc_args['yes'] ?? false ) ) {
			Output::fail( __( 'This removes every document of this site from the chatbot\'s knowledge. Run it again with --yes to confirm.', 'causerie-connector' ) );
		}
		$queued = $this->withdrawal->withdraw();
		$this->schedule->soon();
		/* translators: %d: how many posts */
		WP_CLI::line( sprintf( _n( '%d post is queued for removal.', '%d posts are queued for removal.', $queued, 'causerie-connector' ), $queued ) );
		$this->drain( __( 'Removing from the chatbot\'s knowledge', 'causerie-connector' ), false );
		$report = $this->reconciler->reconcile();
		if ( $report instanceof Finding ) {
			Output::fail( $report );
		}
		$this->drain( __( 'Removing from the chatbot\'s knowledge', 'causerie-connector' ), false );
		WP_CLI::success( __( 'This site\'s content is no longer in the chatbot\'s knowledge. Choose post types on the plugin\'s screen to send it again.', 'causerie-connector' ) );
	}

	/**
	 * Runs the queue until it is empty, or stops with the exit code of what stopped it.
	 *
	 * @param string $label   The progress bar's label.
	 * @param bool   $success Whether to end with a success line.
	 */
	private function drain( string $label, bool $success = true ): void {
		$before = $this->overview->current();
		$total  = max( $before['pending'], $before['progress']['pending'] ?? 0 );
		$bar    = \WP_CLI\Utils\make_progress_bar( $label, max( 1, $total ) );
		// Piped output gets WP-CLI's no-op bar: nothing to draw.
		$bar     = $bar instanceof \cli\progress\Bar ? $bar : null;
		$tick    = static function ( int $count ) use ( $bar ): void {
			$bar?->tick( $count );
		};
		$handled = 0;
		do {
			$outcome  = $this->runner->run( self::RUN_SECONDS, $tick );
			$handled += $outcome['handled'];
		} while ( 'time' === $outcome['stopped'] );
		$bar?->finish();
		$now = $this->overview->current();
		if ( 'paused' === $outcome['stopped'] && null !== $now['pause'] ) {
			/* translators: %s: what stops the sync, with its code */
			Output::fail( sprintf( __( 'The sync is paused: %s The queued posts wait until it is fixed.', 'causerie-connector' ), Output::describe( new Finding( $now['pause']['code'] ) ) ), Exit_Code::BROKEN );
		}
		if ( 'backoff' === $outcome['stopped'] ) {
			$until = $this->state->backoff_until();
			/* translators: 1: what went wrong, with its code; 2: date and time */
			Output::fail( sprintf( __( 'The API asked to wait: %1$s The queued posts are sent again after %2$s.', 'causerie-connector' ), Output::describe( new Finding( $now['backoff']['code'] ?? 'server_error' ) ), gmdate( 'c', $until ) ), Exit_Code::ATTENTION );
		}
		if ( $success ) {
			/* translators: 1: posts handled; 2: posts that failed */
			WP_CLI::success( sprintf( _n( '%1$d post handled; the queue is empty (%2$d failed).', '%1$d posts handled; the queue is empty (%2$d failed).', $handled, 'causerie-connector' ), $handled, $now['failed'] ) );
		}
	}
}
