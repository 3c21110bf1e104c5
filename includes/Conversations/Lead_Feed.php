<?php
/**
 * Walks the leads after a kept cursor.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Diagnosis\Finding;

/**
 * One walk over `GET /v1/leads` for the poller and the daily digest alike: page after page while `has_more`,
 * within a time and page budget, handing each page's new leads to the caller with the cursor to keep once it
 * has acted on them. Leads captured before `since` are walked past, never handed over: a site that turns the
 * feature on does not replay the leads of the years before.
 *
 * @phpstan-import-type Lead from Conversations_Api
 */
final class Lead_Feed {

	/**
	 * Pages one walk reads at most; the next run goes on from the kept cursor.
	 */
	public const MAX_PAGES = 50;

	/**
	 * Constructor.
	 *
	 * @param Conversations_Api $api  The API's leads.
	 * @param int               $page Leads a page; the API's most by default, fewer in tests of paging.
	 */
	public function __construct(
		private readonly Conversations_Api $api,
		private readonly int $page = Conversations_Api::MAX_LIMIT
	) {}

	/**
	 * Reads from the cursor. `$act` gets each page's leads captured since `since` and the cursor after the page,
	 * and answers whether to go on.
	 *
	 * @param string   $cursor  The last lead acted on; empty for the start.
	 * @param int      $since   Unix time: leads captured earlier are skipped.
	 * @param float    $seconds Time budget.
	 * @param callable $act     Acts on a page and keeps its cursor.
	 * @return bool|Finding True when the walk reached the last lead, false when the budget or `$act` stopped it.
	 *
	 * @phpstan-param callable(list<Lead>, string): bool $act
	 */
	public function read( string $cursor, int $since, float $seconds, callable $act ): bool|Finding {
		$deadline = microtime( true ) + $seconds;
		for ( $pages = 0; $pages < self::MAX_PAGES; $pages++ ) {
			if ( microtime( true ) >= $deadline ) {
				return false;
			}
			$page = $this->api->leads( $cursor, $this->page );
			if ( $page instanceof Finding ) {
				return $page;
			}
			$fresh = array_values( array_filter( $page['leads'], static fn( array $lead ): bool => self::captured_at( $lead ) >= $since ) );
			if ( ! $act( $fresh, $page['nextCursor'] ) ) {
				return false;
			}
			if ( ! $page['hasMore'] ) {
				return true;
			}
			$cursor = $page['nextCursor'];
		}
		return false;
	}

	/**
	 * When a lead was captured, as Unix time; a lead without a readable time counts as new.
	 *
	 * @param array<string, mixed> $lead A lead.
	 * @phpstan-param Lead $lead
	 */
	private static function captured_at( array $lead ): int {
		$time = strtotime( $lead['capturedAt'] );
		return false === $time ? PHP_INT_MAX : $time;
	}
}
