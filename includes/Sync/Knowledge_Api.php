<?php
/**
 * The knowledge base's routes, through the one API client.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Batches, look-ups and the paged listing of docs/causerie-api.md §7. Every call goes through Api_Client, so a
 * 401 renews the token once for all workers and a 429 or 5xx is retried as everywhere else.
 *
 * @phpstan-type Summary array{source_id: string, content_hash: string, version: int}
 * @phpstan-type Item_Result array{status: string, result: string, error: string, description: string, document: Summary|null}
 */
final class Knowledge_Api {

	public const BATCH  = '/v1/knowledge/batch';
	public const LISTED = '/v1/knowledge/documents';

	/**
	 * Items in one batch, as the API allows.
	 */
	public const MAX_ITEMS = 100;

	/**
	 * Ids in one look-up, as the API allows.
	 */
	public const MAX_LOOKUP = 100;

	/**
	 * Documents in one page of the listing, as the API allows.
	 */
	public const PAGE = 1000;

	/**
	 * Seconds one batch may take: up to 100 documents of 128 KiB to upload.
	 */
	public const BATCH_TIMEOUT = 30.0;

	/**
	 * Constructor.
	 *
	 * @param Api_Client $api Authenticated calls.
	 */
	public function __construct( private readonly Api_Client $api ) {}

	/**
	 * Sends a batch; each item's result, in order.
	 *
	 * @param list<array<string, mixed>> $items Upserts and deletes.
	 * @param \Closure|null              $keep  Keeps the caller's hold on what it sends, around each attempt.
	 * @return list<Item_Result>|Finding
	 *
	 * @phpstan-param (\Closure(): void)|null $keep
	 */
	public function batch( array $items, ?\Closure $keep = null ) {
		$answer = $this->api->request( 'POST', self::BATCH, array( 'items' => $items ), self::BATCH_TIMEOUT, $keep );
		if ( $answer instanceof Finding ) {
			return $answer;
		}
		$results = is_array( $answer->data ) && is_array( $answer->data['results'] ?? null ) ? array_values( $answer->data['results'] ) : array();
		if ( count( $results ) !== count( $items ) ) {
			return new Finding(
				'not_json',
				array(
					'url'    => self::BATCH,
					'status' => $answer->status,
				)
			);
		}
		return array_map( array( self::class, 'item' ), $results );
	}

	/**
	 * The documents held under some ids; absent ones are left out.
	 *
	 * @param array         $source_ids At most MAX_LOOKUP.
	 * @param \Closure|null $keep       Keeps the caller's hold on what it looks up, around each attempt.
	 * @return array<string, Summary>|Finding By source id.
	 *
	 * @phpstan-param list<string> $source_ids
	 * @phpstan-param (\Closure(): void)|null $keep
	 */
	public function lookup( array $source_ids, ?\Closure $keep = null ) {
		$query  = implode( '&', array_map( static fn( string $id ): string => 'source_id=' . rawurlencode( $id ), $source_ids ) );
		$answer = $this->api->request( 'GET', self::LISTED . '?' . $query, keep: $keep );
		return $answer instanceof Finding ? $answer : self::summaries( $answer );
	}

	/**
	 * One page of the listing.
	 *
	 * @param string|null $cursor Where the previous page ended.
	 * @return array{documents: array<string, Summary>, next: string|null}|Finding
	 */
	public function page( ?string $cursor ) {
		$answer = $this->api->request( 'GET', self::LISTED . '?limit=' . self::PAGE . ( null === $cursor ? '' : '&cursor=' . rawurlencode( $cursor ) ) );
		if ( $answer instanceof Finding ) {
			return $answer;
		}
		$next = is_array( $answer->data ) ? ( $answer->data['next_cursor'] ?? null ) : null;
		return array(
			'documents' => self::summaries( $answer ),
			'next'      => is_string( $next ) && '' !== $next ? $next : null,
		);
	}

	/**
	 * The summaries of an answer, by source id.
	 *
	 * @param Api_Response $answer The answer.
	 * @return array<string, Summary>
	 */
	private static function summaries( Api_Response $answer ): array {
		$summaries = array();
		foreach ( is_array( $answer->data ) && is_array( $answer->data['data'] ?? null ) ? $answer->data['data'] : array() as $raw ) {
			$summary = self::summary( $raw );
			if ( null !== $summary ) {
				$summaries[ $summary['source_id'] ] = $summary;
			}
		}
		return $summaries;
	}

	/**
	 * A document's summary, or null when the answer holds none.
	 *
	 * @param mixed $raw The answer's object.
	 * @return Summary|null
	 */
	private static function summary( $raw ): ?array {
		if ( ! is_array( $raw ) || ! is_string( $raw['source_id'] ?? null ) ) {
			return null;
		}
		return array(
			'source_id'    => $raw['source_id'],
			'content_hash' => is_string( $raw['content_hash'] ?? null ) ? $raw['content_hash'] : '',
			'version'      => is_int( $raw['version'] ?? null ) ? $raw['version'] : 0,
		);
	}

	/**
	 * One item's result.
	 *
	 * @param mixed $raw The answer's object.
	 * @return Item_Result
	 */
	private static function item( $raw ): array {
		$raw  = is_array( $raw ) ? $raw : array();
		$text = static fn( string $key ): string => is_string( $raw[ $key ] ?? null ) ? $raw[ $key ] : '';
		return array(
			'status'      => 'ok' === $text( 'status' ) ? 'ok' : 'error',
			'result'      => $text( 'result' ),
			'error'       => '' === $text( 'error' ) && 'ok' !== $text( 'status' ) ? 'invalid_item' : $text( 'error' ),
			'description' => $text( 'error_description' ),
			'document'    => self::summary( $raw['document'] ?? null ),
		);
	}
}
