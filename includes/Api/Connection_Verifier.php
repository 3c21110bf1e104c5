<?php
/**
 * Tries credentials before they are trusted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Discovers the server the candidate credentials name (afresh: an address just typed in must not be judged by a
 * cached answer), asks it for a token, and proves the token on the API, which also tells the environment the
 * credentials belong to: development credentials on a live site work, and that is the danger. A token that
 * proved nothing is revoked.
 */
final class Connection_Verifier {

	/**
	 * The diagnosis of a secret refused as it is entered, where invalid_client says it was probably regenerated.
	 */
	public const SECRET_MISMATCH = 'secret_mismatch';

	/**
	 * Constructor.
	 *
	 * @param Discovery    $discovery Endpoint discovery.
	 * @param Token_Client $client    Token endpoint client.
	 * @param Api_Client   $api       Proves the token.
	 */
	public function __construct(
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Api_Client $api
	) {}

	/**
	 * Whether the server grants these credentials a token that its API accepts, for their own environment.
	 *
	 * @param Credentials $candidate    Credentials to try.
	 * @param bool        $typed_secret Whether the secret was entered with this request rather than stored.
	 * @return Verified|Finding
	 */
	public function verify( Credentials $candidate, bool $typed_secret = false ) {
		$endpoints = $this->discovery->endpoints( $candidate, true );
		if ( $endpoints instanceof Finding ) {
			return $endpoints;
		}
		$response = $this->client->client_credentials( $endpoints, $candidate );
		if ( $response instanceof Finding && $typed_secret && 'invalid_client' === $response->code ) {
			// A secret refused as it is entered never worked here: mistyped or from another app, not regenerated.
			return new Finding( self::SECRET_MISMATCH, $response->evidence );
		}
		if ( $response instanceof Finding ) {
			return $response;
		}
		$token   = Cached_Token::from_response( $response, $candidate->environment, $candidate->identity() );
		$refused = $this->api->prove( $token, $endpoints, $candidate->api_url );
		if ( null !== $refused ) {
			$this->discard( new Verified( $candidate, $endpoints, $response ) );
			return $refused;
		}
		return new Verified( $candidate, $endpoints, $response );
	}

	/**
	 * Revokes the token of a verification that is not kept (a trial, or another profile's credentials).
	 *
	 * @param Verified $verified The verification.
	 */
	public function discard( Verified $verified ): void {
		$token = $verified->response->refresh_token ?? $verified->response->access_token;
		$this->client->revoke( $verified->endpoints, $verified->credentials, $token, null === $verified->response->refresh_token ? 'access_token' : 'refresh_token' );
	}
}
