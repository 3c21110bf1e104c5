<?php
/**
 * The connection's live checks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Environment_Match;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Proves the connection with the token in hand: one call to the API, through the same client as every
 * feature, so a revoked token or a changed signing key is healed here as anywhere else, and the check says
 * what it healed. No token is requested while a usable one is cached, and the endpoints come from their
 * cache: a check costs one outbound call. The last run is kept for the status screen.
 */
final class Live_Checks {

	public const OPTION = 'causerie_connector_health';

	/**
	 * Action fired with the results of each run, for what waits on a cause being fixed (the sync's pause).
	 */
	public const CHECKED = 'causerie_connector_checked';

	/**
	 * Clock difference, in seconds, from which the clock check warns, and from which it fails.
	 */
	private const SKEW_WARNING = 30;
	private const SKEW_ERROR   = 300;

	/**
	 * How long the last self-repair stays on the status screen.
	 */
	private const HEALED_SHOWN = DAY_IN_SECONDS;

	/**
	 * The checks in the order they are listed.
	 */
	public const ORDER = array( 'configured', 'site', 'reachable', 'clock', 'credentials', 'token', 'api', 'scopes', 'environment' );

	/**
	 * Check that a failure of each source of diagnosis belongs to.
	 */
	private const ROW_OF_SOURCE = array(
		'transport'      => 'reachable',
		'http'           => 'reachable',
		'token_endpoint' => 'credentials',
		'api'            => 'token',
		'token'          => 'token',
		'site'           => 'site',
		'storage'        => 'configured',
	);

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Token_Manager    $tokens      The token lifecycle.
	 * @param Api_Client       $api         Authenticated calls.
	 * @param Site_Binding     $binding     Which address the credentials belong to.
	 * @param Connection_State $state       The last known state, which each run updates.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Token_Manager $tokens,
		private readonly Api_Client $api,
		private readonly Site_Binding $binding,
		private readonly Connection_State $state
	) {}

	/**
	 * Runs every check.
	 *
	 * @return list<Check_Result>
	 */
	public function run(): array {
		$this->state->begin_check();
		$credentials = $this->credentials->credentials();
		if ( ! $credentials->is_complete() ) {
			$code = Decryption_Failure::diagnosis( $credentials->secret_failure ) ?? 'not_configured';
			return $this->finish( array( new Check_Result( 'configured', Check_Result::ERROR, $code ) ) );
		}
		$results = array( new Check_Result( 'configured', Check_Result::OK ), $this->site() );
		if ( Check_Result::ERROR === $results[1]->status ) {
			return $this->finish( $results );
		}
		$endpoints = $this->tokens->endpoints();
		$token     = $endpoints instanceof Finding ? $endpoints : $this->tokens->token();
		$me        = $token instanceof Finding ? $token : $this->api->request( 'GET', Api_Client::ME );
		if ( $me instanceof Finding ) {
			return $this->finish( $this->failed( $results, $me ) );
		}
		$token = $this->tokens->token();
		if ( ! $token instanceof Cached_Token ) {
			return $this->finish( $this->failed( $results, $token ) );
		}
		return $this->finish( array_merge( $results, $this->passed( $credentials, $token, $me ) ), $me->healed );
	}

	/**
	 * The last results, as kept.
	 *
	 * @return array<mixed>
	 */
	public function last(): array {
		$last = get_option( self::OPTION, array() );
		return is_array( $last ) ? $last : array();
	}

	/**
	 * The rows of a connection that works.
	 *
	 * @param Credentials  $credentials The credentials in force.
	 * @param Cached_Token $token       The token that proved it.
	 * @param Api_Response $me          The API's answer.
	 * @return list<Check_Result>
	 */
	private function passed( Credentials $credentials, Cached_Token $token, Api_Response $me ): array {
		$rows    = array( new Check_Result( 'reachable', Check_Result::OK, '', array( 'latencyMs' => (int) round( $me->elapsed_ms ) ) ) );
		$rows[]  = new Check_Result( 'credentials', Check_Result::OK, '', array( 'acceptedAt' => gmdate( 'c', $token->issued_at ) ) );
		$stated  = Environment_Match::stated( $token->access_token, $me->data );
		$refused = Environment_Match::check( $token->access_token, $me->data, $credentials->environment );
		$rows[]  = match ( true ) {
			null !== $refused => Check_Result::failed( 'environment', $refused ),
			null === $stated => new Check_Result( 'environment', Check_Result::SKIPPED, '', array( 'stated' => false ) ),
			default => new Check_Result( 'environment', Check_Result::OK, '', array( 'site' => $credentials->environment ) ),
		};
		$missing = array_values( array_diff( $credentials->scopes, $token->scopes ) );
		$scopes  = array(
			'missing' => $missing,
			'granted' => $token->scopes,
		);
		$rows[]  = array() === $missing ? new Check_Result( 'scopes', Check_Result::OK, '', $scopes ) : new Check_Result( 'scopes', Check_Result::ERROR, 'insufficient_scope', $scopes );
		$rows[]  = new Check_Result(
			'token',
			Check_Result::OK,
			'',
			array(
				'expiresAt'   => gmdate( 'c', $token->expires_at ),
				'secondsLeft' => $token->expires_at - time(),
			) + ( null === $me->healed ? array() : array(
				'healed'     => $me->healed->code,
				'obtainedAt' => gmdate( 'c', $token->issued_at ),
			) )
		);
		$rows[]  = new Check_Result( 'api', Check_Result::OK );
		$rows[]  = $this->clock( $me->server_time, $me->elapsed_ms );
		return $rows;
	}

	/**
	 * The rows up to the one that failed, and that one.
	 *
	 * @param Check_Result[] $results Rows so far.
	 * @param Finding        $finding What failed.
	 * @return list<Check_Result>
	 *
	 * @phpstan-param list<Check_Result> $results
	 */
	private function failed( array $results, Finding $finding ): array {
		$row   = 'insufficient_scope' === $finding->code ? 'scopes' : ( self::ROW_OF_SOURCE[ Catalog::source( $finding->code ) ] ?? 'api' );
		$order = array( 'reachable', 'credentials', 'environment', 'scopes', 'token' );
		foreach ( array_slice( $order, 0, (int) array_search( $row, $order, true ) ) as $passed ) {
			if ( in_array( $passed, array( 'reachable', 'credentials' ), true ) ) {
				$results[] = new Check_Result( $passed, Check_Result::OK );
			}
		}
		$warning   = 'warning' === Catalog::severity( $finding->code );
		$results[] = Check_Result::failed( $row, $finding, $warning ? Check_Result::WARNING : Check_Result::ERROR );
		$time      = $finding->evidence['serverTime'] ?? null;
		if ( is_int( $time ) ) {
			$elapsed   = $finding->evidence['elapsedMs'] ?? 0;
			$results[] = $this->clock( $time, is_int( $elapsed ) ? (float) $elapsed : 0.0 );
		}
		return $results;
	}

	/**
	 * Whether the credentials belong to this address: a copy of the site must not use them unasked.
	 */
	private function site(): Check_Result {
		$evidence = array( 'siteUrl' => home_url() );
		if ( $this->binding->is_paused() ) {
			return new Check_Result( 'site', Check_Result::ERROR, 'connection_paused', $evidence );
		}
		if ( $this->binding->has_moved() ) {
			return new Check_Result( 'site', Check_Result::ERROR, 'site_moved', $evidence );
		}
		return new Check_Result( 'site', Check_Result::OK, '', $evidence );
	}

	/**
	 * This server's clock against the API's Date header.
	 *
	 * @param int|null $server_time The API's time.
	 * @param float    $elapsed_ms  How long the answer took.
	 */
	private function clock( ?int $server_time, float $elapsed_ms ): Check_Result {
		if ( null === $server_time ) {
			return new Check_Result( 'clock', Check_Result::SKIPPED );
		}
		// The Date header has one-second resolution and the answer took a while: allow for both.
		$local  = (int) round( microtime( true ) - $elapsed_ms / 2000 );
		$skew   = $server_time - $local;
		$status = abs( $skew ) >= self::SKEW_ERROR ? Check_Result::ERROR : ( abs( $skew ) >= self::SKEW_WARNING ? Check_Result::WARNING : Check_Result::OK );
		// Both times, not only their difference: which clock is wrong is for a person to tell.
		return new Check_Result(
			'clock',
			$status,
			Check_Result::OK === $status ? '' : 'clock_skew',
			array(
				'skewSeconds' => $skew,
				'siteTime'    => gmdate( 'c', $local ),
				'apiTime'     => gmdate( 'c', $server_time ),
			)
		);
	}

	/**
	 * Keeps the results for the status screen and returns them, with the last self-repair of the day.
	 *
	 * @param Check_Result[] $results Results.
	 * @param Finding|null   $healed  What this run healed.
	 * @return list<Check_Result>
	 *
	 * @phpstan-param list<Check_Result> $results
	 */
	private function finish( array $results, ?Finding $healed = null ): array {
		usort( $results, static fn( Check_Result $a, Check_Result $b ): int => array_search( $a->id, self::ORDER, true ) <=> array_search( $b->id, self::ORDER, true ) );
		$now       = gmdate( 'c' );
		$succeeded = array_filter( $results, static fn( Check_Result $result ): bool => 'api' === $result->id && Check_Result::OK === $result->status );
		$last      = $this->last();
		$previous  = $last['lastSuccessAt'] ?? null;
		$kept      = is_array( $last['healed'] ?? null ) && is_string( $last['healed']['at'] ?? null ) && strtotime( $last['healed']['at'] ) > time() - self::HEALED_SHOWN ? $last['healed'] : null;
		update_option(
			self::OPTION,
			array(
				'checkedAt'     => $now,
				'lastSuccessAt' => array() !== $succeeded ? $now : ( is_string( $previous ) ? $previous : null ),
				'healed'        => null === $healed ? $kept : array(
					'code'     => $healed->code,
					'at'       => $now,
					'evidence' => $healed->evidence,
				),
				'checks'        => array_map( static fn( Check_Result $result ): array => $result->to_array(), $results ),
			),
			false
		);
		$this->state->record_check( $results, time() );
		do_action( self::CHECKED, $results ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
		return $results;
	}
}
