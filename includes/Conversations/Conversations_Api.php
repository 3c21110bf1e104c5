<?php
/**
 * The conversations and leads routes, through the one API client.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Reads docs/causerie-api.md §8 and answers in the admin app's camelCase shapes, so the REST routes, the
 * command line and the lead poller see one vocabulary. A missing scope stays the client's `insufficient_scope`
 * finding; the faces say it in their own way.
 *
 * @phpstan-type Source array{title: string, url: string|null}
 * @phpstan-type Summary array{id: string, startedAt: string, messages: int, firstQuestion: string, lead: bool, origin: string, sources: list<Source>}
 * @phpstan-type Message array{id: string, role: string, text: string, sentAt: string, sources: list<Source>}
 * @phpstan-type Contact array{email: string|null, phone: string|null, capturedAt: string}
 * @phpstan-type Lead array{id: string, conversationId: string, email: string|null, phone: string|null, capturedAt: string, origin: string}
 * @phpstan-type Conversation_Page array{conversations: list<Summary>, nextCursor: string|null}
 * @phpstan-type Lead_Page array{leads: list<Lead>, nextCursor: string, hasMore: bool}
 * @phpstan-type Detail array{id: string, startedAt: string, messages: int, firstQuestion: string, lead: bool, origin: string, sources: list<Source>, transcript: list<Message>, contact: Contact|null}
 */
final class Conversations_Api {

	public const CONVERSATIONS = '/v1/conversations';
	public const LEADS         = '/v1/leads';

	/**
	 * The scope every route here needs.
	 */
	public const SCOPE = Scopes::READ_CONVERSATIONS;

	/**
	 * Items in one page, as the API allows, and by default.
	 */
	public const MAX_LIMIT     = 100;
	public const DEFAULT_LIMIT = 20;

	/**
	 * Constructor.
	 *
	 * @param Api_Client $api Authenticated calls.
	 */
	public function __construct( private readonly Api_Client $api ) {}

	/**
	 * One page of conversations, newest first.
	 *
	 * @param string $cursor The page's cursor; empty for the first.
	 * @param int    $limit  Conversations in the page.
	 * @return array<string, mixed>|Finding
	 *
	 * @phpstan-return Conversation_Page|Finding
	 */
	public function conversations( string $cursor = '', int $limit = self::DEFAULT_LIMIT ): array|Finding {
		$data = $this->get( self::CONVERSATIONS . self::query( $cursor, $limit ) );
		if ( $data instanceof Finding ) {
			return $data;
		}
		$next = $data['next_cursor'] ?? null;
		return array(
			'conversations' => array_map( self::summary( ... ), self::items( $data['data'] ?? null ) ),
			'nextCursor'    => is_string( $next ) && '' !== $next ? $next : null,
		);
	}

	/**
	 * One conversation with its messages and the contact it left; `not_found` for an id the API doesn't know.
	 *
	 * @param string $id Conversation id.
	 * @return array<string, mixed>|Finding
	 *
	 * @phpstan-return Detail|Finding
	 */
	public function conversation( string $id ): array|Finding {
		$data = $this->get( self::CONVERSATIONS . '/' . rawurlencode( $id ) );
		if ( $data instanceof Finding ) {
			return $data;
		}
		$contact = is_array( $data['contact'] ?? null ) ? self::lead( $data['contact'] ) : null;
		return self::summary( $data ) + array(
			'transcript' => array_map( self::message( ... ), self::items( $data['transcript'] ?? null ) ),
			'contact'    => null === $contact ? null : array(
				'email'      => $contact['email'],
				'phone'      => $contact['phone'],
				'capturedAt' => $contact['capturedAt'],
			),
		);
	}

	/**
	 * One page of leads after a cursor, oldest first. The API's `next_cursor` is never null: on the last page it
	 * names the last lead seen, so a poller always has a place to keep.
	 *
	 * @param string $cursor The last lead seen; empty for the start.
	 * @param int    $limit  Leads in the page.
	 * @return array<string, mixed>|Finding
	 *
	 * @phpstan-return Lead_Page|Finding
	 */
	public function leads( string $cursor = '', int $limit = self::DEFAULT_LIMIT ): array|Finding {
		$data = $this->get( self::LEADS . self::query( $cursor, $limit ) );
		if ( $data instanceof Finding ) {
			return $data;
		}
		$next = $data['next_cursor'] ?? null;
		return array(
			'leads'      => array_map( self::lead( ... ), self::items( $data['data'] ?? null ) ),
			'nextCursor' => is_string( $next ) ? $next : $cursor,
			'hasMore'    => true === ( $data['has_more'] ?? false ),
		);
	}

