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
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Hands out the cached token until it is due for renewal; then exactly one worker renews it, under a lock
 * shared by all workers and servers, and the others keep using the old token while it is valid or wait
 * briefly for the new one. A token the API refused is renewed the same way, once for everyone. Routine
 * renewal never revokes the token it replaces: other requests may still hold it, and it expires on its own.
 * Revocation is for replacing a token on purpose (regeneration) and for credentials that changed.
 */
final class Token_Manager {

	public const LOCK = 'token';

	/**
	 * How long a worker with no usable token waits for another one's renewal, and how often it looks.
	 */
	public const WAIT_SECONDS = 10;
	private const POLL_MICROS = 100000;

	/**
	 * Seconds added to the longest renewal for the work between calls (database, decryption, logging).
	 */
	private const LOCK_MARGIN = 5;

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Who the plugin is.
	 * @param Discovery        $discovery   Where to ask.
	 * @param Token_Client     $client      The token endpoint.
	 * @param Token_Store      $store       The token in use.
	 * @param Lock             $lock        Single flight across workers.
	 * @param Site_Binding     $binding     Which site the credentials belong to.
	 * @param Token_Revoker    $revoker     Revokes tokens no longer wanted.
	 * @param float            $wait        Seconds to wait for another worker's renewal; tests pass less.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Lock $lock,
		private readonly Site_Binding $binding,
		private readonly Token_Revoker $revoker,
		private readonly float $wait = self::WAIT_SECONDS
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
		$cached      = $this->current( $credentials );
		if ( ! $force && null !== $cached && time() < $cached->renew_at() ) {
			return $cached;
		}
		// Another worker may renew it between our read and our lock: then its token is the one to use.
		$fresh = static fn( ?Cached_Token $latest ): bool => null !== $latest && time() < $latest->renew_at() && $latest->access_token !== $cached?->access_token;
		return $this->single_flight( $credentials, $cached, $fresh, ! $force && null !== $cached && $cached->is_usable( time() ) );
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
		return $this->single_flight( $credentials, $refused, $other, false, $renewing );
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
		$token = $this->current( $this->credentials->credentials() );
		if ( null !== $token ) {
			return $token;
		}
		return $this->lock->is_held( self::LOCK ) ? new Finding( 'renewal_in_progress' ) : new Finding( 'no_token' );
	}

	/**
	 * Seconds a worker may hold the renewal lock: more than the longest a renewal can take, every call at its
	 * full timeout, so that the lock never frees itself while its holder still works. Under the lock, a renewal
	 * may find out why a token was refused (discovery, the keys, introspection), find the endpoints again when
	 * that failed, try the refresh grant then the client credentials grant, ask introspection for the expiry,
	 * and revoke a token of credentials no longer in force (their discovery, two revocations).
	 */
	public function lock_ttl(): int {
		$calls = 3 * Discovery::longest() + Metadata_Fetcher::TIMEOUT
			+ 2 * $this->client->longest_grant() + 2 * $this->client->longest_introspection()
			+ 2 * Token_Client::REVOKE_TIMEOUT;
		return (int) ceil( $calls ) + self::LOCK_MARGIN;
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
		$owner = $this->lock->acquire( self::LOCK, $this->lock_ttl() );
		if ( null === $owner ) {
			return new Finding( 'renewal_in_progress', array( 'waitedSeconds' => 0 ) );
		}
		try {
			$response = $this->client->client_credentials( $endpoints, $credentials );
			if ( $response instanceof Finding ) {
				Event_Log::emit( 'token', $response->code, $response->evidence );
				return $response;
			}
			$candidate = $this->cache_form( $response, $endpoints, $credentials );
			$refused   = $prove( $candidate, $endpoints );
			if ( null !== $refused ) {
				$this->client->revoke( $endpoints, $credentials, $candidate->access_token, 'access_token' );
				Event_Log::emit( 'token', 'regeneration_refused', array( 'cause' => $refused->code ) + $refused->evidence );
				return $refused;
			}
			$previous = $this->store->get();
			$this->put( $candidate );
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
			return new Regeneration( $candidate, null !== $previous, $revoked );
		} finally {
			$this->lock->release( self::LOCK, $owner );
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
		$token = $this->cache_form( $response, $endpoints, $credentials );
		// Saving does not wait for a renewal under way: a token of the old credentials stored after this one
		// belongs to other credentials, so the next call replaces it.
		$owner = $this->lock->acquire( self::LOCK, $this->lock_ttl() );
		try {
			$old = $this->store->get();
			$this->put( $token );
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
		} finally {
			if ( null !== $owner ) {
				$this->lock->release( self::LOCK, $owner );
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

	/**
	 * Runs one renewal for all workers: the lock holder renews unless someone else already did; the others
	 * use the old token meanwhile when they may, or wait for the new one.
	 *
	 * @param Credentials       $credentials The credentials in force.
	 * @param Cached_Token|null $replaced    The token being replaced.
	 * @param \Closure          $done        Whether a stored token already replaces it.
	 * @param bool              $may_keep    Whether the replaced token may serve while another worker renews.
	 * @param \Closure|null     $renewing    Called just before this worker renews.
	 * @return Cached_Token|Finding
	 *
	 * @phpstan-param \Closure(?Cached_Token): bool $done
	 * @phpstan-param (\Closure(): void)|null $renewing
	 */
	private function single_flight( Credentials $credentials, ?Cached_Token $replaced, \Closure $done, bool $may_keep, ?\Closure $renewing = null ) {
		$owner = $this->lock->acquire( self::LOCK, $this->lock_ttl() );
		if ( null !== $owner ) {
			try {
				$stored = $this->store->get();
				$latest = null !== $stored && $stored->belongs_to( $credentials->environment, $credentials->identity() ) ? $stored : null;
				if ( $done( $latest ) && null !== $latest ) {
					return $latest;
				}
				if ( null !== $renewing ) {
					$renewing();
				}
				return $this->renew( $credentials, $latest, $stored );
			} finally {
				$this->lock->release( self::LOCK, $owner );
			}
		}
		if ( $may_keep && null !== $replaced ) {
			return $replaced;
		}
		$deadline = microtime( true ) + $this->wait;
		while ( microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$latest = $this->current( $credentials );
			if ( null !== $latest && $latest->access_token !== $replaced?->access_token && $latest->is_usable( time() ) ) {
				return $latest;
			}
		}
		// Another worker is still renewing: saying the API timed out would send the admin the wrong way.
		return new Finding( 'renewal_in_progress', array( 'waitedSeconds' => $this->wait ) );
	}

	/**
	 * Gets a new token and stores it. A refresh token is used when there is one; a refused one falls back to
	 * the client credentials grant.
	 *
	 * @param Credentials       $credentials The credentials in force.
	 * @param Cached_Token|null $previous    The token it replaces.
	 * @param Cached_Token|null $stored      The token stored when this worker took the lock, whoever it was issued to.
	 * @return Cached_Token|Finding
	 */
	private function renew( Credentials $credentials, ?Cached_Token $previous, ?Cached_Token $stored ) {
		$endpoints = $this->discovery->endpoints( $credentials );
		if ( $endpoints instanceof Finding ) {
			return $endpoints;
		}
		$response = null;
		if ( null !== $previous?->refresh_token ) {
			$response = $this->client->refresh( $endpoints, $credentials, $previous->refresh_token );
			if ( $response instanceof Finding && in_array( $response->code, array( 'invalid_grant', 'unauthorized_client' ), true ) ) {
				$response = null;
			}
		}
		$grant    = null === $response ? 'client_credentials' : 'refresh_token';
		$response = $response ?? $this->client->client_credentials( $endpoints, $credentials );
		if ( $response instanceof Finding ) {
			Event_Log::emit( 'token', $response->code, $response->evidence );
			return $response;
		}
		$stale = null === $previous ? $stored : null;
		$token = $this->cache_form( $response, $endpoints, $credentials );
		// A cache may evict the lock before its time and let a second worker renew meanwhile: the token it stored
		// is kept, and this one only serves the request that got it. Routine renewal revokes nothing, so both
		// stay valid; a server that revokes a reused refresh token's grant is healed by the next 401.
		if ( $this->store->get()?->access_token !== $stored?->access_token ) {
			return $token;
		}
		$this->put( $token );
		// A secret saved before it was bound to its addresses is bound by its first successful use.
		$this->credentials->bind_secret( $credentials, $endpoints->issuer, $endpoints->token_endpoint );
		// A token of other credentials (another profile, or settings changed in wp-config.php) is not needed again.
		if ( null !== $stale ) {
			$this->revoker->revoke_stale( $stale, $this->credentials->credentials( $stale->environment ) );
		}
		Event_Log::emit(
			'token',
			null === $previous ? 'issued' : 'renewed',
			array(
				'grant'     => $grant,
				'expiresAt' => gmdate( 'c', $token->expires_at ),
				'scopes'    => $token->scopes,
			) + ( null === $response->secret_expires_at ? array() : array( 'secretExpiresAt' => gmdate( 'c', $response->secret_expires_at ) ) )
		);
		return $token;
	}

	/**
	 * A token answer as it is kept, asking introspection for the expiry when nothing else states it.
	 *
	 * @param Token_Response $response    The answer.
	 * @param Endpoints      $endpoints   Where it came from.
	 * @param Credentials    $credentials Who it was issued to.
	 */
	private function cache_form( Token_Response $response, Endpoints $endpoints, Credentials $credentials ): Cached_Token {
		$exp = null;
		if ( Cached_Token::needs_expiry( $response ) && '' !== $endpoints->introspection_endpoint ) {
			$state = $this->client->introspect( $endpoints, $credentials, $response->access_token );
			$exp   = is_array( $state ) && isset( $state['exp'] ) && is_int( $state['exp'] ) ? $state['exp'] : null;
		}
		return Cached_Token::from_response( $response, $credentials->environment, $credentials->identity(), $exp );
	}

	/**
	 * Stores a token and ties the credentials to this site's address the first time.
	 *
	 * @param Cached_Token $token The token.
	 */
	private function put( Cached_Token $token ): void {
		$this->store->put( $token );
		if ( ! $this->binding->is_bound() ) {
			$this->binding->bind();
		}
	}

	/**
	 * The stored token, if it was issued to these credentials for their profile.
	 *
	 * @param Credentials $credentials The credentials in force.
	 */
	private function current( Credentials $credentials ): ?Cached_Token {
		$token = $this->store->get();
		return null !== $token && $token->belongs_to( $credentials->environment, $credentials->identity() ) ? $token : null;
	}
}
