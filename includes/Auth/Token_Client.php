<?php
/**
 * Talks to the token, revocation and introspection endpoints.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Log\Redactor;

/**
 * Client credentials and refresh token grants (RFC 6749 §4.4, §6), revocation (RFC 7009) and introspection
 * (RFC 7662). The RFC 8707 resource is sent when the API published one. Client_Request sends each call as the
 * client.
 */
final class Token_Client {

	/**
	 * Seconds a revocation may take: it is a courtesy to the server, and the admin is waiting.
	 */
	public const REVOKE_TIMEOUT = 3;

	/**
	 * When and how long to wait before asking again.
	 *
	 * @var Retry_Policy
	 */
	private Retry_Policy $retry;

	/**
	 * Constructor.
	 *
	 * @param Client_Request    $request Authenticated requests to the authorization server.
	 * @param float             $timeout Seconds a call may take.
	 * @param Retry_Policy|null $retry   Backoff for 5xx and 429; tests pass one that records its waits.
	 */
	public function __construct(
		private readonly Client_Request $request,
		private readonly float $timeout = Http_Client::DEFAULT_TIMEOUT,
		?Retry_Policy $retry = null
	) {
		$this->retry = $retry ?? new Retry_Policy();
	}

	/**
	 * The longest a grant can take, retries included.
	 */
	public function longest_grant(): float {
		return Retry_Policy::longest( $this->timeout );
	}

	/**
	 * The longest an introspection can take: it is not retried.
	 */
	public function longest_introspection(): float {
		return $this->timeout;
	}

	/**
	 * A new access token for the client's configured scopes.
	 *
	 * @param Endpoints   $endpoints   Where to ask.
	 * @param Credentials $credentials Who asks.
	 * @return Token_Response|Finding
	 */
	public function client_credentials( Endpoints $endpoints, Credentials $credentials ) {
		return $this->grant(
			$endpoints,
			$credentials,
			array(
				'grant_type' => 'client_credentials',
				'scope'      => implode( ' ', $credentials->scopes ),
			)
		);
	}

	/**
	 * A new access token from a refresh token; the answer may carry a rotated refresh token.
	 *
	 * @param Endpoints   $endpoints     Where to ask.
	 * @param Credentials $credentials   Who asks.
	 * @param string      $refresh_token The refresh token in hand.
	 * @return Token_Response|Finding
	 */
	public function refresh( Endpoints $endpoints, Credentials $credentials, string $refresh_token ) {
		return $this->grant(
			$endpoints,
			$credentials,
			array(
				'grant_type'    => 'refresh_token',
				'refresh_token' => $refresh_token,
			)
		);
	}

	/**
	 * Revokes a token (RFC 7009), within a short time and without retrying.
	 *
	 * @param Endpoints   $endpoints   Where to ask.
	 * @param Credentials $credentials Who asks: the credentials the token was issued to.
	 * @param string      $token       Token to revoke.
	 * @param string      $hint        access_token or refresh_token.
	 */
	public function revoke( Endpoints $endpoints, Credentials $credentials, string $token, string $hint ): Revocation {
		if ( '' === $endpoints->revocation_endpoint ) {
			return Revocation::Unsupported;
		}
		$response = $this->request->post(
			$endpoints,
			$endpoints->revocation_endpoint,
			$credentials,
			array(
				'token'           => $token,
				'token_type_hint' => $hint,
			),
			self::REVOKE_TIMEOUT
		);
		if ( $response instanceof Finding ) {
			return Revocation::Failed;
		}
		if ( 200 === $response->status ) {
			return Revocation::Revoked;
		}
		// RFC 7009 §2.2.1: the server does not revoke this type of token (some refuse it for JWTs).
		return 'unsupported_token_type' === ( $response->json()['error'] ?? null ) ? Revocation::Unsupported : Revocation::Failed;
	}

