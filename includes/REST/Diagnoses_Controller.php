<?php
/**
 * REST route for the texts of every diagnosis.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Diagnosis\Catalog;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/diagnoses: the severity, title, explanation and steps of every code in codes.json,
 * translated, so the admin app can explain findings it makes itself (the token inspector) in the same words
 * as the server. Preloaded with the settings screen.
 */
final class Diagnoses_Controller extends Admin_Controller {

	public const REST_BASE = 'diagnoses';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_items', schema: true );
	}

	/**
	 * Every code with its texts.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$texts = array();
		foreach ( Catalog::codes() as $code => $meta ) {
			$texts[ $code ] = array( 'severity' => $meta['severity'] ) + Catalog::describe( $code );
		}
		return rest_ensure_response( $texts );
	}

	/**
	 * The response schema: an object keyed by code. The TypeScript type DiagnosisTexts mirrors it.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-diagnoses',
			'type'                 => 'object',
			'additionalProperties' => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'severity'       => array(
						'description' => __( 'How serious the cause is.', 'causerie-connector' ),
						'type'        => 'string',
						'enum'        => array( 'error', 'warning', 'info' ),
					),
					'title'          => array(
						'description' => __( 'What went wrong, in one line.', 'causerie-connector' ),
						'type'        => 'string',
					),
					'explanation'    => array(
						'description' => __( 'Why it happens.', 'causerie-connector' ),
						'type'        => 'string',
					),
					'steps'          => array(
						'description' => __( 'How to fix it, in order.', 'causerie-connector' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'string' ),
					),
					'wizardSteps'    => array(
						'description' => __( 'The same steps as the fix wizard shows them, above its own form.', 'causerie-connector' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'string' ),
					),
					'dashboardSteps' => array(
						'description' => __( 'Which steps, counted from 0, are done in the Causerie dashboard.', 'causerie-connector' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'integer' ),
					),
				),
			),
		);
		return $this->schema;
	}
}
