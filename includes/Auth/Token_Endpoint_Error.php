<?php
/**
 * What an error answer of the token, revocation or introspection endpoint means.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Response;

/**
 * Told apart by the RFC 6749 §5.2 error code and the HTTP status, never by the words of error_description,
 * which are kept as evidence.
 */
final class Token_Endpoint_Error {

	/**
	 * OAuth errors that get a diagnosis of their own; others become token_endpoint_error.
	 */
	private const KNOWN_ERRORS = array( 'invalid_client', 'invalid_grant', 'invalid_scope', 'invalid_target', 'unauthorized_client' );

	/**
	 * A finding for an error answer: the RFC 6749 §5.2 error when there is one, else what the status says.
	 *
	 * @param Response $response    Error answer.
	 * @param string   $url         Endpoint.
	 * @param string[] $unpublished Metadata addresses found missing, when the endpoint was a default path.
	 *
	 * @phpstan-param list<string> $unpublished
	 */
	public static function finding( Response $response, string $url, array $unpublished ): Finding {
		$body  = $response->json();
		$error = is_array( $body ) && isset( $body['error'] ) && is_string( $body['error'] ) ? $body['error'] : '';
		if ( 404 === $response->status ) {
			return new Finding( 'not_found', self::evidence( $response, $url ) + ( array() === $unpublished ? array() : array( 'unpublished' => $unpublished ) ) );
		}
		if ( 429 === $response->status || $response->status >= 500 || '' === $error ) {
			return $response->unusable( $url ) ?? new Finding( 'token_endpoint_error', self::evidence( $response, $url ) );
		}
		$description = is_array( $body ) && isset( $body['error_description'] ) && is_string( $body['error_description'] ) ? $body['error_description'] : '';
		return new Finding(
			in_array( $error, self::KNOWN_ERRORS, true ) ? $error : 'token_endpoint_error',
			self::evidence( $response, $url ) + array(
				'error'            => $error,
				'errorDescription' => $description,
			)
		);
	}

	/**
	 * What every finding from an answer carries.
	 *
	 * @param Response $response Answer.
	 * @param string   $url      Endpoint.
	 * @return array<string, mixed>
	 */
	public static function evidence( Response $response, string $url ): array {
		return array(
			'url'             => $url,
			'status'          => $response->status,
			'wwwAuthenticate' => $response->header( 'www-authenticate' ),
			'serverTime'      => $response->server_time(),
			'elapsedMs'       => (int) round( $response->elapsed_ms ),
		);
	}
}
