<?php
/**
 * REST route for the alert emails' address.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Alerts\Alert_Recipient;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET and POST /causerie/v1/alerts: the address chosen for alert emails (alertEmail, empty for the site's
 * admin email) and where they go now (recipient).
 */
final class Alerts_Controller extends Admin_Controller {

	public const REST_BASE = 'alerts';

	/**
	 * Constructor.
	 *
	 * @param Alert_Recipient $recipient Where alerts go.
	 */
	public function __construct( private readonly Alert_Recipient $recipient ) {
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
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
					'args'                => array(
						'alertEmail' => array(
							'description' => __( 'Address of the alert emails; empty for the site\'s admin email.', 'causerie-connector' ),
							'type'        => 'string',
							'maxLength'   => 254,
							'required'    => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The chosen address and the one in use.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response(
			array(
				'alertEmail' => $this->recipient->custom(),
				'recipient'  => $this->recipient->address(),
			)
		);
	}

	/**
	 * Saves the address, refusing one that is not an email address.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$email = $request->get_param( 'alertEmail' );
		$email = trim( is_string( $email ) ? $email : '' );
		if ( '' !== $email && Alert_Recipient::sanitize( $email ) !== $email ) {
			return Settings_Input::field_error( 'causerie_invalid_email', __( 'This is not a valid email address.', 'causerie-connector' ), 'alertEmail' );
		}
		$this->recipient->save( $email );
		return $this->get_item( $request );
	}

	/**
	 * The response schema.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-alerts',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'alertEmail' => array( 'type' => 'string' ),
				'recipient'  => array( 'type' => 'string' ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
