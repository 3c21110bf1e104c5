<?php
/**
 * REST routes for the knowledge sync's repairs and the post types it sends.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Listener;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Reconciler;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_Status;
use Causerie\Connector\Sync\Withdrawal;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * POST /causerie/v1/sync/retry queues the failed posts again; POST /sync/reconcile compares the knowledge
 * base with the site and queues the fixes; PUT /sync/types chooses the post types to send. Each answers with
 * the status (GET /sync), the retry with how many it queued, the reconciliation with its report.
 */
final class Sync_Actions_Controller extends Admin_Controller {

	public const REST_BASE = 'sync';

	/**
	 * Constructor.
	 *
	 * @param Sync_Status       $status     Where the sync stands.
	 * @param Queue             $queue      The queue.
	 * @param Reconciler        $reconciler Compares the knowledge base with the site.
	 * @param Content_Selection $selection  Which posts go.
	 * @param Post_Listener     $listener   Queues the posts of types no longer chosen to leave.
	 * @param Sync_Schedule     $schedule   The WP-Cron runs.
	 * @param Withdrawal        $withdrawal Removes the site's content from the knowledge base.
	 */
	public function __construct(
		private readonly Sync_Status $status,
		private readonly Queue $queue,
		private readonly Reconciler $reconciler,
		private readonly Content_Selection $selection,
		private readonly Post_Listener $listener,
		private readonly Sync_Schedule $schedule,
		private readonly Withdrawal $withdrawal
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->route( '/retry', array( $this->endpoint( WP_REST_Server::CREATABLE, 'retry' ) ) );
		$this->route( '/reconcile', array( $this->endpoint( WP_REST_Server::CREATABLE, 'reconcile' ) ) );
		$this->route(
			'/remove',
			array(
				$this->endpoint(
					WP_REST_Server::CREATABLE,
					'remove',
					array(
						'confirm' => array(
							'description' => __( 'Confirms that every document of this site is to leave the chatbot\'s knowledge.', 'causerie-connector' ),
							'type'        => 'boolean',
							'enum'        => array( true ),
							'required'    => true,
						),
					)
				),
			)
		);
		$this->route(
			'/types',
			array(
				$this->endpoint(
					'PUT',
					'choose',
					array(
						'postTypes' => array(
							'description'       => __( 'The post types whose posts go to the chatbot\'s knowledge.', 'causerie-connector' ),
							'type'              => 'array',
							'items'             => array(
								'type' => 'string',
								'enum' => array_keys( $this->selection->available() ),
							),
							'uniqueItems'       => true,
							'required'          => true,
							'validate_callback' => array( self::class, 'validate_list' ),
						),
					)
				),
			)
		);
	}

	/**
	 * Refuses anything but a JSON list before core's checks, which would read a string as a comma-separated list.
	 *
	 * @param mixed           $value   The value sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   The field.
	 * @return true|WP_Error
	 */
	public static function validate_list( $value, $request, $param ) {
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			/* translators: %s: a field name, such as postTypes. */
			return new WP_Error( 'rest_invalid_type', sprintf( __( '%s must be a list.', 'causerie-connector' ), $param ), array( 'status' => 400 ) );
		}
		return rest_validate_request_arg( $value, $request, $param );
	}

	/**
	 * Queues every failed post again.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function retry( $request ) {
		$queued = $this->queue->retry_failed();
		$this->schedule->soon();
		return rest_ensure_response( array( 'retried' => $queued ) + $this->status->status() );
	}

	/**
	 * Compares and queues the fixes; a failure to list the knowledge base is a diagnosis.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reconcile( $request ) {
		$report = $this->reconciler->reconcile();
		if ( $report instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_reconcile_failed', $report );
		}
		$this->schedule->soon();
		return rest_ensure_response( array( 'reconciled' => $report ) + $this->status->status() );
	}

	/**
	 * Chooses the post types; the posts of the types left out leave the knowledge base.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function choose( $request ) {
		$types  = $request->get_param( 'postTypes' );
		$types  = is_array( $types ) ? array_values( array_filter( $types, 'is_string' ) ) : array();
		$before = $this->selection->types();
		$this->listener->types_removed( $this->selection->choose( $types ) );
		$this->listener->types_added( array_values( array_diff( $this->selection->types(), $before ) ) );
		$this->schedule->soon();
		return $this->get_status();
	}

	/**
	 * "Remove my content from Causerie": every post the knowledge base holds is queued to leave, and no post type
	 * stays chosen, so nothing is sent again until the admin chooses types again.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function remove( $request ) {
		$queued = $this->withdrawal->withdraw();
		$this->schedule->soon();
		return rest_ensure_response( array( 'removing' => $queued ) + $this->status->status() );
	}

	/**
	 * The status, as GET /sync answers it.
	 */
	private function get_status(): WP_REST_Response {
		return rest_ensure_response( $this->status->status() );
	}
}
