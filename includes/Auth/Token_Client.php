<?php
/**
 * Talks to the token and revocation endpoints.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Http\Transport_Error;

/**
 * Client credentials and refresh token grants (RFC 6749 §4.4, §6) and revocation (RFC 7009). The client
 * authenticates with the first method the server supports, in this order.
 */
final class Token_Client {

	public const AUTH_METHODS = array( 'client_secret_basic', 'client_secret_post', 'client_secret_json' );

	/**
	 * OAuth errors that get a diagnosis of their own; others become token_endpoint_error.
	 */
	private const KNOWN_ERRORS = array( 'invalid_client', 'invalid_grant', 'invalid_scope', 'unauthorized_client' );

	/**
	 * When and how long to wait before asking again.
	 *
	 * @var Retry_Policy
	 */
	private Retry_Policy $retry;

	/**
	 * Constructor.
	 *
	 * @param Http_Client       $http    Outbound HTTP.
	 * @param float             $timeout Seconds a call may take.
	 * @param Retry_Policy|null $retry   Backoff for 5xx and 429; tests pass one that records its waits.
	 */
	public function __construct(
		private readonly Http_Client $http,
		private readonly float $timeout = Http_Client::DEFAULT_TIMEOUT,
		?Retry_Policy $retry = null
	) {
		$this->retry = $retry ?? new Retry_Policy();
	}

	/**
	 * A new access token for the client's configured scopes.
	 *
	 * @param Server_Metadata $metadata    Where to ask.
	 * @param Credentials     $credentials Who asks.
	 * @return Token_Response|Finding
	 */
	public function client_credentials( Server_Metadata $metadata, Credentials $credentials ) {
		return $this->grant(
			$metadata,
			$credentials,
			array(
				'grant_type' => 'client_credentials',
				'scope'      => implode( ' ', $credentials->scopes ),
			)
		);
	}

	/**
	 * A new access token from a refresh token; the answer carries the rotated refresh token.
	 *
	 * @param Server_Metadata $metadata      Where to ask.
	 * @param Credentials     $credentials   Who asks.
	 * @param string          $refresh_token The refresh token in hand.
	 * @return Token_Response|Finding
	 */
	public function refresh( Server_Metadata $metadata, Credentials $credentials, string $refresh_token ) {
		return $this->grant(
			$metadata,
			$credentials,
			array(
				'grant_type'    => 'refresh_token',
				'refresh_token' => $refresh_token,
			)
		);
	}

	/**
	 * Revokes a token (RFC 7009); true when the server accepted the request.
	 *
	 * @param Server_Metadata $metadata    Where to ask.
	 * @param Credentials     $credentials Who asks.
	 * @param string          $token       Token to revoke.
	 * @param string          $hint        access_token or refresh_token.
	 * @return true|Finding
	 */
	public function revoke( Server_Metadata $metadata, Credentials $credentials, string $token, string $hint ) {
		if ( '' === $metadata->revocation_endpoint ) {
			return new Finding( 'token_endpoint_error', array( 'missing' => 'revocation_endpoint' ) );
		}
		$response = $this->post(
			$metadata,
			$metadata->revocation_endpoint,
			$credentials,
			array(
				'token'           => $token,
				'token_type_hint' => $hint,
			)
		);
		if ( $response instanceof Finding ) {
			return $response;
		}
		return 200 === $response->status ? true : $this->error_finding( $response, $metadata->revocation_endpoint );
	}

