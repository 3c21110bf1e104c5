<?php
/**
 * REST route that dismisses the admin notice.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Admin\Connection_Notice;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * POST /causerie/v1/notice/dismiss {key}: the current administrator no longer sees the notice with this key.
 * A new problem gets a new key, so the notice shows again.
 */
final class Notice_Controller extends Admin_Controller {

	public const REST_BASE = Connection_Notice::DISMISS_ROUTE;

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE,
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'create_item' ),
				'permission_callback' => array( $this, 'check_permission' ),
				'args'                => array(
					'key' => array(
						'description' => __( 'The key the notice carries.', 'causerie-connector' ),
						'type'        => 'string',
						'pattern'     => '^[a-f0-9]{32}$',
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * Remembers the dismissal for the current user.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function create_item( $request ) {
		$key = $request->get_param( 'key' );
		$key = is_string( $key ) ? $key : '';
		Connection_Notice::dismiss( get_current_user_id(), $key );
		return rest_ensure_response( array( 'dismissed' => $key ) );
	}
}
