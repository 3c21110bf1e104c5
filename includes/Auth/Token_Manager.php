<?php
/**
 * Owns the access token: gets it, caches it, renews it once for everyone.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;

/**
 * Hands out the cached token until it is due for renewal. Then exactly one worker renews it, under a
 * lock shared by all workers and servers; the others keep using the old token while it is still valid,
 * or wait briefly for the new one. A refresh token is used when there is one; the replaced access token
 * is revoked as a best effort.
 */
final class Token_Manager {

	public const LOCK     = 'token';
	public const LOCK_TTL = 30;

	/**
	 * How long a worker with no usable token waits for another one's renewal, and how often it looks.
	 */
	private const WAIT_SECONDS = 10;
	private const POLL_MICROS  = 100000;

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Who the plugin is.
	 * @param Discovery        $discovery   Where to ask.
	 * @param Token_Client     $client      The token endpoint.
	 * @param Token_Store      $store       The token in use.
	 * @param Lock             $lock        Single flight across workers.
	 * @param Site_Binding     $binding     Which site the credentials belong to.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Lock $lock,
		private readonly Site_Binding $binding
	) {}

	/**
	 * A token to send now.
	 *
	 * @param bool $force Renew even if the cached one is not due (after a 401, or when asked).
	 * @return Cached_Token|Finding
	 */
	public function token( bool $force = false ) {
		$blocked = $this->precondition();
		if ( null !== $blocked ) {
			return $blocked;
		}
		$credentials = $this->credentials->credentials();
		$cached      = $this->current( $credentials->environment );
		if ( ! $force && null !== $cached && time() < $cached->renew_at() ) {
			return $cached;
		}
		if ( $this->lock->acquire( self::LOCK, self::LOCK_TTL ) ) {
			try {
				// Another worker may have renewed it between our read and our lock.
				$latest = $this->current( $credentials->environment );
				if ( null !== $latest && time() < $latest->renew_at() && $latest->access_token !== $cached?->access_token ) {
					return $latest;
				}
				return $this->renew( $latest );
			} finally {
				$this->lock->release( self::LOCK );
			}
		}
		// Someone else is renewing: the old token serves meanwhile if it still can.
		if ( ! $force && null !== $cached && $cached->is_usable( time() ) ) {
			return $cached;
		}
		return $this->wait_for_renewal( $credentials->environment, $cached );
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
			return new Finding( Decryption_Failure::Key_Changed === $credentials->secret_failure ? 'encryption_key_changed' : 'not_configured' );
		}
		return null;
	}

	/**
	 * Drops the cached token, so the next call gets a new one.
	 */
	public function forget(): void {
		$this->store->clear();
	}

	/**
	 * Gets a new token and stores it.
	 *
	 * @param Cached_Token|null $previous The token it replaces.
	 * @return Cached_Token|Finding
	 */
	private function renew( ?Cached_Token $previous ) {
		$credentials = $this->credentials->credentials();
		$metadata    = $this->discovery->metadata( $credentials->api_url );
		if ( $metadata instanceof Finding ) {
			return $metadata;
		}
		$response = null;
		if ( null !== $previous?->refresh_token ) {
			$response = $this->client->refresh( $metadata, $credentials, $previous->refresh_token );
			// A refused refresh token is no dead end: the client credentials grant still works.
			if ( $response instanceof Finding && in_array( $response->code, array( 'invalid_grant', 'unauthorized_client' ), true ) ) {
				$response = null;
			}
		}
		$grant    = null === $response ? 'client_credentials' : 'refresh_token';
		$response = $response ?? $this->client->client_credentials( $metadata, $credentials );
		if ( $response instanceof Finding ) {
			Event_Log::emit( 'token', $response->code, $response->evidence );
			return $response;
		}
		$token = Cached_Token::from_response( $response, $credentials->environment );
		$this->store->put( $token );
		if ( ! $this->binding->is_bound() ) {
			$this->binding->bind();
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
		if ( null !== $previous && $previous->access_token !== $token->access_token && $previous->is_usable( time() ) ) {
			$this->client->revoke( $metadata, $credentials, $previous->access_token, 'access_token' );
		}
		return $token;
	}

	/**
	 * The stored token, if it belongs to this profile.
	 *
	 * @param string $environment Active profile.
	 */
	private function current( string $environment ): ?Cached_Token {
		$token = $this->store->get();
		return null !== $token && $token->environment === $environment ? $token : null;
	}

	/**
	 * Waits for the worker holding the lock to store a new token.
	 *
	 * @param string            $environment Active profile.
	 * @param Cached_Token|null $stale       The token being replaced.
	 * @return Cached_Token|Finding
	 */
	private function wait_for_renewal( string $environment, ?Cached_Token $stale ) {
		$deadline = microtime( true ) + self::WAIT_SECONDS;
		while ( microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$token = $this->current( $environment );
			if ( null !== $token && $token->access_token !== $stale?->access_token && $token->is_usable( time() ) ) {
				return $token;
			}
		}
		return new Finding( 'timeout', array( 'waitedFor' => 'token renewal by another request' ) );
	}
}
