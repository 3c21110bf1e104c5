<?php
/**
 * REST route for the live health checks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Health\Live_Checks;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/checks: the last results; POST: run the checks now.
 */
final class Checks_Controller extends Admin_Controller {

	public const REST_BASE = 'checks';

	/**
	 * Constructor.
	 *
	 * @param Live_Checks $checks The checks.
	 */
	public function __construct( private readonly Live_Checks $checks ) {
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
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'run' ),
					'permission_callback' => array( $this, 'check_permission' ),
				),
			)
		);
	}

	/**
	 * The last results.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$last = $this->checks->last();
		// An object even before the first run, as the schema of the answer is one.
		return rest_ensure_response( array() === $last ? new \stdClass() : $last );
	}

	/**
	 * Runs the checks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function run( WP_REST_Request $request ): WP_REST_Response {
		$results = $this->checks->run();
		return rest_ensure_response(
			array(
				'checkedAt' => gmdate( 'c' ),
				'checks'    => array_map( static fn( Check_Result $result ): array => $result->to_array(), $results ),
			)
		);
	}
}
