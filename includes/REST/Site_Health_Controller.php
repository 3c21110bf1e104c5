<?php
/**
 * REST route for the plugin's asynchronous Site Health tests.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Health\Site_Health_Live_Tests;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/site-health/<test>?burst=<id>: one test's result in the shape core's Site Health screen
 * shows. Requests with the same burst id share one run of the live checks.
 */
final class Site_Health_Controller extends Admin_Controller {

	public const REST_BASE = 'site-health';

	/**
	 * Core's capability for Site Health, required on top of the plugin's own.
	 */
	public const SITE_HEALTH_CAPABILITY = 'view_site_health_checks';

	/**
	 * Constructor.
	 *
	 * @param Site_Health_Live_Tests $tests The tests that read the live checks.
	 */
	public function __construct( private readonly Site_Health_Live_Tests $tests ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route(
			'get_item',
			array(
				'test'  => array(
					'description' => __( 'The test to run.', 'causerie-connector' ),
					'type'        => 'string',
					'enum'        => Site_Health_Live_Tests::TESTS,
					'required'    => true,
				),
				'burst' => array(
					'description' => __( 'Identifies a Site Health page load; its tests share one run of the live checks.', 'causerie-connector' ),
					'type'        => 'string',
					'pattern'     => '^[A-Za-z0-9_-]{1,64}$',
					'default'     => 'default',
				),
			),
			suffix: '/(?P<test>[a-z-]+)',
			schema: true
		);
	}

	/**
	 * Administrators who may see Site Health: the plugin's capability and core's for Site Health, which on a
	 * network only super admins have, as only they see the screen.
	 *
	 * @return true|WP_Error
	 */
	public function check_permission() {
		$allowed = parent::check_permission();
		if ( true !== $allowed || current_user_can( self::SITE_HEALTH_CAPABILITY ) ) {
			return $allowed;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to run the Site Health checks.', 'causerie-connector' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * One test's result.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$test     = $request->get_param( 'test' );
		$burst    = $request->get_param( 'burst' );
		$response = rest_ensure_response( $this->tests->result( is_string( $test ) ? $test : '', is_string( $burst ) ? $burst : 'default' ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The response schema: core's Site Health test result.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'causerie-site-health-test',
			'type'       => 'object',
			'properties' => array(
				'label'       => array(
					'description' => __( 'What the test found, in one line.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'status'      => array(
					'description' => __( 'How serious it is.', 'causerie-connector' ),
					'type'        => 'string',
					'enum'        => array( 'good', 'recommended', 'critical' ),
					'readonly'    => true,
				),
				'badge'       => array(
					'description' => __( 'The badge Site Health shows beside the test.', 'causerie-connector' ),
					'type'        => 'object',
					'properties'  => array(
						'label' => array( 'type' => 'string' ),
						'color' => array( 'type' => 'string' ),
					),
					'readonly'    => true,
				),
				'description' => array(
					'description' => __( 'What is wrong and how to fix it, as HTML.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'actions'     => array(
					'description' => __( 'A link to the fix on the plugin\'s screen, as HTML.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'test'        => array(
					'description' => __( 'The test\'s id.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
