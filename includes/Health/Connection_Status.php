<?php
/**
 * The connection's status at a glance.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Catalog;

/**
 * Connected, attention or broken, with the diagnosis that matters most, from what is known without calling
 * the API: settings, site binding, the cached token and the last live checks. The status route, the support
 * report and anything else that shows the state read it here, so they can't disagree.
 *
 * @phpstan-type Diagnosis array{code: string, severity: string, title: string, explanation: string, steps: list<string>, wizardSteps: list<string>}
 * @phpstan-type Healed array{code: string, at: string, title: string}
 * @phpstan-type Server array{issuer: string, tokenEndpoint: string, resource: string|null, source: string, revocation: bool, introspection: bool}
 * @phpstan-type Status array{state: string, diagnosis: Diagnosis|null, tokenExpiresAt: string|null, nextRefreshAt: string|null, checkedAt: string|null, lastSuccessAt: string|null, healed: Healed|null, server: Server|null}
 */
final class Connection_Status {

	/**
	 * When causes stack, the one that must be fixed first leads: nothing about a token can be fixed while the
	 * credentials are refused or belong to another environment, and a token is renewed by itself anyway.
	 */
	public const PRIORITY = array( 'configured', 'site', 'reachable', 'credentials', 'environment', 'scopes', 'token', 'api', 'clock' );

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Site_Binding     $binding     Site address binding.
	 * @param Token_Store      $tokens      The cached token.
	 * @param Live_Checks      $checks      The last live checks.
	 * @param Discovery        $discovery   The endpoints known, without asking.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Site_Binding $binding,
		private readonly Token_Store $tokens,
		private readonly Live_Checks $checks,
		private readonly Discovery $discovery
	) {}

	/**
	 * The status, as the REST API sends it.
	 *
	 * @param bool $cron_running Whether WP-Cron runs the plugin's jobs, as far as the caller knows: an expired
	 *                           token is blamed on WP-Cron only when it is known not to.
	 * @phpstan-return Status
	 */
	public function current( bool $cron_running = true ): array {
		$code       = $this->active_code();
		$severity   = '' === $code ? '' : Catalog::severity( $code );
		$token      = $this->tokens->get();
		$last       = $this->checks->last();
		$checked_at = $last['checkedAt'] ?? null;
		$succeeded  = $last['lastSuccessAt'] ?? null;
		$healed     = $last['healed'] ?? null;
		$server     = $this->discovery->cached( $this->credentials->credentials() );
		$state      = match ( $severity ) {
			''      => 'connected',
			'error' => 'broken',
			default => 'attention',
		};
		return array(
			'state'          => $state,
			'diagnosis'      => '' === $code ? null : array(
				'code'     => $code,
				'severity' => $severity,
			) + Catalog::describe( $code, array( 'cronRunning' => $cron_running ) ),
			'tokenExpiresAt' => null === $token ? null : gmdate( 'c', $token->expires_at ),
			'nextRefreshAt'  => null === $token ? null : gmdate( 'c', $token->renew_at() ),
			'checkedAt'      => is_string( $checked_at ) ? $checked_at : null,
			'lastSuccessAt'  => is_string( $succeeded ) ? $succeeded : null,
			// The last time a check repaired the connection by itself, and what it repaired.
			'healed'         => is_array( $healed ) && is_string( $healed['code'] ?? null ) && is_string( $healed['at'] ?? null ) ? array(
				'code'  => $healed['code'],
				'at'    => $healed['at'],
				'title' => Catalog::title( $healed['code'] ),
			) : null,
			'server'         => $server?->public_view(),
		);
	}

	/**
	 * The diagnosis that matters most now, or an empty string.
	 */
	public function active_code(): string {
		$credentials = $this->credentials->credentials();
		$unreadable  = Decryption_Failure::diagnosis( $credentials->secret_failure );
		if ( null !== $unreadable ) {
			return $unreadable;
		}
		if ( ! $credentials->is_complete() ) {
			return 'not_configured';
		}
		if ( $this->binding->is_paused() ) {
			return 'connection_paused';
		}
		if ( $this->binding->has_moved() ) {
			return 'site_moved';
		}
		$checks   = $this->checks->last()['checks'] ?? array();
		$problems = array();
		foreach ( is_array( $checks ) ? $checks : array() as $check ) {
			if ( is_array( $check ) && in_array( $check['status'] ?? '', array( 'error', 'warning' ), true ) && is_string( $check['id'] ?? null ) && is_string( $check['code'] ?? null ) && '' !== $check['code'] ) {
				$problems[ $check['id'] ] = $check['code'];
			}
		}
		foreach ( self::PRIORITY as $id ) {
			if ( isset( $problems[ $id ] ) ) {
				return $problems[ $id ];
			}
		}
		return '';
	}
}