	/**
	 * Sends a grant request and reads the answer. The server's own failures and rate limits are asked
	 * again within the retry policy's bounds; a refusal (any other 4xx) never is.
	 *
	 * @param Server_Metadata       $metadata    Where to ask.
	 * @param Credentials           $credentials Who asks.
	 * @param array<string, string> $params      Grant parameters.
	 * @return Token_Response|Finding
	 */
	private function grant( Server_Metadata $metadata, Credentials $credentials, array $params ) {
		$waits = array();
		while ( true ) {
			$response = $this->post( $metadata, $metadata->token_endpoint, $credentials, $params );
			if ( $response instanceof Finding ) {
				return $response;
			}
			$delay = $this->retry->delay( $response, $waits );
			if ( null === $delay ) {
				break;
			}
			$this->retry->wait( $delay );
			$waits[] = $delay;
		}
		if ( 200 !== $response->status ) {
			$finding  = $this->error_finding( $response, $metadata->token_endpoint );
			$evidence = $finding->evidence;
			if ( array() !== $waits ) {
				$evidence['attempts'] = count( $waits ) + 1;
			}
			// Which scopes were asked for: the fix is to grant them, and RFC 6749 §5.2 names none.
			if ( 'invalid_scope' === $finding->code ) {
				$evidence['requested'] = array_values( array_filter( explode( ' ', $params['scope'] ?? '' ), static fn( string $part ): bool => '' !== $part ) );
			}
			return new Finding( $finding->code, $evidence );
		}
		$unusable = Finding::from_unusable_response( $response, $metadata->token_endpoint );
		if ( null !== $unusable ) {
			return $unusable;
		}
		$body  = (array) $response->json();
		$token = $body['access_token'] ?? null;
		$type  = $body['token_type'] ?? null;
		if ( ! is_string( $token ) || '' === $token || ! is_string( $type ) || 0 !== strcasecmp( $type, 'Bearer' ) ) {
			return new Finding( 'token_endpoint_error', self::evidence( $response, $metadata->token_endpoint ) + array( 'problem' => 'no bearer access_token in the answer' ) );
		}
		$scope = $body['scope'] ?? $params['scope'] ?? '';
		return new Token_Response(
			$token,
			isset( $body['expires_in'] ) && is_numeric( $body['expires_in'] ) ? (int) $body['expires_in'] : null,
			array_values( array_filter( explode( ' ', is_string( $scope ) ? $scope : '' ), static fn( string $part ): bool => '' !== $part ) ),
			isset( $body['refresh_token'] ) && is_string( $body['refresh_token'] ) ? $body['refresh_token'] : null,
			time(),
			$response->server_time(),
			// RFC 7591: 0 means the secret does not expire.
			isset( $body['client_secret_expires_at'] ) && is_int( $body['client_secret_expires_at'] ) && $body['client_secret_expires_at'] > 0 ? $body['client_secret_expires_at'] : null
		);
	}

	/**
	 * Posts to an endpoint with client authentication.
	 *
	 * @param Server_Metadata       $metadata    Which authentication methods the server takes.
	 * @param string                $url         Endpoint.
	 * @param Credentials           $credentials Who asks.
	 * @param array<string, string> $params      Body parameters.
	 * @return Response|Finding
	 */
	private function post( Server_Metadata $metadata, string $url, Credentials $credentials, array $params ) {
		$method = self::auth_method( $metadata );
		if ( null === $method ) {
			return new Finding(
				'token_endpoint_error',
				array(
					'url'         => $url,
					'authMethods' => $metadata->auth_methods,
				)
			);
		}
		$headers = array();
		if ( 'client_secret_basic' === $method ) {
			// RFC 6749 §2.3.1: each part is form-urlencoded (urlencode, not rawurlencode) before the two are
			// joined and base64-encoded.
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.urlencode_urlencode, WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
			$headers['Authorization'] = 'Basic ' . base64_encode( urlencode( $credentials->client_id ) . ':' . urlencode( (string) $credentials->secret ) );
		} else {
			$params += array(
				'client_id'     => $credentials->client_id,
				'client_secret' => (string) $credentials->secret,
			);
		}
		if ( 'client_secret_json' === $method ) {
			$headers['Content-Type'] = 'application/json';
			$body                    = (string) wp_json_encode( $params );
		} else {
			$headers['Content-Type'] = 'application/x-www-form-urlencoded';
			$body                    = http_build_query( $params, '', '&', PHP_QUERY_RFC1738 );
		}
		$response = $this->http->request( 'POST', $url, $headers, $body, $this->timeout );
		return $response instanceof Transport_Error ? Finding::from_transport( $response, $url ) : $response;
	}

	/**
	 * The first authentication method both sides support; RFC 8414's default is client_secret_basic.
	 *
	 * @param Server_Metadata $metadata Server metadata.
	 */
	private static function auth_method( Server_Metadata $metadata ): ?string {
		$supported = array() === $metadata->auth_methods ? array( 'client_secret_basic' ) : $metadata->auth_methods;
		foreach ( self::AUTH_METHODS as $method ) {
			if ( in_array( $method, $supported, true ) ) {
				return $method;
			}
		}
		return null;
	}

	/**
	 * A finding for an error answer: the RFC 6749 §5.2 error when there is one, else what the status says.
	 *
	 * @param Response $response Error answer.
	 * @param string   $url      Endpoint.
	 */
	private function error_finding( Response $response, string $url ): Finding {
		$body  = $response->json();
		$error = is_array( $body ) && isset( $body['error'] ) && is_string( $body['error'] ) ? $body['error'] : '';
		if ( 429 === $response->status || $response->status >= 500 || '' === $error ) {
			return Finding::from_unusable_response( $response, $url )
				?? new Finding( 'token_endpoint_error', self::evidence( $response, $url ) );
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
	private static function evidence( Response $response, string $url ): array {
		return array(
			'url'             => $url,
			'status'          => $response->status,
			'wwwAuthenticate' => $response->header( 'www-authenticate' ),
			'serverTime'      => $response->server_time(),
			'elapsedMs'       => (int) round( $response->elapsed_ms ),
		);
	}
}
