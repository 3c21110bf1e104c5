<?php
/**
 * Revokes tokens that are no longer wanted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Log\Event_Log;

/**
 * A token replaced on purpose, or issued to credentials that changed, is revoked with the credentials it was
 * issued to, as a best effort within a short time: a server that can't revoke it (no RFC 7009 endpoint, or
 * unsupported_token_type) lets it expire.
 */
final class Token_Revoker {

	/**
	 * Constructor.
	 *
	 * @param Discovery    $discovery Where each set of credentials asks.
	 * @param Token_Client $client    The revocation endpoint.
	 */
	public function __construct(
		private readonly Discovery $discovery,
		private readonly Token_Client $client
	) {}

	/**
	 * Revokes a token and its refresh token.
	 *
	 * @param Cached_Token $token       The token.
	 * @param Credentials  $credentials The credentials it was issued to.
	 * @param Endpoints    $endpoints   Where to ask.
	 */
	public function revoke( Cached_Token $token, Credentials $credentials, Endpoints $endpoints ): Revocation {
		$revoked = $this->client->revoke( $endpoints, $credentials, $token->access_token, 'access_token' );
		// RFC 7009 §2.1: revoking the refresh token ends its grant, access tokens included, on servers that can.
		if ( null !== $token->refresh_token ) {
			$grant   = $this->client->revoke( $endpoints, $credentials, $token->refresh_token, 'refresh_token' );
			$revoked = Revocation::Revoked === $grant ? $grant : $revoked;
		}
		Event_Log::emit( 'token', 'revoked', array( 'outcome' => $revoked->value ) );
		return $revoked;
	}

	/**
	 * Revokes a token of credentials no longer in force, if those are still the credentials it was issued to:
	 * without them (a client id changed in wp-config.php, say) there is no way to, and it just expires.
	 *
	 * @param Cached_Token $token     The token.
	 * @param Credentials  $issued_to The credentials it was issued to.
	 */
	public function revoke_stale( Cached_Token $token, Credentials $issued_to ): void {
		if ( ! $issued_to->is_complete() || ! $token->belongs_to( $issued_to->environment, $issued_to->identity() ) ) {
			return;
		}
		$endpoints = $this->discovery->endpoints( $issued_to );
		if ( $endpoints instanceof Endpoints ) {
			$this->revoke( $token, $issued_to, $endpoints );
		}
	}
}
