<?php
/**
 * REST route for the support report.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Report\Support_Report;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/report: the redacted diagnostics report, as data and as text to copy or download.
 */
final class Report_Controller extends Admin_Controller {

	public const REST_BASE = 'report';

	/**
	 * Constructor.
	 *
	 * @param Support_Report $report Builds the report.
	 */
	public function __construct( private readonly Support_Report $report ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_item', schema: true );
	}

	/**
	 * The report.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$response = rest_ensure_response( $this->report->generate() );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The response schema; the TypeScript type SupportReportResponse mirrors it.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'causerie-report',
			'type'       => 'object',
			'properties' => array(
				'generatedAt' => array(
					'description' => __( 'When the report was made.', 'causerie-connector' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'readonly'    => true,
				),
				'report'      => array(
					'description' => __( 'The redacted report: site, status, settings, access token schedule, live checks, binding and recent events.', 'causerie-connector' ),
					'type'        => 'object',
					'readonly'    => true,
				),
				'text'        => array(
					'description' => __( 'The same report as plain text.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
