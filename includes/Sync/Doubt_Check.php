<?php
/**
 * Whether a write left in doubt by a dead worker landed.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Diagnosis\Finding;

/**
 * A worker killed between sending a batch and recording the answer leaves rows in doubt: the API may hold what
 * it sent. Resending would write those documents twice, so their ids are looked up first (the listing's
 * look-up): a part whose version moved past the one last confirmed, with the content hash that was to be sent,
 * landed; a removal landed when the document is absent. Only what did not land is sent again.
 *
 * @phpstan-import-type Summary from Knowledge_Api
 * @phpstan-import-type Record from Post_Record
 */
final class Doubt_Check {

	/**
	 * Constructor.
	 *
	 * @param Knowledge_Api $knowledge The knowledge base.
	 */
	public function __construct( private readonly Knowledge_Api $knowledge ) {}

	/**
	 * What the API holds under some ids.
	 *
	 * @param array         $source_ids The ids.
	 * @param \Closure|null $keep       Keeps the caller's hold on its rows, around each attempt.
	 * @return array<string, Summary>|Finding
	 *
	 * @phpstan-param list<string> $source_ids
	 * @phpstan-param (\Closure(): void)|null $keep
	 */
	public function held( array $source_ids, ?\Closure $keep = null ) {
		$held = array();
		foreach ( array_chunk( $source_ids, Knowledge_Api::MAX_LOOKUP ) as $chunk ) {
			$found = $this->knowledge->lookup( $chunk, $keep );
			if ( $found instanceof Finding ) {
				return $found;
			}
			$held += $found;
		}
		return $held;
	}

	/**
	 * Whether an upsert landed, given what is held: every part at a newer version than last confirmed, with the
	 * content that was to be sent, and none of the parts to remove.
	 *
	 * @param list<array{source_id: string, document: array<string, mixed>}> $parts   The documents to send.
	 * @param array                                                          $removed Ids of parts to remove.
	 * @param Record|null                                                    $record  What was last confirmed.
	 * @param array<string, Summary>                                         $held    What the API holds.
	 * @return list<array{version: int, hash: string}>|null The parts' versions when it landed.
	 *
	 * @phpstan-param list<string> $removed
	 */
	public static function landed( array $parts, array $removed, ?array $record, array $held ): ?array {
		foreach ( $removed as $source_id ) {
			if ( isset( $held[ $source_id ] ) ) {
				return null;
			}
		}
		$versions = array();
		foreach ( $parts as $index => $part ) {
			$summary   = $held[ $part['source_id'] ] ?? null;
			$confirmed = $record['parts'][ $index ]['version'] ?? 0;
			$hash      = $part['document']['content_hash'] ?? null;
			if ( null === $summary || $summary['content_hash'] !== $hash || $summary['version'] <= $confirmed ) {
				return null;
			}
			$versions[] = array(
				'version' => $summary['version'],
				'hash'    => $summary['content_hash'],
			);
		}
		return $versions;
	}

	/**
	 * Whether the API holds exactly what was last confirmed and nothing newer: then documents equal to the
	 * confirmed ones need no write.
	 *
	 * @param Record|null            $record What was last confirmed.
	 * @param array                  $ids    The parts' ids, in order.
	 * @param array<string, Summary> $held   What the API holds.
	 *
	 * @phpstan-param list<string> $ids
	 */
	public static function unchanged( ?array $record, array $ids, array $held ): bool {
		if ( null === $record || count( $record['parts'] ) !== count( $ids ) ) {
			return false;
		}
		foreach ( $ids as $index => $source_id ) {
			$summary = $held[ $source_id ] ?? null;
			if ( null === $summary || $summary['version'] !== $record['parts'][ $index ]['version'] ) {
				return false;
			}
		}
		return true;
	}
}
