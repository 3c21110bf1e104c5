<?php
/**
 * REST route for the live health checks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Health\Live_Checks;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/checks: the last results; POST: run the checks now, one run at a time per site. A caller
 * who comes while a run is under way (a second tab, the screen opened twice) gets the last results with
 * `busy: true` instead of a second run: with the API hanging, each run holds a PHP worker for its timeout.
 */
final class Checks_Controller extends Admin_Controller {

	public const REST_BASE = 'checks';

	/**
	 * The lock a run holds, per site.
	 */
	public const LOCK = 'checks';

	/**
	 * Seconds the lock is held at most: longer than a run can take (a token renewal and an API call, each
	 * with its timeouts), so a crashed run frees it.
	 */
	public const LOCK_SECONDS = 120;

	/**
	 * Constructor.
	 *
	 * @param Live_Checks $checks The checks.
	 * @param Lock        $lock   Keeps runs one at a time.
	 */
	public function __construct(
		private readonly Live_Checks $checks,
		private readonly Lock $lock
	) {
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
	 * Runs the checks, unless a run is under way: then the last results, flagged busy.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function run( WP_REST_Request $request ): WP_REST_Response {
		$owner = $this->lock->acquire( self::LOCK, self::LOCK_SECONDS );
		if ( null === $owner ) {
			return rest_ensure_response( array( 'busy' => true ) + $this->checks->last() );
		}
		try {
			$results = $this->checks->run();
		} finally {
			$this->lock->release( self::LOCK, $owner );
		}
		return rest_ensure_response(
			array(
				'checkedAt' => gmdate( 'c' ),
				'checks'    => array_map( static fn( Check_Result $result ): array => $result->to_array(), $results ),
				'busy'      => false,
			)
		);
	}
}
