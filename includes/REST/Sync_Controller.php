<?php
/**
 * REST routes for the knowledge sync's status and its full sync.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Sync\Full_Sync;
use Causerie\Connector\Sync\Sync_Runner;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_Status;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/sync: where the sync stands. POST /sync/full starts a full sync, DELETE /sync/full stops
 * it. POST /sync/run sends what is queued for a few seconds and answers with the status: the Knowledge tab
 * calls it again and again while a full sync runs, so the sync moves on even when WP-Cron is slow.
 */
final class Sync_Controller extends Admin_Controller {

	public const REST_BASE = 'sync';

	/**
	 * Seconds one POST /sync/run sends for, well within PHP's and proxies' usual time limits.
	 */
	public const RUN_SECONDS = 10.0;

	/**
	 * Constructor.
	 *
	 * @param Sync_Status   $status   Where the sync stands.
	 * @param Full_Sync     $full     The full sync.
	 * @param Sync_Runner   $runner   Sends what is queued.
	 * @param Sync_Schedule $schedule The WP-Cron runs.
	 */
	public function __construct(
		private readonly Sync_Status $status,
		private readonly Full_Sync $full,
		private readonly Sync_Runner $runner,
		private readonly Sync_Schedule $schedule
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_item' );
		$this->route( '/full', array( $this->endpoint( WP_REST_Server::CREATABLE, 'start' ), $this->endpoint( WP_REST_Server::DELETABLE, 'cancel' ) ) );
		$this->route( '/run', array( $this->endpoint( WP_REST_Server::CREATABLE, 'run' ) ) );
	}

	/**
	 * The status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response( $this->status->status() );
	}

	/**
	 * Starts a full sync, or keeps the one running, and asks WP-Cron to send it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function start( $request ) {
		$this->full->start();
		$this->schedule->soon();
		return $this->get_item( $request );
	}

	/**
	 * Stops the full sync running, if any.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function cancel( $request ) {
		$this->full->cancel();
		return $this->get_item( $request );
	}

	/**
	 * Sends for a few seconds, then answers with what it did and the status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function run( $request ) {
		$ran = $this->runner->run( self::RUN_SECONDS );
		return rest_ensure_response( array( 'run' => $ran ) + $this->status->status() );
	}
}
