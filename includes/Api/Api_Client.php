<?php
/**
 * The one way the plugin calls the Causerie API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Challenge;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Log\Event_Log;

/**
 * Sends authenticated calls and recovers where it can:
 * - 401 invalid_token: drop the token, get a new one once, retry once;
 * - 403 insufficient_scope: record which scope is missing;
 * - 5xx and 429: retry with bounded backoff, honouring Retry-After (Retry_Policy).
 */
final class Api_Client {

	public const MISSING_SCOPES_OPTION = 'causerie_connector_missing_scopes';

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
	 * @param Retry_Policy|null $retry       Backoff for 5xx and 429; tests pass one that records its waits.
	 */
	public function __construct(
		private readonly Token_Manager $tokens,
		private readonly Credential_Store $credentials,
		private readonly Http_Client $http,
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
	 * @return Api_Response|Finding
	 */
	public function request( string $method, string $path, ?array $body = null, float $timeout = Http_Client::DEFAULT_TIMEOUT ) {
		$token   = $this->tokens->token();
		$url     = $this->credentials->credentials()->api_url . $path;
		$renewed = false;
		$waits   = array();
		while ( true ) {
			if ( ! $token instanceof Cached_Token ) {
				return $token;
			}
			$response = $this->send( $method, $url, $token, $body, $timeout );
			if ( $response instanceof Finding ) {
				return $response;
			}
			if ( $response->status >= 200 && $response->status < 300 ) {
				return $this->success( $response, $url );
			}
			$challenge = Challenge::parse( $response->header( 'www-authenticate' ) );
			if ( 401 === $response->status && 'invalid_token' === $challenge->param( 'error' ) && ! $renewed ) {
				$renewed = true;
				$token   = $this->tokens->token( true );
				continue;
			}
			$delay = $this->retry->delay( $response, $waits );
			if ( null !== $delay ) {
				$this->retry->wait( $delay );
				$waits[] = $delay;
				continue;
			}
			return $this->finding( $response, $challenge, $url );
		}
	}

	/**
	 * Calls the API once with a given token, without renewing or retrying: proves a candidate token works.
	 *
	 * @param Cached_Token $token The token to try.
	 * @param string       $path  Path under the API URL.
	 * @return Api_Response|Finding
	 */
	public function probe( Cached_Token $token, string $path ) {
		$url      = $this->credentials->credentials()->api_url . $path;
		$response = $this->send( 'GET', $url, $token, null, Http_Client::DEFAULT_TIMEOUT );
		if ( $response instanceof Finding ) {
			return $response;
		}
		if ( $response->status >= 200 && $response->status < 300 ) {
			return $this->success( $response, $url );
		}
		return $this->finding( $response, Challenge::parse( $response->header( 'www-authenticate' ) ), $url );
	}

	/**
	 * A 2xx answer; one whose body is not JSON (a proxy's or firewall's page) is no success.
	 *
	 * @param Response $response The answer.
	 * @param string   $url      What was called.
	 * @return Api_Response|Finding
	 */
	private function success( Response $response, string $url ) {
		if ( '' === $response->body ) {
			return new Api_Response( $response->status, null );
		}
		$unusable = Finding::from_unusable_response( $response, $url );
		if ( null !== $unusable ) {
			Event_Log::emit( 'api', $unusable->code, $unusable->evidence );
			return $unusable;
		}
		return new Api_Response( $response->status, $response->json() );
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
		$response = $this->http->request( $method, $url, $headers, null === $body ? null : (string) wp_json_encode( $body ), $timeout );
		return $response instanceof Transport_Error ? Finding::from_transport( $response, $url ) : $response;
	}

	/**
	 * What a failed answer means.
	 *
	 * @param Response  $response  The answer.
	 * @param Challenge $challenge Its WWW-Authenticate challenge.
	 * @param string    $url       What was called.
	 */
	private function finding( Response $response, Challenge $challenge, string $url ): Finding {
		$finding = $this->diagnose( $response, $challenge, $url );
		Event_Log::emit( 'api', $finding->code, $finding->evidence );
		return $finding;
	}

	/**
	 * The diagnosis of a failed answer.
	 *
	 * @param Response  $response  The answer.
	 * @param Challenge $challenge Its WWW-Authenticate challenge.
	 * @param string    $url       What was called.
	 */
	private function diagnose( Response $response, Challenge $challenge, string $url ): Finding {
		$evidence = array(
			'url'              => $url,
			'status'           => $response->status,
			'error'            => $challenge->param( 'error' ),
			'errorDescription' => $challenge->param( 'error_description' ),
			'serverTime'       => $response->server_time(),
		);
		if ( 403 === $response->status && 'insufficient_scope' === $challenge->param( 'error' ) ) {
			$this->record_missing_scope( $challenge->param( 'scope' ) );
			return new Finding( 'insufficient_scope', $evidence + array( 'scope' => $challenge->param( 'scope' ) ) );
		}
		if ( 401 === $response->status && 'invalid_token' === $challenge->param( 'error' ) ) {
			return new Finding( self::token_code( $challenge->param( 'error_description' ) ), $evidence );
		}
		return Finding::from_unusable_response( $response, $url ) ?? new Finding( 'token_invalid', $evidence );
	}

	/**
	 * A diagnosis from a 401's description. RFC 6750 leaves the words to the server, so this only
	 * narrows the cause when the words are clear.
	 *
	 * @param string $description error_description.
	 */
	private static function token_code( string $description ): string {
		return match ( true ) {
			1 === preg_match( '/expired/i', $description ) => 'token_expired',
			1 === preg_match( '/revoked/i', $description ) => 'token_revoked',
			1 === preg_match( '/signature|signed|key/i', $description ) => 'token_signature_invalid',
			1 === preg_match( '/malformed/i', $description ) => 'token_malformed',
			default => 'token_invalid',
		};
	}

	/**
	 * Remembers a scope the API asked for, for the health checks and the fix wizard.
	 *
	 * @param string $scopes Space-separated scopes from the challenge.
	 */
	private function record_missing_scope( string $scopes ): void {
		$known   = get_option( self::MISSING_SCOPES_OPTION, array() );
		$missing = array_values( array_unique( array_merge( is_array( $known ) ? array_filter( $known, 'is_string' ) : array(), array_filter( explode( ' ', $scopes ), static fn( string $scope ): bool => '' !== $scope ) ) ) );
		update_option( self::MISSING_SCOPES_OPTION, $missing, false );
	}
}
