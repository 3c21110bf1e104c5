<?php
/**
 * REST routes of the guided first run.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Setup\First_Run;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/setup: whether the guided first run opens (Setup\First_Run). POST /causerie/v1/setup/discovery:
 * finds the server behind an API address, from this server (the browser can't read another origin, and the
 * address policy must judge the request when it is made), and answers the page the server publishes for
 * people (RFC 8414 service_documentation), where the client id and secret come from. Nothing is stored: the
 * address is only being tried, and saving it reads the documents again.
 */
final class Setup_Controller extends Admin_Controller {

	public const REST_BASE = 'setup';

	/**
	 * Constructor.
	 *
	 * @param First_Run        $first_run  Whether nothing is configured.
	 * @param Credential_Store $store      The profile the address is for.
	 * @param Api_Url_Policy   $url_policy Which addresses may be asked.
	 * @param Discovery        $discovery  Finds the server.
	 */
	public function __construct(
		private readonly First_Run $first_run,
		private readonly Credential_Store $store,
		private readonly Api_Url_Policy $url_policy,
		private readonly Discovery $discovery
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_item', schema: true );
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE . '/discovery',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'discover' ),
				'permission_callback' => array( $this, 'check_permission' ),
				'args'                => array(
					'apiUrl' => array(
						'description' => __( 'Base URL of the Causerie API.', 'causerie-connector' ),
						'type'        => 'string',
						'required'    => true,
						'minLength'   => 1,
						'maxLength'   => 2048,
					),
				),
			)
		);
	}

	/**
	 * Whether the guided first run opens.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response( array( 'needed' => $this->first_run->needed() ) );
	}

	/**
	 * Finds the server behind an API address and the page where its credentials are explained.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function discover( $request ) {
		$environment = $this->store->active_environment();
		$api_url     = $request->get_param( 'apiUrl' );
		$url         = $this->url_policy->check( is_string( $api_url ) ? $api_url : '', $environment );
		if ( $url instanceof WP_Error ) {
			return new WP_Error( $url->get_error_code(), $url->get_error_message(), array( 'field' => 'apiUrl' ) + (array) $url->get_error_data() );
		}
		$found = $this->discovery->probe( new Credentials( $environment, '', null, null, $url, array(), array() ) );
		if ( $found instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_discovery_failed', $found );
		}
		$documentation = $found[0]->documentation;
		return rest_ensure_response(
			array(
				'apiUrl'        => $url,
				'documentation' => '' === $documentation ? null : $documentation,
			)
		);
	}

	/**
	 * The schema of GET; the TypeScript type SetupState mirrors it.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-setup',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'needed' => array(
					'description' => __( 'Whether nothing is configured yet, so the guided first run opens.', 'causerie-connector' ),
					'type'        => 'boolean',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
