<?php
/**
 * REST route for the connection status at a glance.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Health\Connection_Status;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/status: connected, attention or broken, with the active diagnosis, from what is known
 * without calling the API (see Health\Connection_Status).
 */
final class Status_Controller extends Admin_Controller {

	public const REST_BASE = 'status';

	/**
	 * Constructor.
	 *
	 * @param Connection_Status $status The connection's status.
	 */
	public function __construct( private readonly Connection_Status $status ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE,
			array(
				'methods'             => 'GET',
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'check_permission' ),
			)
		);
	}

	/**
	 * The status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$response = rest_ensure_response( $this->status->current() );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
