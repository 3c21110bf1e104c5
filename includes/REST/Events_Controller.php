<?php
/**
 * REST route for the event log.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Log\Event_Log;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/events: the most recent events, newest first, optionally of one kind. Already redacted.
 */
final class Events_Controller extends Admin_Controller {

	public const REST_BASE = 'events';

	/**
	 * Constructor.
	 *
	 * @param Event_Log $log The event log.
	 */
	public function __construct( private readonly Event_Log $log ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route(
			'get_items',
			array(
				'kind'  => array(
					'description' => __( 'Only events of this kind.', 'causerie-connector' ),
					'type'        => 'string',
					'enum'        => Event_Log::KINDS,
				),
				'limit' => array(
					'description' => __( 'How many events.', 'causerie-connector' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 200,
					'default'     => 50,
				),
			)
		);
	}

	/**
	 * The events.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$kind  = $request->get_param( 'kind' );
		$limit = $request->get_param( 'limit' );
		return rest_ensure_response( $this->log->recent( is_string( $kind ) ? $kind : '', is_int( $limit ) ? $limit : 50 ) );
	}
}