	/**
	 * What the server says of a token (RFC 7662): the JSON answer, with `active`.
	 *
	 * @param Endpoints   $endpoints   Where to ask.
	 * @param Credentials $credentials Who asks.
	 * @param string      $token       Token to look up.
	 * @return array<string, mixed>|Finding
	 */
	public function introspect( Endpoints $endpoints, Credentials $credentials, string $token ) {
		$url      = $endpoints->introspection_endpoint;
		$response = $this->request->post( $endpoints, $url, $credentials, array( 'token' => $token ), $this->timeout );
		if ( $response instanceof Finding ) {
			return $response;
		}
		$body = $response->json();
		if ( 200 !== $response->status || null === $body || ! isset( $body['active'] ) ) {
			return $response->unusable( $url ) ?? Token_Endpoint_Error::finding( $response, $url, array() );
		}
		return $body;
	}

	/**
	 * Sends a grant request and reads the answer. The server's own failures and rate limits are asked
	 * again within the retry policy's bounds; a refusal (any other 4xx) never is.
	 *
	 * @param Endpoints             $endpoints   Where to ask.
	 * @param Credentials           $credentials Who asks.
	 * @param array<string, string> $params      Grant parameters.
	 * @return Token_Response|Finding
	 */
	private function grant( Endpoints $endpoints, Credentials $credentials, array $params ) {
		if ( null !== $endpoints->resource ) {
			$params['resource'] = $endpoints->resource;
		}
		$waits = array();
		while ( true ) {
			$response = $this->request->post( $endpoints, $endpoints->token_endpoint, $credentials, $params, $this->timeout );
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
		$requested = self::scopes( $params['scope'] ?? '' );
		if ( 200 !== $response->status ) {
			$finding  = Token_Endpoint_Error::finding( $response, $endpoints->token_endpoint, $endpoints->unpublished );
			$evidence = $finding->evidence + ( array() === $waits ? array() : array( 'attempts' => count( $waits ) + 1 ) );
			if ( 'invalid_scope' === $finding->code ) {
				// RFC 6749 §5.2 names no scope; Causerie, and some others, name the refused one beside the error.
				$refused   = $response->json()['scope'] ?? null;
				$evidence += array(
					'requested' => $requested,
					'refused'   => is_string( $refused ) ? self::scopes( $refused ) : array(),
				);
			}
			return new Finding( $finding->code, $evidence );
		}
		return $this->token_response( $response, $endpoints->token_endpoint, $requested );
	}

	/**
	 * Reads a successful token answer.
	 *
	 * @param Response $response  The answer.
	 * @param string   $url       The token endpoint.
	 * @param string[] $requested Scopes asked for.
	 * @return Token_Response|Finding
	 *
	 * @phpstan-param list<string> $requested
	 */
	private function token_response( Response $response, string $url, array $requested ) {
		$unusable = $response->unusable( $url );
		if ( null !== $unusable ) {
			return $unusable;
		}
		$body  = (array) $response->json();
		$token = $body['access_token'] ?? null;
		$type  = $body['token_type'] ?? null;
		if ( ! is_string( $token ) || '' === $token || ! is_string( $type ) || 0 !== strcasecmp( $type, 'Bearer' ) ) {
			return new Finding( 'token_endpoint_error', Token_Endpoint_Error::evidence( $response, $url ) + array( 'problem' => 'no bearer access_token in the answer' ) );
		}
		$refresh = isset( $body['refresh_token'] ) && is_string( $body['refresh_token'] ) && '' !== $body['refresh_token'] ? $body['refresh_token'] : null;
		Redactor::remember( $token, $refresh );
		// RFC 6749 §5.1: no scope in the answer means the scope asked for was granted.
		$scope = $body['scope'] ?? null;
		return new Token_Response(
			$token,
			isset( $body['expires_in'] ) && is_numeric( $body['expires_in'] ) && (int) $body['expires_in'] > 0 ? (int) $body['expires_in'] : null,
			is_string( $scope ) ? self::scopes( $scope ) : $requested,
			$refresh,
			time(),
			$response->server_time(),
			// RFC 7591: 0 means the secret does not expire.
			isset( $body['client_secret_expires_at'] ) && is_int( $body['client_secret_expires_at'] ) && $body['client_secret_expires_at'] > 0 ? $body['client_secret_expires_at'] : null,
			$requested
		);
	}

	/**
	 * Scopes from a space-separated list.
	 *
	 * @param string $scope Scope parameter.
	 * @return list<string>
	 */
	private static function scopes( string $scope ): array {
		return array_values( array_unique( array_filter( explode( ' ', $scope ), static fn( string $part ): bool => '' !== $part ) ) );
	}
}
