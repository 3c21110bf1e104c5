<?php
/**
 * Runs one of the plugin's REST routes for a command.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use WP_Error;
use WP_REST_Request;

/**
 * Sends a request to a registered route as the REST server would: the route's own argument schemas
 * validate and sanitize the input, then its callback runs. So a command and the admin screen go through
 * one path and can't drift apart. Only the permission check is left out: whoever runs WP-CLI already
 * controls the site, as core's own commands assume.
 */
final class Rest_Route {

	/**
	 * The route's answer, or its error.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route, such as /causerie/v1/settings.
	 * @param array<string, mixed> $body   JSON body.
	 * @return mixed|WP_Error The response data.
	 */
	public static function call( string $method, string $route, array $body ) {
		$request = new WP_REST_Request( $method, $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( (object) $body ) );
		$handlers = rest_get_server()->get_routes()[ $route ] ?? array();
		foreach ( is_array( $handlers ) ? $handlers : array() as $handler ) {
			$methods = is_array( $handler ) ? ( $handler['methods'] ?? null ) : null;
			if ( ! is_array( $handler ) || ! is_array( $methods ) || true !== ( $methods[ $method ] ?? false ) || ! is_callable( $handler['callback'] ?? null ) ) {
				continue;
			}
			$request->set_attributes( $handler );
			$defaults = array();
			foreach ( is_array( $handler['args'] ?? null ) ? $handler['args'] : array() as $arg => $options ) {
				if ( is_array( $options ) && array_key_exists( 'default', $options ) ) {
					$defaults[ $arg ] = $options['default'];
				}
			}
			$request->set_default_params( $defaults );
			$valid = $request->has_valid_params();
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
			$sanitized = $request->sanitize_params();
			if ( is_wp_error( $sanitized ) ) {
				return $sanitized;
			}
			// The checks every route shares (REST\Request_Guard), as the server runs them before the callback.
			$refused = apply_filters( 'rest_request_before_callbacks', null, $handler, $request ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, applied as the REST server does.
			if ( is_wp_error( $refused ) ) {
				return $refused;
			}
			$result = call_user_func( $handler['callback'], $request );
			return is_wp_error( $result ) ? $result : rest_ensure_response( $result )->get_data();
		}
		return new WP_Error( 'rest_no_route', __( 'No route was found matching the URL and request method.', 'causerie-connector' ) );
	}
}
