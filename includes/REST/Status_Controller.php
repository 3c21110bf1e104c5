<?php
/**
 * REST route for the connection status at a glance.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Health\Connection_Status;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/status: connected, attention or broken, with the active diagnosis, from what is known
 * without calling the API (see Health\Connection_Status), and cronRunning: false when WP-Cron does not run the
 * plugin's jobs (see Cron\Cron_Monitor).
 */
final class Status_Controller extends Admin_Controller {

	public const REST_BASE = 'status';

	/**
	 * Constructor.
	 *
	 * @param Connection_Status $status The connection's status.
	 * @param Cron_Monitor      $cron   Whether WP-Cron runs the plugin's jobs.
	 */
	public function __construct(
		private readonly Connection_Status $status,
		private readonly Cron_Monitor $cron
	) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_item' );
	}

	/**
	 * The status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$running  = $this->cron->report( time() )['running'];
		$response = rest_ensure_response( $this->status->current( $running ) + array( 'cronRunning' => $running ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
