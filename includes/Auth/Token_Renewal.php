<?php
/**
 * Renews the token once for every worker.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Call_Outcome;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Exactly one worker renews, under a lock shared by all workers and servers; the others keep using the old
 * token while it is valid or wait briefly for the new one. Every replacement of the token takes the same lock.
 * Routine renewal never revokes the token it replaces: other requests may still hold it, and it expires on its own.
 */
final class Token_Renewal {

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
	 * @param Token_Intake     $intake      Takes in a new token.
	 * @param Lock             $lock        Single flight across workers.
	 * @param Token_Revoker    $revoker     Revokes tokens no longer wanted.
	 * @param float            $wait        Seconds to wait for another worker's renewal; tests pass less.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Token_Intake $intake,
		private readonly Lock $lock,
		private readonly Token_Revoker $revoker,
		private readonly float $wait = self::WAIT_SECONDS
	) {}

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
	 * Whether a worker holds the lock now, renewing or replacing the token.
	 */
	public function in_progress(): bool {
		return $this->lock->is_held( self::LOCK );
	}

	/**
	 * Takes the lock, for replacing the token on purpose.
	 *
	 * @return string|null The owner token, to release it with; null when another worker holds it.
	 */
	public function acquire(): ?string {
		return $this->lock->acquire( self::LOCK, $this->lock_ttl() );
	}

	/**
	 * Frees the lock taken with acquire().
	 *
	 * @param string $owner The owner token.
	 */
	public function release( string $owner ): void {
		$this->lock->release( self::LOCK, $owner );
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
	public function single_flight( Credentials $credentials, ?Cached_Token $replaced, \Closure $done, bool $may_keep, ?\Closure $renewing = null ) {
		$owner = $this->acquire();
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
				$this->release( $owner );
			}
		}
		if ( $may_keep && null !== $replaced ) {
			return $replaced;
		}
		$deadline = microtime( true ) + $this->wait;
		while ( microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$latest = $this->store->issued_to( $credentials );
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
			// A refused renewal breaks the connection even when no API call follows (the renewal job's).
			Call_Outcome::report( $response );
			return $response;
		}
		$stale = null === $previous ? $stored : null;
		$token = $this->intake->cache_form( $response, $endpoints, $credentials );
		// A holder stalled past the lock's time may find that a second worker renewed meanwhile: the token it
		// stored is kept, and this one only serves the request that got it. Routine renewal revokes nothing, so both
		// stay valid; a server that revokes a reused refresh token's grant is healed by the next 401.
		if ( $this->store->get()?->access_token !== $stored?->access_token ) {
			return $token;
		}
		$this->intake->put( $token );
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
}
