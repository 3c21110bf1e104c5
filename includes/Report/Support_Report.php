<?php
/**
 * The redacted diagnostics report an admin sends to support.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Report;

use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Log\Redactor;

/**
 * Everything support asks for first (versions, environment, settings, token schedule, status, last checks,
 * site binding, recent events), as data and as plain text. It never holds the secret, its hint or a token,
 * and the whole of it goes through the Redactor as a second line of defence. Section keys avoid the words
 * the Redactor drops (token, secret…), so that what may be shown survives it.
 *
 * @phpstan-type Report array<string, mixed>
 */
final class Support_Report {

	/**
	 * How many recent events the report holds.
	 */
	public const EVENTS = 50;

	/**
	 * Constructor.
	 *
	 * @param string            $plugin_version Plugin version.
	 * @param Credential_Store  $credentials    Stored credentials.
	 * @param Token_Store       $tokens         The cached token.
	 * @param Site_Binding      $binding        Site address binding.
	 * @param Live_Checks       $checks         The last live checks.
	 * @param Connection_Status $status         The status at a glance.
	 * @param Event_Log         $log            The event log.
	 */
	public function __construct(
		private readonly string $plugin_version,
		private readonly Credential_Store $credentials,
		private readonly Token_Store $tokens,
		private readonly Site_Binding $binding,
		private readonly Live_Checks $checks,
		private readonly Connection_Status $status,
		private readonly Event_Log $log
	) {}

	/**
	 * The report as data and as text, with when it was made.
	 *
	 * @return array{generatedAt: string, report: array<string, mixed>, text: string}
	 */
	public function generate(): array {
		$generated_at = gmdate( 'c' );
		$report       = $this->report();
		return array(
			'generatedAt' => $generated_at,
			'report'      => $report,
			'text'        => Support_Report_Text::render( $report, $generated_at ),
		);
	}

	/**
	 * The report's sections, redacted.
	 *
	 * @return array<string, mixed>
	 */
	public function report(): array {
		$status = $this->status->current();
		$last   = $this->checks->last();
		$raw    = array(
			'site'        => $this->site(),
			'status'      => array(
				'state'     => $status['state'],
				'diagnosis' => $status['diagnosis'],
				'checkedAt' => $status['checkedAt'],
				'healed'    => $status['healed'],
			),
			'settings'    => $this->settings(),
			// What discovery found from the API address; null until it ran.
			'server'      => $status['server'],
			'accessGrant' => $this->access_grant(),
			'liveChecks'  => array(
				'checkedAt' => $last['checkedAt'] ?? null,
				'checks'    => $last['checks'] ?? array(),
			),
			'binding'     => array(
				'siteUrl' => home_url(),
				'moved'   => $this->binding->has_moved(),
				'paused'  => $this->binding->is_paused(),
			),
			'events'      => $this->log->recent( '', self::EVENTS ),
		);
		// Stored check evidence holds objects: a JSON round trip turns them into arrays the Redactor walks.
		$plain    = json_decode( (string) wp_json_encode( $raw ), true );
		$redacted = Redactor::redact( is_array( $plain ) ? $plain : array() );
		$report   = array();
		foreach ( is_array( $redacted ) ? $redacted : array() as $key => $section ) {
			$report[ (string) $key ] = $section;
		}
		return $report;
	}

	/**
	 * Versions and environment.
	 *
	 * @return array<string, mixed>
	 */
	private function site(): array {
		return array(
			'pluginVersion'         => $this->plugin_version,
			'wordpressVersion'      => get_bloginfo( 'version' ),
			'phpVersion'            => PHP_VERSION,
			'multisite'             => is_multisite(),
			'environmentType'       => wp_get_environment_type(),
			'siteUrl'               => home_url(),
			'wpCronDisabled'        => defined( 'DISABLE_WP_CRON' ) && (bool) constant( 'DISABLE_WP_CRON' ),
			'persistentObjectCache' => (bool) wp_using_ext_object_cache(),
		);
	}

	/**
	 * The active profile's settings: whether a secret is set, never the secret or its hint.
	 *
	 * @return array<string, mixed>
	 */
	private function settings(): array {
		$credentials = $this->credentials->credentials();
		$locked      = array();
		foreach ( $credentials->locked as $field => $source ) {
			$locked[] = array(
				'field'  => $field,
				'source' => $source,
			);
		}
		return array(
			'activeProfile'    => $credentials->environment,
			'apiUrl'           => self::without_credentials( $credentials->api_url ),
			'issuer'           => self::without_credentials( $credentials->issuer ),
			'tokenEndpoint'    => self::without_credentials( $credentials->token_endpoint ),
			'clientId'         => $credentials->client_id,
			'clientCredential' => null !== $credentials->secret_failure ? $credentials->secret_failure->value : ( null === $credentials->secret ? 'missing' : 'set' ),
			'requestedScopes'  => $credentials->scopes,
			'lockedFields'     => $locked,
		);
	}

	/**
	 * The cached token's schedule and scopes, never the token.
	 *
	 * @return array<string, mixed>
	 */
	private function access_grant(): array {
		$token = $this->tokens->get();
		if ( null === $token ) {
			return array( 'held' => false );
		}
		return array(
			'held'             => true,
			'profile'          => $token->environment,
			'issuedAt'         => gmdate( 'c', $token->issued_at ),
			'expiresAt'        => gmdate( 'c', $token->expires_at ),
			'secondsLeft'      => $token->expires_at - time(),
			'renewAt'          => gmdate( 'c', $token->renew_at() ),
			'scopes'           => $token->scopes,
			'refreshable'      => null !== $token->refresh_token,
			'format'           => null === Jwt_Segments::decode( $token->access_token, Jwt_Segments::HEADER ) ? 'opaque' : 'jwt',
			'expiryKnown'      => $token->expiry_known,
			'clockSkewSeconds' => $token->clock_skew,
		);
	}

	/**
	 * An address without user, password, query or fragment, where credentials could hide.
	 *
	 * @param string $url Address.
	 */
	private static function without_credentials( string $url ): string {
		if ( '' === $url ) {
			return '';
		}
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! isset( $parts['host'] ) ) {
			return '(not a valid URL)';
		}
		return ( $parts['scheme'] ?? 'https' ) . '://' . $parts['host']
			. ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' )
			. ( $parts['path'] ?? '' );
	}
}
