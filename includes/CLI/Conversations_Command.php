<?php
/**
 * The `wp causerie conversations` command.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\CLI;

use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Diagnosis\Finding;
use WP_CLI;

/**
 * Lists the chatbot's conversations, or the leads they brought, read from the API as the Conversations tab
 * reads them.
 */
final class Conversations_Command {

	/**
	 * The most items one call lists, read a page of the API's most at a time.
	 */
	public const MAX = 1000;

	/**
	 * Columns of each listing.
	 */
	public const CONVERSATION_FIELDS = array( 'id', 'startedAt', 'messages', 'lead', 'firstQuestion', 'origin', 'sources' );
	public const LEAD_FIELDS         = array( 'id', 'capturedAt', 'email', 'phone', 'conversationId', 'origin' );

	/**
	 * Constructor.
	 *
	 * @param Conversations_Api $api The API's conversations and leads.
	 */
	public function __construct( private readonly Conversations_Api $api ) {}

	/**
	 * Adds `wp causerie conversations`, when WP-CLI is running.
	 */
	public function register(): void {
		if ( defined( 'WP_CLI' ) && true === constant( 'WP_CLI' ) ) {
			WP_CLI::add_command( Commands::NAME . ' conversations', $this );
		}
	}

	/**
	 * Lists recent conversations, newest first, or with --leads the leads, oldest first.
	 *
	 * ## OPTIONS
	 *
	 * [--leads]
	 * : The leads (visitors who left an email or a phone number) instead of the conversations.
	 *
	 * [--limit=<limit>]
	 * : How many, from 1 to 1000.
	 * ---
	 * default: 20
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format. In json, sources are a list of {title, url}; in table and csv, their titles.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 listed (even none), 1 a bad --limit, or the API refused (without the read:conversations permission:
	 * insufficient_scope).
	 *
	 * ## EXAMPLES
	 *
	 *     # The last five conversations.
	 *     $ wp causerie conversations list --limit=5
	 *
	 *     # Every lead, for a spreadsheet.
	 *     $ wp causerie conversations list --leads --limit=1000 --format=csv > leads.csv
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		// WP-CLI hands over the documented default as a number and a typed value as a string.
		$limit = $assoc_args['limit'] ?? 20;
		$limit = is_int( $limit ) ? (string) $limit : $limit;
		if ( ! is_string( $limit ) || ! ctype_digit( $limit ) || (int) $limit < 1 || (int) $limit > self::MAX ) {
			/* translators: %d: the largest number of items */
			Output::fail( sprintf( __( '--limit must be a whole number from 1 to %d.', 'causerie-connector' ), self::MAX ) );
		}
		$leads = isset( $assoc_args['leads'] ) && false !== $assoc_args['leads'];
		$items = $this->read( $leads, (int) $limit );
		if ( $items instanceof Finding ) {
			Output::fail( $items );
		}
		if ( 'json' !== Output::format( $assoc_args, 'table' ) ) {
			$items = array_map( self::flat( ... ), $items );
		}
		unset( $assoc_args['leads'], $assoc_args['limit'] );
		Output::items( $items, $assoc_args, $leads ? self::LEAD_FIELDS : self::CONVERSATION_FIELDS );
	}

	/**
	 * Up to `$limit` items, page after page.
	 *
	 * @param bool $leads Leads rather than conversations.
	 * @param int  $limit How many.
	 * @return list<array<string, mixed>>|Finding
	 */
	private function read( bool $leads, int $limit ): array|Finding {
		$items  = array();
		$cursor = '';
		$left   = $limit;
		while ( $left > 0 ) {
			$want = min( Conversations_Api::MAX_LIMIT, $left );
			if ( $leads ) {
				$page = $this->api->leads( $cursor, $want );
				if ( $page instanceof Finding ) {
					return $page;
				}
				$items  = array_merge( $items, $page['leads'] );
				$cursor = $page['hasMore'] ? $page['nextCursor'] : '';
			} else {
				$page = $this->api->conversations( $cursor, $want );
				if ( $page instanceof Finding ) {
					return $page;
				}
				$items  = array_merge( $items, $page['conversations'] );
				$cursor = (string) $page['nextCursor'];
			}
			$left = $limit - count( $items );
			if ( '' === $cursor ) {
				break;
			}
		}
		return $items;
	}

	/**
	 * A row for a table or CSV: the quoted pages by title, booleans as words.
	 *
	 * @param array<string, mixed> $item A conversation or a lead.
	 * @return array<string, mixed>
	 */
	private static function flat( array $item ): array {
		if ( is_array( $item['sources'] ?? null ) ) {
			$item['sources'] = implode( '; ', array_map( static fn( $source ): string => is_array( $source ) && is_string( $source['title'] ?? null ) ? $source['title'] : '', $item['sources'] ) );
		}
		if ( is_bool( $item['lead'] ?? null ) ) {
			$item['lead'] = $item['lead'] ? 'yes' : 'no';
		}
		return $item;
	}
}
