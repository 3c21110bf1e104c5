<?php
/**
 * Replaces the token on an admin's request, proving the new one works first.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Gets a fresh token with the client credentials grant, calls the API with it, and only then swaps it in
 * and revokes the old token and refresh token. When any step fails the old token stays in place and the
 * new one, if any, is revoked, so a half-done regeneration leaves nothing behind.
 */
final class Token_Regenerator {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Discovery        $discovery   Server metadata.
	 * @param Token_Client     $client      Token endpoint client.
	 * @param Token_Store      $store       Where the token lives.
	 * @param Lock             $lock        The renewal lock shared with Token_Manager.
	 * @param Token_Manager    $tokens      Preconditions (binding, credentials) shared with every call.
	 * @param Api_Client       $api         Calls the API with the candidate token.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Lock $lock,
		private readonly Token_Manager $tokens,
		private readonly Api_Client $api
	) {}

	/**
	 * Regenerates the token.
	 *
	 * @return Regeneration|Finding
	 */
	public function regenerate() {
		$blocked = $this->tokens->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$credentials = $this->credentials->credentials();
		$metadata    = $this->discovery->metadata( $credentials->api_url );
		if ( $metadata instanceof Finding ) {
			return $metadata;
		}
		if ( ! $this->lock->acquire( Token_Manager::LOCK, Token_Manager::LOCK_TTL ) ) {
			return new Finding( 'timeout', array( 'waitedFor' => 'token renewal by another request' ) );
		}
		try {
			return $this->swap( $metadata, $credentials );
		} finally {
			$this->lock->release( Token_Manager::LOCK );
		}
	}

	/**
	 * Gets, proves and stores the new token; revokes what it replaces.
	 *
	 * @param Server_Metadata $metadata    Where to ask.
	 * @param Credentials     $credentials Who asks.
	 * @return Regeneration|Finding
	 */
	private function swap( Server_Metadata $metadata, Credentials $credentials ) {
		$response = $this->client->client_credentials( $metadata, $credentials );
		if ( $response instanceof Finding ) {
			Event_Log::emit( 'token', $response->code, $response->evidence );
			return $response;
		}
		$candidate = Cached_Token::from_response( $response, $credentials->environment );
		$refused   = Environment_Match::check( $candidate->access_token, $credentials->environment );
		if ( null === $refused ) {
			$proof   = $this->api->probe( $candidate, '/v1/me' );
			$refused = $proof instanceof Finding ? $proof : null;
		}
		if ( null !== $refused ) {
			$this->client->revoke( $metadata, $credentials, $candidate->access_token, 'access_token' );
			Event_Log::emit( 'token', 'regeneration_refused', array( 'cause' => $refused->code ) + $refused->evidence );
			return $refused;
		}

		$previous = $this->store->get();
		$this->store->put( $candidate );
		$revoked = true;
		if ( null !== $previous && $previous->access_token !== $candidate->access_token ) {
			$revoked = true === $this->client->revoke( $metadata, $credentials, $previous->access_token, 'access_token' );
			if ( null !== $previous->refresh_token ) {
				$revoked = true === $this->client->revoke( $metadata, $credentials, $previous->refresh_token, 'refresh_token' ) && $revoked;
			}
		}
		Event_Log::emit(
			'token',
			'regenerated',
			array(
				'expiresAt'       => gmdate( 'c', $candidate->expires_at ),
				'scopes'          => $candidate->scopes,
				'previousRevoked' => $revoked,
			)
		);
		return new Regeneration( $candidate, null !== $previous, $revoked );
	}
}