	/**
	 * How many conversations started, or leads were captured, since a moment: the `total` the listing answers
	 * with `since` (docs/causerie-api.md §8), in one request of one item. An answer without it leaves the count
	 * unknown (null): the listing may not have filtered, so its items are no count either.
	 *
	 * @param string $route self::CONVERSATIONS or self::LEADS.
	 * @param int    $since Unix time.
	 */
	public function count_since( string $route, int $since ): int|Finding|null {
		$query = http_build_query(
			array(
				'limit' => 1,
				'since' => gmdate( 'Y-m-d\TH:i:s\Z', $since ),
			),
			'',
			'&',
			PHP_QUERY_RFC3986
		);
		$data  = $this->get( $route . '?' . $query );
		if ( $data instanceof Finding ) {
			return $data;
		}
		$total = $data['total'] ?? null;
		return is_int( $total ) && $total >= 0 ? $total : null;
	}

	/**
	 * The JSON body of a GET.
	 *
	 * @param string $path Path and query.
	 * @return array<mixed>|Finding
	 */
	private function get( string $path ): array|Finding {
		$response = $this->api->request( 'GET', $path );
		if ( $response instanceof Finding ) {
			return $response;
		}
		return $response instanceof Api_Response && is_array( $response->data ) ? $response->data : array();
	}

	/**
	 * The query of a paged listing; no cursor for the first page.
	 *
	 * @param string $cursor Cursor.
	 * @param int    $limit  Page size.
	 */
	private static function query( string $cursor, int $limit ): string {
		$query = array( 'limit' => max( 1, min( self::MAX_LIMIT, $limit ) ) );
		if ( '' !== $cursor ) {
			$query['cursor'] = $cursor;
		}
		return '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
	}

	/**
	 * The objects of a JSON list; anything else is dropped.
	 *
	 * @param mixed $list JSON value.
	 * @return list<array<mixed>>
	 */
	private static function items( mixed $list ): array {
		return is_array( $list ) ? array_values( array_filter( $list, 'is_array' ) ) : array();
	}

	/**
	 * A string field, or the fallback.
	 *
	 * @param array<mixed> $item     JSON object.
	 * @param string       $key      Field.
	 * @param string|null  $fallback When absent or not a string.
	 */
	private static function text( array $item, string $key, ?string $fallback = '' ): ?string {
		return is_string( $item[ $key ] ?? null ) ? $item[ $key ] : $fallback;
	}

	/**
	 * A conversation's summary.
	 *
	 * @param array<mixed> $item The API's object.
	 * @phpstan-return Summary
	 */
	private static function summary( array $item ): array {
		return array(
			'id'            => (string) self::text( $item, 'id' ),
			'startedAt'     => (string) self::text( $item, 'started_at' ),
			'messages'      => is_int( $item['messages'] ?? null ) ? $item['messages'] : 0,
			'firstQuestion' => (string) self::text( $item, 'first_question' ),
			'lead'          => true === ( $item['lead'] ?? false ),
			'origin'        => (string) self::text( $item, 'origin' ),
			'sources'       => self::sources( $item['sources'] ?? null ),
		);
	}

	/**
	 * One message of a transcript.
	 *
	 * @param array<mixed> $item The API's object.
	 * @phpstan-return Message
	 */
	private static function message( array $item ): array {
		return array(
			'id'      => (string) self::text( $item, 'id' ),
			'role'    => 'bot' === ( $item['role'] ?? null ) ? 'bot' : 'visitor',
			'text'    => (string) self::text( $item, 'text' ),
			'sentAt'  => (string) self::text( $item, 'sent_at' ),
			'sources' => self::sources( $item['sources'] ?? null ),
		);
	}

	/**
	 * A lead.
	 *
	 * @param array<mixed> $item The API's object.
	 * @phpstan-return Lead
	 */
	private static function lead( array $item ): array {
		return array(
			'id'             => (string) self::text( $item, 'id' ),
			'conversationId' => (string) self::text( $item, 'conversation_id' ),
			'email'          => self::text( $item, 'email', null ),
			'phone'          => self::text( $item, 'phone', null ),
			'capturedAt'     => (string) self::text( $item, 'captured_at' ),
			'origin'         => (string) self::text( $item, 'origin' ),
		);
	}

	/**
	 * The pages the bot quoted; the API's source id is its own business.
	 *
	 * @param mixed $list JSON value.
	 * @return list<Source>
	 */
	private static function sources( mixed $list ): array {
		return array_map(
			static fn( array $source ): array => array(
				'title' => (string) self::text( $source, 'title' ),
				'url'   => self::text( $source, 'url', null ),
			),
			self::items( $list )
		);
	}
}
