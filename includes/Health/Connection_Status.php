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
use Causerie\Connector\Diagnosis\Catalog;

/**
 * Connected, attention or broken, with the diagnosis that matters most, from the last known state
 * (Connection_State) and what else is known without calling the API: the cached token and endpoints, the last
 * live checks' times. The status route, the admin notice, Site Health, the support report and the command line
 * read the state through it or through Connection_State, so they can't disagree.
 *
 * @phpstan-type Diagnosis array{code: string, severity: string, title: string, explanation: string, steps: list<string>, wizardSteps: list<string>, dashboardSteps: list<int>}
 * @phpstan-type Healed array{code: string, at: string, title: string}
 * @phpstan-type Server array{issuer: string, tokenEndpoint: string, resource: string|null, source: string, revocation: bool, introspection: bool, documentation: string|null}
 * @phpstan-type Status array{state: string, diagnosis: Diagnosis|null, since: string|null, tokenExpiresAt: string|null, nextRefreshAt: string|null, checkedAt: string|null, checkAgeSeconds: int|null, lastSuccessAt: string|null, healed: Healed|null, server: Server|null}
 */
final class Connection_Status {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Connection_State $state       The last known state.
	 * @param Token_Store      $tokens      The cached token.
	 * @param Live_Checks      $checks      The last live checks.
	 * @param Discovery        $discovery   The endpoints known, without asking.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Connection_State $state,
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
		$now       = $this->state->now();
		$token     = $this->tokens->get();
		$last      = $this->checks->last();
		$succeeded = $last['lastSuccessAt'] ?? null;
		$healed    = $last['healed'] ?? null;
		$server    = $this->discovery->cached( $this->credentials->credentials() );
		return array(
			'state'           => $now['state'],
			'diagnosis'       => self::diagnosis( $now['code'], $cron_running ),
			// Since when the diagnosis was known, when a check or a call found it.
			'since'           => null === $now['since'] ? null : gmdate( 'c', $now['since'] ),
			'tokenExpiresAt'  => null === $token ? null : gmdate( 'c', $token->expires_at ),
			'nextRefreshAt'   => null === $token ? null : gmdate( 'c', $token->renew_at() ),
			'checkedAt'       => null === $now['checkedAt'] ? null : gmdate( 'c', $now['checkedAt'] ),
			// The state's age by the server's clock, so the screen decides whether to check again without trusting the browser's.
			'checkAgeSeconds' => $this->state->age( time() ),
			'lastSuccessAt'   => is_string( $succeeded ) ? $succeeded : null,
			// The last time a check repaired the connection by itself, and what it repaired.
			'healed'          => is_array( $healed ) && is_string( $healed['code'] ?? null ) && is_string( $healed['at'] ?? null ) ? array(
				'code'  => $healed['code'],
				'at'    => $healed['at'],
				'title' => Catalog::title( $healed['code'] ),
			) : null,
			'server'          => $server?->public_view(),
		);
	}

	/**
	 * The diagnosis that matters most now, or an empty string.
	 */
	public function active_code(): string {
		return $this->state->now()['code'];
	}

	/**
	 * A diagnosis as the REST API and the notice tell it; null for no code.
	 *
	 * @param string $code         Diagnosis code, or empty.
	 * @param bool   $cron_running Whether WP-Cron runs, as far as the caller knows.
	 * @phpstan-return Diagnosis|null
	 */
	public static function diagnosis( string $code, bool $cron_running = true ): ?array {
		return '' === $code ? null : array(
			'code'     => $code,
			'severity' => Catalog::severity( $code ),
		) + Catalog::describe( $code, array( 'cronRunning' => $cron_running ) );
	}
}
