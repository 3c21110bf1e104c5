<?php
/**
 * Base of the plugin's REST controllers.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Plugin;
use WP_Error;
use WP_REST_Controller;

/**
 * Every route of the plugin is for administrators only, under one namespace.
 */
abstract class Admin_Controller extends WP_REST_Controller {

	public const NAMESPACE = 'causerie/v1';

	/**
	 * The route under the namespace; each controller names its own.
	 *
	 * @var string
	 */
	public const REST_BASE = '';

	/**
	 * Sets the namespace and base WP_REST_Controller reads.
	 */
	public function __construct() {
		$this->namespace = self::NAMESPACE;
		$this->rest_base = static::REST_BASE;
	}

	/**
	 * Hooks the route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * The path of the route the controller registers at its base, as the admin screen's preloading reads it.
	 */
	public static function path(): string {
		return '/' . self::NAMESPACE . '/' . static::REST_BASE;
	}

	/**
	 * Allows administrators only; anyone else gets 401 (not logged in) or 403.
	 *
	 * @return true|WP_Error
	 */
	public function check_permission() {
		if ( current_user_can( Plugin::CAPABILITY ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage the Causerie connection.', 'causerie-connector' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
