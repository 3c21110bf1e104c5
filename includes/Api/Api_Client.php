<?php
/**
 * The one way the plugin calls the Causerie API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Environment_Match;
use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Auth\Refusal;
use Causerie\Connector\Auth\Regeneration;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Diagnosis\Call_Outcome;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Challenge;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Log\Event_Log;

/**
 * Sends authenticated calls and recovers where it can:
 * - 401: get a new token once for all workers and retry once; the worker that renews finds out why from what
 *   can be checked (Refusal) and records what was healed;
 * - 403 insufficient_scope: name the scope the API asked for;
 * - 5xx and 429: retry with bounded backoff, honouring Retry-After (Retry_Policy).
 * Causes are told by HTTP status and RFC 6750 error codes; the server's own words are kept as evidence only.
 */
final class Api_Client {

	/**
	 * The route every deployment of the API serves, which proves a token and tells its environment.
	 */
	public const ME = '/v1/me';

	/**
	 * Bytes of an API answer read at most.
	 */
	public const MAX_BYTES = 2 * 1024 * 1024;

	/**
	 * When and how long to wait before trying again.
	 *
	 * @var Retry_Policy
	 */
	private Retry_Policy $retry;

	/**
	 * Constructor.
	 *
	 * @param Token_Manager     $tokens      The token lifecycle.
	 * @param Credential_Store  $credentials Where the API is.
	 * @param Http_Client       $http        Outbound HTTP.
	 * @param Refusal           $refusal     Tells why a token was refused.
	 * @param Retry_Policy|null $retry       Backoff for 5xx and 429; tests pass one that records its waits.
	 */
	public function __construct(
		private readonly Token_Manager $tokens,
		private readonly Credential_Store $credentials,
		private readonly Http_Client $http,
		private readonly Refusal $refusal,
		?Retry_Policy $retry = null
	) {
		$this->retry = $retry ?? new Retry_Policy();
	}

	/**
	 * Calls the API.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $path    Path under the API URL, such as /v1/me.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param float                     $timeout Seconds per attempt.
	 * @param \Closure|null             $keep    Called around each attempt: a caller's lease (the sync's rows) is
	 *                                           extended there, and it throws to stop once the caller lost it.
	 * @return Api_Response|Finding
	 *
	 * @phpstan-param (\Closure(): void)|null $keep
	 */
	public function request( string $method, string $path, ?array $body = null, float $timeout = Http_Client::DEFAULT_TIMEOUT, ?\Closure $keep = null ) {
		$outcome = $this->call( $method, $path, $body, $timeout, $keep ?? static function (): void {} );
		// Every call tells the connection's state how it went: a break shows on the next admin page, and a
		// success ends one, whichever feature made the call.
		Call_Outcome::report( $outcome instanceof Finding ? $outcome : null );
		return $outcome;
	}

	/**
	 * One call, with its renewal and retries.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $path    Path under the API URL.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param float                     $timeout Seconds per attempt.
	 * @param \Closure                  $keep    Called around each attempt.
	 * @return Api_Response|Finding
	 *
	 * @phpstan-param \Closure(): void $keep
	 */
	private function call( string $method, string $path, ?array $body, float $timeout, \Closure $keep ) {
		$token   = $this->tokens->token();
		$url     = $this->credentials->credentials()->api_url . $path;
		$healed  = null;
		$renewed = false;
		$waits   = array();
		while ( true ) {
			if ( ! $token instanceof Cached_Token ) {
				return $token;
			}
			// Around each attempt, so what lies between two calls is one attempt, one wait or one renewal.
			$keep();
			$response = $this->send( $method, $url, $token, $body, $timeout );
			$keep();
			if ( $response instanceof Finding ) {
				return $response;
			}
			if ( $response->status >= 200 && $response->status < 300 ) {
				return $this->success( $response, $url, $healed );
			}
			if ( 401 === $response->status ) {
				if ( $renewed ) {
					return $this->logged( $this->refused( $token, $response, $url ) );
				}
				$renewed = true;
				$refused = $token;
				// Only the worker that renews finds out why (JWKS, introspection) and records it: the others,
				// refused at the same moment, use its new token.
				$token = $this->tokens->replace(
					$refused,
					function () use ( $refused, $response, $url, &$healed ): void {
						$healed = $this->refused( $refused, $response, $url );
					}
				);
				if ( $token instanceof Finding ) {
					// The token could not be replaced: what refused the new one comes first.
					return $this->logged( new Finding( $token->code, $token->evidence + ( null === $healed ? array() : array( 'refusedToken' => $healed->code ) ) ) );
				}
				continue;
			}
			$delay = $this->retry->delay( $response, $waits );
			if ( null !== $delay ) {
				$this->retry->wait( $delay );
				$waits[] = $delay;
				continue;
			}
			return $this->logged( $this->diagnose( $response, $url ) );
		}
	}

	/**
	 * Calls the API once with a candidate token, without renewing or retrying, and checks the environment it
	 * serves: proves a new token before it replaces the one in use.
	 *
	 * @param Cached_Token $candidate The token to try.
	 * @param Endpoints    $endpoints Its server.
	 * @param string       $api_url   The API address it is meant for.
	 */
	public function prove( Cached_Token $candidate, Endpoints $endpoints, string $api_url ): ?Finding {
		$claims = Jwt_Segments::decode( $candidate->access_token, Jwt_Segments::CLAIMS );
		$wrong  = null === $claims ? null : Refusal::misaddressed( $claims, $endpoints );
		if ( null !== $wrong ) {
			return new Finding( $wrong[0], $wrong[1] );
		}
		$url      = $api_url . self::ME;
		$response = $this->send( 'GET', $url, $candidate, null, Http_Client::DEFAULT_TIMEOUT );
		if ( $response instanceof Finding ) {
			return $response;
		}
		if ( 401 === $response->status ) {
			return $this->refused( $candidate, $response, $url, $endpoints );
		}
		$answer = $response->status >= 200 && $response->status < 300 ? $this->success( $response, $url, null ) : $this->diagnose( $response, $url );
		return $answer instanceof Finding ? $answer : Environment_Match::check( $candidate->access_token, $answer->data, $candidate->environment );
	}

