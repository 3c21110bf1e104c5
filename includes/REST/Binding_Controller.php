<?php
/**
 * REST route for the site-address binding.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Log\Event_Log;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET and POST /causerie/v1/binding: whether the site moved or was paused, and the two ways out of a move:
 * "rebind" (this is the new address) or "pause" (this is a copy).
 */
final class Binding_Controller extends Admin_Controller {

	public const REST_BASE = 'binding';

	/**
	 * Constructor.
	 *
	 * @param Site_Binding $binding The binding.
	 */
	public function __construct( private readonly Site_Binding $binding ) {
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
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
					'args'                => array(
						'action' => array(
							'description' => __( 'rebind: this is the site\'s new address; pause: this is a copy, stop calling the API.', 'causerie-connector' ),
							'type'        => 'string',
							'enum'        => array( 'rebind', 'pause' ),
							'required'    => true,
						),
					),
				),
			)
		);
	}

	/**
	 * The binding's state.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response(
			array(
				'siteUrl' => home_url(),
				'moved'   => $this->binding->has_moved(),
				'paused'  => $this->binding->is_paused(),
			)
		);
	}

	/**
	 * Rebinds to this address, or pauses this copy.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function update_item( $request ) {
		if ( 'pause' === $request->get_param( 'action' ) ) {
			$this->binding->pause();
			Event_Log::emit( 'site', 'paused', array( 'siteUrl' => home_url() ) );
		} else {
			$this->binding->bind();
			Event_Log::emit( 'site', 'rebound', array( 'siteUrl' => home_url() ) );
		}
		return $this->get_item( $request );
	}
}
