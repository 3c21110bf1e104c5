<?php
/**
 * REST routes for the chatbot's conversations.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Diagnosis\Finding;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/conversations: one page, newest first, with the cursor of the next. GET
 * /conversations/{id}: one conversation with its messages and the contact it left. Read from the API each
 * time; nothing is kept on the site.
 */
final class Conversations_Controller extends Admin_Controller {

	public const REST_BASE = 'conversations';

	/**
	 * A conversation id: opaque, but one path segment of safe characters.
	 */
	public const ID_PATTERN = '[A-Za-z0-9_-]{1,100}';

	/**
	 * Constructor.
	 *
	 * @param Conversations_Api $api The API's conversations.
	 */
	public function __construct( private readonly Conversations_Api $api ) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_items', Conversations_Read::paging() );
		$this->read_route(
			'get_item',
			array(
				'id' => array(
					'description' => __( 'The conversation\'s id.', 'causerie-connector' ),
					'type'        => 'string',
					'pattern'     => '^' . self::ID_PATTERN . '$',
				),
			),
			suffix: '/(?P<id>' . self::ID_PATTERN . ')'
		);
	}

	/**
	 * One page of conversations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$cursor = $request->get_param( 'cursor' );
		$page   = $this->api->conversations( is_string( $cursor ) ? $cursor : '', self::limit( $request ) );
		return $page instanceof Finding ? Conversations_Read::error( $page ) : rest_ensure_response( $page );
	}

	/**
	 * One conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$id           = $request->get_param( 'id' );
		$conversation = $this->api->conversation( is_string( $id ) ? $id : '' );
		return $conversation instanceof Finding ? Conversations_Read::error( $conversation ) : rest_ensure_response( $conversation );
	}

	/**
	 * The page size asked for; the schema made it an integer in range.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private static function limit( WP_REST_Request $request ): int {
		$limit = $request->get_param( 'limit' );
		return is_int( $limit ) ? $limit : Conversations_Api::DEFAULT_LIMIT;
	}
}
