<?php
/**
 * The connection's status at a glance.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Codes;
use Causerie\Connector\Diagnosis\Fixes;

/**
 * Connected, attention or broken, with the diagnosis that matters most, from what is known without calling
 * the API: settings, site binding, the cached token and the last live checks. The status route, the support
 * report and anything else that shows the state read it here, so they can't disagree.
 *
 * @phpstan-type Diagnosis array{code: string, severity: string, title: string, explanation: string, steps: list<string>}
 * @phpstan-type Status array{state: string, diagnosis: Diagnosis|null, tokenExpiresAt: string|null, nextRefreshAt: string|null, checkedAt: string|null, lastSuccessAt: string|null}
 */
final class Connection_Status {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Site_Binding     $binding     Site address binding.
	 * @param Token_Store      $tokens      The cached token.
	 * @param Live_Checks      $checks      The last live checks.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Site_Binding $binding,
		private readonly Token_Store $tokens,
		private readonly Live_Checks $checks
	) {}

	/**
	 * The status, as the REST API sends it.
	 *
	 * @phpstan-return Status
	 */
	public function current(): array {
		$code       = $this->active_code();
		$severity   = '' === $code ? '' : ( Codes::all()[ $code ]['severity'] ?? 'error' );
		$token      = $this->tokens->get();
		$last       = $this->checks->last();
		$checked_at = $last['checkedAt'] ?? null;
		$succeeded  = $last['lastSuccessAt'] ?? null;
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
			) + Fixes::describe( $code ),
			'tokenExpiresAt' => null === $token ? null : gmdate( 'c', $token->expires_at ),
			'nextRefreshAt'  => null === $token ? null : gmdate( 'c', $token->renew_at() ),
			'checkedAt'      => is_string( $checked_at ) ? $checked_at : null,
			'lastSuccessAt'  => is_string( $succeeded ) ? $succeeded : null,
		);
	}

	/**
	 * The diagnosis that matters most now, or an empty string.
	 */
	public function active_code(): string {
		$credentials = $this->credentials->credentials();
		if ( Decryption_Failure::Key_Changed === $credentials->secret_failure ) {
			return 'encryption_key_changed';
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
		$checks = $this->checks->last()['checks'] ?? array();
		foreach ( is_array( $checks ) ? $checks : array() as $check ) {
			if ( is_array( $check ) && in_array( $check['status'] ?? '', array( 'error', 'warning' ), true ) && is_string( $check['code'] ?? null ) && '' !== $check['code'] ) {
				return $check['code'];
			}
		}
		return '';
	}
}
