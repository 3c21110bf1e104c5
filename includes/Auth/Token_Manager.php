<?php
/**
 * Owns the access token: gets it, caches it, renews it once for everyone, replaces and forgets it.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Call_Outcome;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Hands out the cached token until it is due for renewal; then Token_Renewal renews it once for every worker.
 * A token the API refused is renewed the same way, once for everyone. Revocation is for replacing a token on
 * purpose (regeneration) and for credentials that changed.
 */
final class Token_Manager {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Who the plugin is.
	 * @param Discovery        $discovery   Where to ask.
	 * @param Token_Client     $client      The token endpoint.
	 * @param Token_Store      $store       The token in use.
	 * @param Site_Binding     $binding     Which site the credentials belong to.
	 * @param Token_Revoker    $revoker     Revokes tokens no longer wanted.
	 * @param Token_Intake     $intake      Takes in a new token.
	 * @param Token_Renewal    $renewal     Renews it once for every worker, under the lock every replacement takes.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Site_Binding $binding,
		private readonly Token_Revoker $revoker,
		private readonly Token_Intake $intake,
		private readonly Token_Renewal $renewal
	) {}

	/**
	 * A token to send now.
	 *
	 * @param bool $force Renew even if the cached one is not due (when an admin asks).
	 * @return Cached_Token|Finding
	 */
	public function token( bool $force = false ) {
		$blocked = $this->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$credentials = $this->credentials->credentials();
		$cached      = $this->store->issued_to( $credentials );
		if ( ! $force && null !== $cached && time() < $cached->renew_at() ) {
			return $cached;
		}
		// Another worker may renew it between our read and our lock: then its token is the one to use.
		$fresh = static fn( ?Cached_Token $latest ): bool => null !== $latest && time() < $latest->renew_at() && $latest->access_token !== $cached?->access_token;
		return $this->renewal->single_flight( $credentials, $cached, $fresh, ! $force && null !== $cached && $cached->is_usable( time() ) );
	}

	/**
	 * A token to use instead of one the API refused: the one another worker got meanwhile, else a new one.
	 *
	 * @param Cached_Token  $refused The token the API refused.
	 * @param \Closure|null $renewing Called only when this worker renews it, under the lock: the one place worth
	 *                               finding out why, when many requests met the same refusal.
	 * @return Cached_Token|Finding
	 *
	 * @phpstan-param (\Closure(): void)|null $renewing
	 */
	public function replace( Cached_Token $refused, ?\Closure $renewing = null ) {
		$blocked = $this->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$credentials = $this->credentials->credentials();
		$other       = static fn( ?Cached_Token $latest ): bool => null !== $latest && $latest->access_token !== $refused->access_token && $latest->is_usable( time() );
		return $this->renewal->single_flight( $credentials, $refused, $other, false, $renewing );
	}

	/**
	 * The token in hand for the credentials in force, without asking anyone or waiting: for reading state.
	 *
	 * @return Cached_Token|Finding The token, or why there is none: what stops the plugin from asking for one,
	 *                              renewal_in_progress while a worker gets one, no_token otherwise.
	 */
	public function stored() {
		$blocked = $this->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$token = $this->store->issued_to( $this->credentials->credentials() );
		if ( null !== $token ) {
			return $token;
		}
		return $this->renewal->in_progress() ? new Finding( 'renewal_in_progress' ) : new Finding( 'no_token' );
	}

	/**
	 * The endpoints of the credentials in force.
	 *
	 * @return Endpoints|Finding
	 */
	public function endpoints() {
		$credentials = $this->credentials->credentials();
		return '' === $credentials->api_url ? new Finding( 'not_configured' ) : $this->discovery->endpoints( $credentials );
	}

	/**
	 * Why no token may be requested now, or null when one may.
	 */
	public function precondition(): ?Finding {
		// A copy of the site must not act with the original's credentials until an admin says which it is.
		if ( $this->binding->is_paused() ) {
			return new Finding( 'connection_paused' );
		}
		if ( $this->binding->has_moved() ) {
			return new Finding( 'site_moved', array( 'siteUrl' => home_url() ) );
		}
		$credentials = $this->credentials->credentials();
		if ( ! $credentials->is_complete() ) {
			return new Finding( Decryption_Failure::diagnosis( $credentials->secret_failure ) ?? 'not_configured' );
		}
		return null;
	}

	/**
	 * Replaces the token on an admin's request: a new one is obtained, proven by the caller, and only then
	 * swapped in, and the one it replaces revoked with its refresh token. When anything fails the old token stays,
	 * and the new one, if any, is revoked.
	 *
	 * @param \Closure $prove Why the API refuses a candidate token, or null when it accepts it.
	 * @return Regeneration|Finding
	 *
	 * @phpstan-param \Closure(Cached_Token, Endpoints): ?Finding $prove
	 */
	public function regenerate( \Closure $prove ) {
		$blocked = $this->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$credentials = $this->credentials->credentials();
		$endpoints   = $this->discovery->endpoints( $credentials );
		if ( $endpoints instanceof Finding ) {
			return $endpoints;
		}
		$owner = $this->renewal->acquire();
		if ( null === $owner ) {
			return new Finding( 'renewal_in_progress', array( 'waitedSeconds' => 0 ) );
		}
		try {
			$response = $this->client->client_credentials( $endpoints, $credentials );
			if ( $response instanceof Finding ) {
				Event_Log::emit( 'token', $response->code, $response->evidence );
				return $response;
			}
			$candidate = $this->intake->cache_form( $response, $endpoints, $credentials );
			$refused   = $prove( $candidate, $endpoints );
			if ( null !== $refused ) {
				$this->client->revoke( $endpoints, $credentials, $candidate->access_token, 'access_token' );
				Event_Log::emit( 'token', 'regeneration_refused', array( 'cause' => $refused->code ) + $refused->evidence );
				return $refused;
			}
			$previous = $this->store->get();
			$this->intake->put( $candidate );
			$this->credentials->bind_secret( $credentials, $endpoints->issuer, $endpoints->token_endpoint );
			$revoked = null === $previous || Revocation::Revoked === $this->revoker->revoke( $previous, $credentials, $endpoints );
			Event_Log::emit(
				'token',
				'regenerated',
				array(
					'expiresAt'       => gmdate( 'c', $candidate->expires_at ),
					'scopes'          => $candidate->scopes,
					'previousRevoked' => $revoked,
				)
			);
			// The new token was proven on the API: the connection works, whatever a call saw before.
			Call_Outcome::report( null );
			return new Regeneration( $candidate, null !== $previous, $revoked );
		} finally {
			$this->renewal->release( $owner );
		}
	}

	/**
	 * Takes in the token that proved new credentials when they were saved, so saving costs no second token
	 * request. The token it replaces is revoked with the credentials it was issued to, if those changed.
	 *
	 * @param Token_Response $response    The proven answer.
	 * @param Endpoints      $endpoints   Where it came from.
	 * @param Credentials    $credentials The credentials now saved.
	 * @param Credentials    $previous    The credentials they replaced.
	 */
	public function adopt( Token_Response $response, Endpoints $endpoints, Credentials $credentials, Credentials $previous ): void {
		$token = $this->intake->cache_form( $response, $endpoints, $credentials );
		// Saving does not wait for a renewal under way: a token of the old credentials stored after this one
		// belongs to other credentials, so the next call replaces it.
		$owner = $this->renewal->acquire();
		try {
			$old = $this->store->get();
			$this->intake->put( $token );
			Event_Log::emit(
				'token',
				'issued',
				array(
					'grant'     => 'client_credentials',
					'expiresAt' => gmdate( 'c', $token->expires_at ),
					'scopes'    => $token->scopes,
				)
			);
			if ( null !== $old && $old->identity !== $token->identity ) {
				$this->revoker->revoke_stale( $old, $previous );
			}
			// Saved credentials are proven on the API before they are saved: a break they fix ends now.
			Call_Outcome::report( null );
		} finally {
			if ( null !== $owner ) {
				$this->renewal->release( $owner );
			}
		}
	}

	/**
	 * Drops the token, revoking it first when it was issued to the given credentials (best effort).
	 *
	 * @param Credentials|null $issued_to The credentials it was issued to, when they are still known.
	 */
	public function forget( ?Credentials $issued_to = null ): void {
		$old = $this->store->get();
		if ( null !== $old && null !== $issued_to ) {
			$this->revoker->revoke_stale( $old, $issued_to );
		}
		$this->store->clear();
	}
}
