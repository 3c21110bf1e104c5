<?php
/**
 * REST route describing this site and the plugin.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/site: the plugin version and the site's environment, for the admin screen.
 */
final class Site_Controller extends Admin_Controller {

	public const REST_BASE = 'site';

	/**
	 * Constructor.
	 *
	 * @param string $plugin_version Plugin version.
	 */
	public function __construct( private readonly string $plugin_version ) {
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
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Only administrators may read it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return $this->check_permission();
	}

	/**
	 * Describes the site.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$data = array(
			'pluginVersion'    => $this->plugin_version,
			'wordpressVersion' => get_bloginfo( 'version' ),
			'phpVersion'       => PHP_VERSION,
			'environmentType'  => wp_get_environment_type(),
			'multisite'        => is_multisite(),
		);
		return rest_ensure_response( $data );
	}

	/**
	 * The response schema; the TypeScript type SiteInfo mirrors it.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-site',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'pluginVersion'    => array(
					'description' => __( 'Version of the Causerie Connector plugin.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'wordpressVersion' => array(
					'description' => __( 'WordPress version.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'phpVersion'       => array(
					'description' => __( 'PHP version.', 'causerie-connector' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'environmentType'  => array(
					'description' => __( 'The site environment, as wp_get_environment_type() reports it.', 'causerie-connector' ),
					'type'        => 'string',
					'enum'        => array( 'local', 'development', 'staging', 'production' ),
					'readonly'    => true,
				),
				'multisite'        => array(
					'description' => __( 'Whether the site is part of a multisite network.', 'causerie-connector' ),
					'type'        => 'boolean',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
