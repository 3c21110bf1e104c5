<?php
/**
 * What every request to the plugin's routes must be, whatever the route.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use WP_Error;
use WP_REST_Request;

/**
 * The checks a route's argument schemas can't express, for every route of the namespace at once: the body is
 * a JSON object, it holds only the fields the route declares, and no value holds a control character (which
 * a schema pattern's `$` lets through at the very end). Each failure is a 400 naming the field, before the
 * route does anything: no write, no call to the API.
 */
final class Request_Guard {

	/**
	 * The REST server's own parameters, which any request may carry (see WP_REST_Server::serve_request).
	 */
	private const GLOBAL_PARAMS = array( '_wpnonce', '_method', '_locale', '_envelope', '_fields', '_embed', '_jsonp' );

	/**
	 * The longest field name an error repeats: a hostile name is not echoed whole.
	 */
	private const NAME_SHOWN = 64;

	/**
	 * Hooks the check in front of every route's callbacks.
	 */
	public function register(): void {
		add_filter( 'rest_pre_dispatch', array( $this, 'pre_dispatch' ), 10, 3 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'before_callbacks' ), 10, 3 );
	}

	/**
	 * Refuses a body that is not a JSON object before the REST server reads it: core would loop over a
	 * string or a number as if it were fields, with a PHP warning.
	 *
	 * @param mixed           $result  Null, or what an earlier filter decided.
	 * @param mixed           $server  The REST server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed The result unchanged, or the refusal.
	 */
	public function pre_dispatch( $result, $server, $request ) {
		if ( null !== $result || ! self::is_ours( $request ) || ! $request->is_json_content_type() || '' === trim( $request->get_body() ) ) {
			return $result;
		}
		$body = json_decode( $request->get_body(), true );
		// Invalid JSON is core's to refuse (rest_invalid_json); [] is how PHP encodes an empty object.
		if ( JSON_ERROR_NONE !== json_last_error() || ( is_array( $body ) && ( array() === $body || ! array_is_list( $body ) ) ) ) {
			return $result;
		}
		return Settings_Input::field_error( 'causerie_invalid_body', __( 'The request body must be a JSON object of named fields.', 'causerie-connector' ), '' );
	}

	/**
	 * Whether a request is for one of the plugin's routes.
	 *
	 * @param mixed $request Request.
	 * @phpstan-assert-if-true WP_REST_Request $request
	 */
	private static function is_ours( mixed $request ): bool {
		return $request instanceof WP_REST_Request && str_starts_with( $request->get_route(), '/' . Admin_Controller::NAMESPACE . '/' );
	}

	/**
	 * Refuses a bad request to one of the plugin's routes; leaves every other request alone.
	 *
	 * @param mixed           $response Null, or what an earlier filter decided.
	 * @param mixed           $handler  The matched handler, with its args.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed The response unchanged, or the refusal.
	 */
	public function before_callbacks( $response, $handler, $request ) {
		if ( null !== $response || ! self::is_ours( $request ) ) {
			return $response;
		}
		$args = is_array( $handler ) && is_array( $handler['args'] ?? null ) ? $handler['args'] : array();
		return self::problem( $request, array_map( 'strval', array_keys( $args ) ) ) ?? $response;
	}

	/**
	 * Why a request must be refused, or null.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string[]        $fields  The fields the route declares.
	 */
	public static function problem( WP_REST_Request $request, array $fields ): ?WP_Error {
		$json = $request->get_json_params();
		$sent = is_array( $json ) ? $json : $request->get_body_params();
		foreach ( array_keys( $sent ) as $name ) {
			$name = (string) $name;
			if ( ! in_array( $name, $fields, true ) && ! in_array( $name, self::GLOBAL_PARAMS, true ) ) {
				return Settings_Input::field_error(
					'causerie_unknown_field',
					/* translators: %s: a field name sent in the request */
					sprintf( __( 'Unknown field: %s.', 'causerie-connector' ), self::shown( $name ) ),
					self::shown( $name )
				);
			}
		}
		foreach ( $request->get_params() as $name => $value ) {
			if ( self::has_control_character( $value ) ) {
				return Settings_Input::field_error(
					'causerie_control_character',
					/* translators: %s: a field name, such as clientId */
					sprintf( __( 'The %s field holds a control character, such as a line break: none of these fields may.', 'causerie-connector' ), self::shown( (string) $name ) ),
					self::shown( (string) $name )
				);
			}
		}
		return null;
	}

	/**
	 * Whether a value, or anything in it, is a string with a control character.
	 *
	 * @param mixed $value A parameter.
	 */
	private static function has_control_character( mixed $value ): bool {
		if ( is_array( $value ) ) {
			foreach ( $value as $key => $item ) {
				if ( self::has_control_character( (string) $key ) || self::has_control_character( $item ) ) {
					return true;
				}
			}
			return false;
		}
		return is_string( $value ) && 1 === preg_match( '/[\x00-\x1F\x7F]/', $value );
	}

	/**
	 * A field name as an error may repeat it: printable and short.
	 *
	 * @param string $name As sent.
	 */
	private static function shown( string $name ): string {
		$name = (string) preg_replace( '/[^\x20-\x7E]/', '?', $name );
		return strlen( $name ) > self::NAME_SHOWN ? substr( $name, 0, self::NAME_SHOWN ) . '…' : $name;
	}
}
