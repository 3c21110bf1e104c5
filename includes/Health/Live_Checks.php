<?php
/**
 * The connection's live checks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Credential_Verifier;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Environment_Match;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Transport_Error;

/**
 * Runs the checks in order: configured, site address, reachable (with latency and clock skew), credentials
 * accepted, token, API call with the token in use, scopes,
 * environment. A check that can't run because an earlier one failed is skipped. The last run is kept for
 * the status screen.
 */
final class Live_Checks {

	public const OPTION = 'causerie_connector_health';

	/**
	 * Clock difference, in seconds, from which the clock check warns, and from which it fails.
	 */
	private const SKEW_WARNING = 30;
	private const SKEW_ERROR   = 300;

	/**
	 * Constructor.
	 *
	 * @param Credential_Store    $credentials Stored credentials.
	 * @param Http_Client         $http        Outbound HTTP.
	 * @param Token_Manager       $tokens      The token lifecycle.
	 * @param Api_Client          $api         Authenticated calls.
	 * @param Site_Binding        $binding     Which address the credentials belong to.
	 * @param Credential_Verifier $verifier    Asks the token endpoint whether the credentials are accepted.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Http_Client $http,
		private readonly Token_Manager $tokens,
		private readonly Api_Client $api,
		private readonly Site_Binding $binding,
		private readonly Credential_Verifier $verifier
	) {}

	/**
	 * Runs every check.
	 *
	 * @return list<Check_Result>
	 */
	public function run(): array {
		$results     = array();
		$credentials = $this->credentials->credentials();
		if ( ! $credentials->is_complete() ) {
			$code      = Decryption_Failure::Key_Changed === $credentials->secret_failure ? 'encryption_key_changed' : 'not_configured';
			$results[] = new Check_Result( 'configured', Check_Result::ERROR, $code );
			return $this->finish( $results );
		}
		$results[] = new Check_Result( 'configured', Check_Result::OK );

		$site      = $this->site();
		$results[] = $site;
		if ( Check_Result::ERROR === $site->status ) {
			return $this->finish( $results );
		}

		$reachable = $this->probe( $credentials->api_url );
		$results   = array_merge( $results, $reachable );
		if ( Check_Result::ERROR === $reachable[0]->status ) {
			return $this->finish( $results );
		}

		// The token endpoint is asked afresh: a cached token hides a secret that was since regenerated.
		// Credentials for another environment are accepted all the same; the environment check names that.
		$accepted = $this->verifier->verify( $credentials );
		if ( $accepted instanceof Finding && 'environment_mismatch' !== $accepted->code ) {
			$results[] = Check_Result::failed( 'credentials', $accepted );
			return $this->finish( $results );
		}
		$results[] = new Check_Result( 'credentials', Check_Result::OK );

		$token = $this->tokens->token();
		if ( ! $token instanceof Cached_Token ) {
			$results[] = Check_Result::failed( 'token', $token );
			return $this->finish( $results );
		}
		$results[] = new Check_Result(
			'token',
			Check_Result::OK,
			'',
			array(
				'expiresAt'   => gmdate( 'c', $token->expires_at ),
				'secondsLeft' => $token->expires_at - time(),
			)
		);

		// The token in use, as it is: renewing here would hide why the API refused it.
		$me        = $this->api->probe( $token, '/v1/me' );
		$results[] = $me instanceof Finding ? Check_Result::failed( 'api', $me ) : new Check_Result( 'api', Check_Result::OK );

		$token     = $this->tokens->token();
		$granted   = $token instanceof Cached_Token ? $token->scopes : array();
		$missing   = array_values( array_diff( $credentials->scopes, $granted ) );
		$results[] = array() === $missing
			? new Check_Result( 'scopes', Check_Result::OK, '', array( 'granted' => $granted ) )
			: new Check_Result(
				'scopes',
				Check_Result::ERROR,
				'insufficient_scope',
				array(
					'missing' => $missing,
					'granted' => $granted,
				)
			);

		// A fresh token tells what the client is now; the cached one, what it was when issued.
		$mismatch   = $accepted instanceof Finding ? $accepted : null;
		$mismatch ??= $token instanceof Cached_Token ? Environment_Match::check( $token->access_token, $credentials->environment ) : null;
		$results[] = null === $mismatch ? new Check_Result( 'environment', Check_Result::OK, '', array( 'site' => $credentials->environment ) ) : Check_Result::failed( 'environment', $mismatch );

		return $this->finish( $results );
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
	 * Reachability with latency, and the clock compared with the API's Date header.
	 *
	 * @param string $api_url API base URL.
	 * @return list<Check_Result> The reachable check, then the clock check.
	 */
	private function probe( string $api_url ): array {
		$url      = Discovery::well_known_url( $api_url );
		$response = $this->http->request( 'GET', $url );
		if ( $response instanceof Transport_Error ) {
			return array( Check_Result::failed( 'reachable', Finding::from_transport( $response, $url ) ) );
		}
		$latency  = array( 'latencyMs' => (int) round( $response->elapsed_ms ) );
		$unusable = 404 === $response->status ? null : Finding::from_unusable_response( $response, $url );
		$results  = array( null === $unusable ? new Check_Result( 'reachable', Check_Result::OK, '', $latency ) : Check_Result::failed( 'reachable', $unusable ) );

		$server_time = $response->server_time();
		if ( null === $server_time ) {
			$results[] = new Check_Result( 'clock', Check_Result::SKIPPED );
			return $results;
		}
		// The Date header has one-second resolution and the answer took a while: allow for both.
		$skew      = $server_time - (int) round( microtime( true ) - $response->elapsed_ms / 2000 );
		$evidence  = array( 'skewSeconds' => $skew );
		$status    = abs( $skew ) >= self::SKEW_ERROR ? Check_Result::ERROR : ( abs( $skew ) >= self::SKEW_WARNING ? Check_Result::WARNING : Check_Result::OK );
		$results[] = new Check_Result( 'clock', $status, Check_Result::OK === $status ? '' : 'clock_skew', $evidence );
		return $results;
	}

	/**
	 * Keeps the results for the status screen and returns them.
	 *
	 * @param Check_Result[] $results Results.
	 * @return list<Check_Result>
	 *
	 * @phpstan-param list<Check_Result> $results
	 */
	private function finish( array $results ): array {
		$now       = gmdate( 'c' );
		$succeeded = array_filter( $results, static fn( Check_Result $result ): bool => 'api' === $result->id && Check_Result::OK === $result->status );
		$previous  = $this->last()['lastSuccessAt'] ?? null;
		update_option(
			self::OPTION,
			array(
				'checkedAt'     => $now,
				'lastSuccessAt' => array() !== $succeeded ? $now : ( is_string( $previous ) ? $previous : null ),
				'checks'        => array_map( static fn( Check_Result $result ): array => $result->to_array(), $results ),
			),
			false
		);
		return $results;
	}
}
