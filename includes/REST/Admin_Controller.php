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
use WP_REST_Server;

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
	 * One endpoint of a route, answered by a method of this controller, for whoever check_permission allows.
	 *
	 * @param string               $methods  HTTP methods, such as WP_REST_Server::READABLE.
	 * @param string               $callback Name of the method that answers.
	 * @param array<string, mixed> $args     The request's arguments.
	 * @return array<string, mixed>
	 */
	protected function endpoint( string $methods, string $callback, array $args = array() ): array {
		return array(
			'methods'             => $methods,
			'callback'            => array( $this, $callback ),
			'permission_callback' => array( $this, 'check_permission' ),
			'args'                => $args,
		);
	}

	/**
	 * Registers a route at the controller's base, or below it.
	 *
	 * @param string                           $suffix    What follows the base, such as '/run'; '' for the base.
	 * @param array<int, array<string, mixed>> $endpoints The route's endpoints.
	 * @param bool                             $schema    Whether the route publishes the controller's item schema.
	 */
	protected function route( string $suffix, array $endpoints, bool $schema = false ): void {
		if ( $schema ) {
			$endpoints['schema'] = array( $this, 'get_public_item_schema' );
		}
		register_rest_route( self::NAMESPACE, '/' . static::REST_BASE . $suffix, $endpoints );
	}

	/**
	 * Registers a route that only reads: one GET endpoint.
	 *
	 * @param string               $callback Name of the method that answers.
	 * @param array<string, mixed> $args     The request's arguments.
	 * @param string               $suffix   What follows the base; '' for the base.
	 * @param bool                 $schema   Whether the route publishes the controller's item schema.
	 */
	protected function read_route( string $callback, array $args = array(), string $suffix = '', bool $schema = false ): void {
		$this->route( $suffix, array( $this->endpoint( WP_REST_Server::READABLE, $callback, $args ) ), $schema );
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
