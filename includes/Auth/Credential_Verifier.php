<?php
/**
 * Tries credentials before they are trusted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Discovers the server named by the candidate credentials and asks it for a token, and checks the token
 * was issued for the environment of the candidate's profile (not necessarily the site's). The token is revoked at once: it proved what it had to.
 */
final class Credential_Verifier {

	/**
	 * Constructor.
	 *
	 * @param Discovery    $discovery Endpoint discovery.
	 * @param Token_Client $tokens    Token endpoint client.
	 */
	public function __construct(
		private readonly Discovery $discovery,
		private readonly Token_Client $tokens
	) {}

	/**
	 * Whether the server grants a token to these credentials.
	 *
	 * @param Credentials $candidate Credentials to try.
	 * @return Token_Response|Finding
	 */
	public function verify( Credentials $candidate ) {
		$metadata = $this->discovery->metadata( $candidate->api_url, true );
		if ( $metadata instanceof Finding ) {
			return $metadata;
		}
		$token = $this->tokens->client_credentials( $metadata, $candidate );
		if ( $token instanceof Finding ) {
			return $token;
		}
		$this->tokens->revoke( $metadata, $candidate, $token->refresh_token ?? $token->access_token, null !== $token->refresh_token ? 'refresh_token' : 'access_token' );
		// Development credentials on a production site (or the reverse) work, and that is the danger.
		return Environment_Match::check( $token->access_token, $candidate->environment ) ?? $token;
	}
}