	/**
	 * The screen's and the command line's "Get a new token": a new token, proven on the API, then swapped in.
	 *
	 * @return Regeneration|Finding
	 */
	public function regenerate() {
		$api_url = $this->credentials->credentials()->api_url;
		return $this->tokens->regenerate( fn( Cached_Token $candidate, Endpoints $endpoints ): ?Finding => $this->prove( $candidate, $endpoints, $api_url ) );
	}

	/**
	 * A 2xx answer; one whose body is not JSON (a proxy's or firewall's page) is no success.
	 *
	 * @param Response     $response The answer.
	 * @param string       $url      What was called.
	 * @param Finding|null $healed   What was wrong with the token that was replaced on the way.
	 * @return Api_Response|Finding
	 */
	private function success( Response $response, string $url, ?Finding $healed ) {
		if ( null !== $healed ) {
			Event_Log::emit( 'token', 'healed', array( 'cause' => $healed->code ) + $healed->evidence );
		}
		$unusable = '' === $response->body ? null : $response->unusable( $url );
		if ( null !== $unusable ) {
			return $this->logged( $unusable );
		}
		return new Api_Response( $response->status, '' === $response->body ? null : $response->json(), $response->elapsed_ms, $response->server_time(), $healed );
	}

	/**
	 * Why the API refused a token.
	 *
	 * @param Cached_Token   $token     The token.
	 * @param Response       $response  The 401.
	 * @param string         $url       What was called.
	 * @param Endpoints|null $endpoints Its server, when already known.
	 */
	private function refused( Cached_Token $token, Response $response, string $url, ?Endpoints $endpoints = null ): Finding {
		$challenge   = Challenge::parse( $response->header( 'www-authenticate' ) );
		$evidence    = array(
			'url'              => $url,
			'status'           => 401,
			'error'            => $challenge->param( 'error' ),
			'errorDescription' => $challenge->param( 'error_description' ),
			'serverTime'       => $response->server_time(),
		);
		$endpoints ??= $this->tokens->endpoints();
		if ( ! $endpoints instanceof Endpoints ) {
			return new Finding( 'token_invalid', $evidence );
		}
		return $this->refusal->diagnose( $token, $endpoints, $this->credentials->credentials(), $response->server_time(), $evidence );
	}

	/**
	 * One attempt.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $url     Absolute URL.
	 * @param Cached_Token              $token   Bearer token.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param float                     $timeout Seconds.
	 * @return Response|Finding
	 */
	private function send( string $method, string $url, Cached_Token $token, ?array $body, float $timeout ) {
		$headers = array( 'Authorization' => 'Bearer ' . $token->access_token );
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json';
		}
		// The token's profile may be stricter than the site's, when another profile's credentials are verified.
		$response = $this->http->request( $method, $url, $headers, null === $body ? null : (string) wp_json_encode( $body ), $timeout, self::MAX_BYTES, $token->environment );
		return $response instanceof Transport_Error ? $response->finding( $url ) : $response;
	}

	/**
	 * Records a failure in the event log.
	 *
	 * @param Finding $finding What went wrong.
	 */
	private function logged( Finding $finding ): Finding {
		Event_Log::emit( 'api', $finding->code, $finding->evidence );
		return $finding;
	}

	/**
	 * The diagnosis of a failed answer other than 401, from its status and RFC 6750 error code.
	 *
	 * @param Response $response The answer.
	 * @param string   $url      What was called.
	 */
	private function diagnose( Response $response, string $url ): Finding {
		$challenge = Challenge::parse( $response->header( 'www-authenticate' ) );
		$evidence  = array(
			'url'              => $url,
			'status'           => $response->status,
			'error'            => $challenge->param( 'error' ),
			'errorDescription' => $challenge->param( 'error_description' ),
			'serverTime'       => $response->server_time(),
		);
		if ( 403 === $response->status && 'insufficient_scope' === $challenge->param( 'error' ) ) {
			return new Finding( 'insufficient_scope', $evidence + array( 'scope' => $challenge->param( 'scope' ) ) );
		}
		if ( 404 === $response->status ) {
			return new Finding( 'not_found', $evidence );
		}
		// The API's own error code, from a JSON body: 402 quota_exceeded is the account's plan, not this site.
		$body = $response->status < 500 && 429 !== $response->status ? $response->json() : null;
		$code = is_array( $body ) && is_string( $body['error'] ?? null ) ? substr( $body['error'], 0, 64 ) : null;
		if ( 402 === $response->status && 'quota_exceeded' === $code ) {
			$plan = array(
				'quota' => $body['quota'] ?? null,
				'held'  => $body['held'] ?? null,
			);
			return new Finding( 'quota_exceeded', $evidence + array_filter( $plan, 'is_int' ) );
		}
		// The bot's origins are full: the owner must remove one in the dashboard, which no retry changes.
		if ( 422 === $response->status && 'too_many_origins' === $code ) {
			return new Finding( 'too_many_origins', $evidence );
		}
		return $response->unusable( $url ) ?? new Finding( 'request_refused', $evidence + ( null === $code ? array() : array( 'apiError' => $code ) ) );
	}
}
