<?php
/**
 * Outbound HTTP for the plugin.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

/**
 * Every call to the API goes through here: always with a timeout, never following redirects to another
 * place silently, and returning either a Response or a classified Transport_Error, never a PHP warning.
 */
final class Http_Client {

	/**
	 * Seconds an interactive call may take in all.
	 */
	public const DEFAULT_TIMEOUT = 5;

	/**
	 * Sends a request.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $url     Absolute URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string|null           $body    Request body.
	 * @param float                 $timeout Seconds, in all.
	 * @return Response|Transport_Error
	 */
	public function request( string $method, string $url, array $headers = array(), ?string $body = null, float $timeout = self::DEFAULT_TIMEOUT ) {
		$args = array(
			'method'      => $method,
			'headers'     => $headers + array( 'Accept' => 'application/json' ),
			'timeout'     => $timeout,
			'redirection' => 0,
			'user-agent'  => 'CauserieConnector/' . \Causerie\Connector\VERSION . '; ' . home_url( '/' ),
		);
		if ( null !== $body ) {
			$args['body'] = $body;
		}
		$start  = microtime( true );
		$result = wp_remote_request( $url, $args );
		$ms     = ( microtime( true ) - $start ) * 1000;
		if ( is_wp_error( $result ) ) {
			return Transport_Error::from_message( $result->get_error_message(), $ms );
		}
		$headers_out = array();
		foreach ( wp_remote_retrieve_headers( $result ) as $name => $value ) {
			$values                                      = is_array( $value ) ? $value : array( $value );
			$headers_out[ strtolower( (string) $name ) ] = implode( ', ', array_filter( $values, 'is_string' ) );
		}
		return new Response( (int) wp_remote_retrieve_response_code( $result ), $headers_out, wp_remote_retrieve_body( $result ), $ms );
	}
}
