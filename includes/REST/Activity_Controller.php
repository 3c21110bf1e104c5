<?php
/**
 * REST route for the week's conversations and leads.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Conversations\Weekly_Activity;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/activity: conversations and leads of the last seven days, from the counts WP-Cron keeps
 * (Conversations\Weekly_Activity). Answering never calls the API; `reason` says why a count is null.
 */
final class Activity_Controller extends Admin_Controller {

	public const REST_BASE = 'activity';

	/**
	 * Constructor.
	 *
	 * @param Weekly_Activity $activity The kept counts.
	 */
	public function __construct( private readonly Weekly_Activity $activity ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_item', schema: true );
	}

	/**
	 * The week.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$response = rest_ensure_response( $this->activity->current( time() ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The answer's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$count = array(
			'type'    => array( 'integer', 'null' ),
			'minimum' => 0,
		);
		$time  = array(
			'type'   => 'string',
			'format' => 'date-time',
		);
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-activity',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'conversations' => $count + array( 'description' => __( 'Conversations started in the last seven days; null when unknown.', 'causerie-connector' ) ),
				'leads'         => $count + array( 'description' => __( 'Leads captured in the last seven days; null when unknown.', 'causerie-connector' ) ),
				'since'         => $time + array( 'description' => __( 'Where the seven days start.', 'causerie-connector' ) ),
				'refreshedAt'   => array(
					'type'        => array( 'string', 'null' ),
					'format'      => 'date-time',
					'description' => __( 'When the counts were last refreshed; null before the first time.', 'causerie-connector' ),
				),
				'reason'        => array(
					'type'        => array( 'string', 'null' ),
					'enum'        => array_merge( Weekly_Activity::REASONS, array( null ) ),
					'description' => __( 'Why the counts are unknown; null when they are known.', 'causerie-connector' ),
				),
			),
		);
	}
}
