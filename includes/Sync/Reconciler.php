<?php
/**
 * Finds and fixes drift between the site and the knowledge base.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Walks the API's listing and compares each of this site's documents with the post's record: a post that
 * qualifies with no document is missing, one whose documents' content hashes differ from the record is stale
 * (a backup restored here, or an API-side restore), and a document of a post that no longer qualifies is
 * orphaned. Each is queued, so the runners fix it as any change; documents of other sites or clients are
 * never touched. Runs daily, and from `wp causerie sync reconcile`.
 *
 * @phpstan-import-type Summary from Knowledge_Api
 */
final class Reconciler {

	/**
	 * Constructor.
	 *
	 * @param Knowledge_Api     $knowledge The knowledge base.
	 * @param Queue             $queue     The queue.
	 * @param Content_Selection $selection Which posts go.
	 * @param Source_Ids        $ids       The posts' ids there.
	 * @param Sync_State        $state     Where the report is kept.
	 */
	public function __construct(
		private readonly Knowledge_Api $knowledge,
		private readonly Queue $queue,
		private readonly Content_Selection $selection,
		private readonly Source_Ids $ids,
		private readonly Sync_State $state
	) {}

	/**
	 * Compares, queues the fixes, and reports them.
	 *
	 * @return array{at: int, checked: int, missing: int, stale: int, orphaned: int}|Finding
	 */
	public function reconcile() {
		$remote = $this->remote();
		if ( $remote instanceof Finding ) {
			return $remote;
		}
		$report = array(
			'at'       => time(),
			'checked'  => 0,
			'missing'  => 0,
			'stale'    => 0,
			'orphaned' => 0,
		);
		$after  = 0;
		do {
			$page = $this->selection->ids( $after, Full_Sync::PAGE );
			update_meta_cache( 'post', $page );
			$fix = array();
			foreach ( $page as $post_id ) {
				$held = $remote[ $post_id ] ?? array();
				unset( $remote[ $post_id ] );
				$drift = self::drift( Post_Record::get( $post_id ), $held );
				if ( null !== $drift ) {
					++$report[ $drift ];
					$fix[] = $post_id;
				}
			}
			$size               = count( $page );
			$report['checked'] += $size;
			$this->queue->enqueue( $fix, 0, true );
			$after = (int) end( $page );
			wp_cache_flush_runtime();
		} while ( Full_Sync::PAGE === $size );
		// What is left is held there for posts that do not qualify here.
		foreach ( $remote as $post_id => $held ) {
			++$report['orphaned'];
			$this->queue->enqueue( array( $post_id ), 0, false, max( array( 1, ...array_keys( $held ) ) ) );
		}
		$this->state->set( array( 'reconcile' => $report ) );
		Event_Log::emit( 'sync', 'reconciled', $report );
		return $report;
	}

	/**
	 * This site's documents in the knowledge base: post → part → content hash.
	 *
	 * @return array<int, array<int, string>>|Finding
	 */
	private function remote() {
		$remote = array();
		$cursor = null;
		do {
			$page = $this->knowledge->page( $cursor );
			if ( $page instanceof Finding ) {
				return $page;
			}
			foreach ( $page['documents'] as $source_id => $summary ) {
				$named = $this->ids->parse( $source_id );
				if ( null !== $named ) {
					$remote[ $named[0] ][ $named[1] ] = $summary['content_hash'];
				}
			}
			$cursor = $page['next'];
		} while ( null !== $cursor );
		return $remote;
	}

	/**
	 * How a qualifying post's documents differ from its record, if they do.
	 *
	 * @param array{parts: list<array{version: int, hash: string}>}|null $record What was last confirmed.
	 * @param array<int, string>                                         $held   Part → content hash held.
	 * @return 'missing'|'stale'|null
	 */
	private static function drift( ?array $record, array $held ): ?string {
		if ( array() === $held ) {
			return 'missing';
		}
		$confirmed = array();
		foreach ( $record['parts'] ?? array() as $index => $part ) {
			$confirmed[ $index + 1 ] = $part['hash'];
		}
		ksort( $held );
		return $confirmed === $held ? null : 'stale';
	}
}
