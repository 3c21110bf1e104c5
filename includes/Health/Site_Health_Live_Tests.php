<?php
/**
 * The Site Health tests that read the live checks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Auth\Environment_Match;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Diagnosis\Catalog;

/**
 * Connection, token, scopes, environment and clock, each read from one run of the live checks: the checks
 * decide, this only says which check answers which test and puts the evidence in words.
 *
 * @phpstan-import-type Result from Site_Health_Result
 */
final class Site_Health_Live_Tests {

	/**
	 * The tests, by the name their REST route uses.
	 */
	public const TESTS = array( 'connection', 'token', 'scopes', 'environment', 'clock' );

	/**
	 * The checks that must pass, in run order, for the API to be reached with a token.
	 */
	private const CONNECTION = array( 'configured', 'site', 'reachable', 'credentials', 'token', 'api' );

	/**
	 * Constructor.
	 *
	 * @param Site_Health_Run $run The run shared by a burst of requests.
	 */
	public function __construct( private readonly Site_Health_Run $run ) {}

	/**
	 * The label core shows while a test runs.
	 *
	 * @param string $test One of TESTS.
	 */
	public static function label( string $test ): string {
		return match ( $test ) {
			'connection'  => __( 'Causerie connection', 'causerie-connector' ),
			'token'       => __( 'Causerie access token', 'causerie-connector' ),
			'scopes'      => __( 'Causerie permissions (scopes)', 'causerie-connector' ),
			'environment' => __( 'Causerie environment', 'causerie-connector' ),
			default       => __( 'Server clock compared with Causerie', 'causerie-connector' ),
		};
	}

	/**
	 * Core's id of a test.
	 *
	 * @param string $test One of TESTS.
	 */
	public static function id( string $test ): string {
		return 'causerie_' . $test;
	}

	/**
	 * A test's result, from the burst's run.
	 *
	 * @param string $test  One of TESTS.
	 * @param string $burst Identifies the page load.
	 * @phpstan-return Result
	 */
	public function result( string $test, string $burst ): array {
		$checks = $this->run->results( $burst );
		return match ( $test ) {
			'connection'  => $this->connection( $checks ),
			'token'       => $this->token( $checks ),
			'scopes'      => $this->scopes( $checks ),
			'environment' => $this->environment( $checks ),
			default       => $this->clock( $checks ),
		};
	}

	/**
	 * Good when the API accepted the token; else the first check that failed on the way.
	 *
	 * @param array<string, Check_Result> $checks The run, by check id.
	 * @phpstan-return Result
	 */
	private function connection( array $checks ): array {
		$id = self::id( 'connection' );
		if ( Check_Result::OK === ( $checks['api'] ?? null )?->status ) {
			$latency = ( $checks['reachable'] ?? null )?->evidence['latencyMs'] ?? null;
			return Site_Health_Result::good(
				$id,
				__( 'The site is connected to Causerie', 'causerie-connector' ),
				is_int( $latency )
					/* translators: %d: milliseconds. */
					? sprintf( __( 'Causerie\'s API answered in %d ms and accepted this site\'s access token.', 'causerie-connector' ), $latency )
					: __( 'Causerie\'s API accepted this site\'s access token.', 'causerie-connector' )
			);
		}
		foreach ( self::CONNECTION as $step ) {
			$check = $checks[ $step ] ?? null;
			if ( null !== $check && in_array( $check->status, array( Check_Result::ERROR, Check_Result::WARNING ), true ) && '' !== $check->code ) {
				return Site_Health_Result::failed_check( $id, $check, self::http_detail( $check ) );
			}
		}
		return Site_Health_Result::not_checked( $id, __( 'The Causerie connection could not be checked', 'causerie-connector' ) );
	}

	/**
	 * The token check, or the API's refusal of the token in use; with the time left when good.
	 *
	 * @param array<string, Check_Result> $checks The run, by check id.
	 * @phpstan-return Result
	 */
	private function token( array $checks ): array {
		$id    = self::id( 'token' );
		$token = $checks['token'] ?? null;
		$api   = $checks['api'] ?? null;
		if ( null === $token ) {
			return Site_Health_Result::not_checked( $id, __( 'The Causerie access token could not be checked', 'causerie-connector' ) );
		}
		if ( Check_Result::OK !== $token->status ) {
			return Site_Health_Result::failed_check( $id, $token );
		}
		if ( null !== $api && Check_Result::OK !== $api->status && self::is_about_the_token( $api->code ) ) {
			return Site_Health_Result::failed_check( $id, $api );
		}
		$expires = $token->evidence['expiresAt'] ?? null;
		$time    = is_string( $expires ) ? strtotime( $expires ) : false;
		$healed  = $token->evidence['healed'] ?? null;
		$left    = false === $time
			? __( 'The plugin renews it on its own before it expires.', 'causerie-connector' )
			: sprintf(
				/* translators: 1: a duration such as "45 mins", 2: a date and time. */
				__( 'It expires in %1$s (%2$s); the plugin renews it on its own before then.', 'causerie-connector' ),
				human_time_diff( time(), $time ),
				Site_Health_Result::local_time( $time )
			);
		return Site_Health_Result::good(
			$id,
			__( 'The Causerie access token is valid', 'causerie-connector' ),
			! is_string( $healed ) ? $left : sprintf(
				/* translators: 1: what was wrong with the previous token, such as "The access token was revoked."; 2: when the new one expires. */
				__( '%1$s The plugin got a new one by itself. %2$s', 'causerie-connector' ),
				Catalog::title( $healed ),
				$left
			)
		);
	}

	/**
	 * The scopes check, or a refusal of the scopes by the token endpoint or the API.
	 *
	 * @param array<string, Check_Result> $checks The run, by check id.
	 * @phpstan-return Result
	 */
	private function scopes( array $checks ): array {
		$id = self::id( 'scopes' );
		// The token endpoint refuses scopes the client lacks; the API refuses a token without one it needs.
		$refusals = array(
			'credentials' => 'invalid_scope',
			'api'         => 'insufficient_scope',
		);
		foreach ( $refusals as $step => $code ) {
			$check = $checks[ $step ] ?? null;
			if ( null !== $check && $code === $check->code ) {
				return Site_Health_Result::failed_check( $id, $check );
			}
		}
		$scopes = $checks['scopes'] ?? null;
		if ( null === $scopes ) {
			return Site_Health_Result::not_checked( $id, __( 'The Causerie permissions (scopes) could not be checked', 'causerie-connector' ) );
		}
		if ( Check_Result::OK !== $scopes->status ) {
			/* translators: %s: what the missing permissions allow, such as "Update the chatbot's knowledge (write:knowledge)". */
			return Site_Health_Result::failed_check( $id, $scopes, sprintf( __( 'Missing: %s.', 'causerie-connector' ), Scopes::listed( $scopes->evidence['missing'] ?? array() ) ) );
		}
		return Site_Health_Result::good(
			$id,
			__( 'Causerie grants every permission (scope) the plugin needs', 'causerie-connector' ),
			/* translators: %s: what the granted permissions allow, such as "Show the chat widget (read:widget) and Update the chatbot's knowledge (write:knowledge)". */
			sprintf( __( 'Granted: %s.', 'causerie-connector' ), Scopes::listed( $scopes->evidence['granted'] ?? array() ) )
		);
	}

	/**
	 * The environment check.
	 *
	 * @param array<string, Check_Result> $checks The run, by check id.
	 * @phpstan-return Result
	 */
	private function environment( array $checks ): array {
		$id    = self::id( 'environment' );
		$check = $checks['environment'] ?? null;
		if ( null === $check ) {
			return Site_Health_Result::not_checked( $id, __( 'The Causerie environment could not be checked', 'causerie-connector' ) );
		}
		if ( Check_Result::OK !== $check->status ) {
			return Site_Health_Result::failed_check(
				$id,
				$check,
				sprintf(
					/* translators: 1: environment of the credentials, such as "production", 2: this site's environment type. */
					__( 'Causerie issued the token for "%1$s"; this site is "%2$s".', 'causerie-connector' ),
					self::words( $check->evidence['tokenEnvironment'] ?? '' ),
					self::words( $check->evidence['siteEnvironment'] ?? '' )
				)
			);
		}
		$profile = $check->evidence['site'] ?? '';
		return Site_Health_Result::good(
			$id,
			__( 'The Causerie credentials belong to this site\'s environment', 'causerie-connector' ),
			sprintf(
				/* translators: 1: this site's environment type, such as "staging", 2: the environment of its credentials. */
				__( 'This site is "%1$s" and uses credentials for "%2$s".', 'causerie-connector' ),
				self::words( $profile ),
				Environment_Match::expected( self::words( $profile ) )
			)
		);
	}

	/**
	 * The clock check, with the difference in words.
	 *
	 * @param array<string, Check_Result> $checks The run, by check id.
	 * @phpstan-return Result
	 */
	private function clock( array $checks ): array {
		$id    = self::id( 'clock' );
		$check = $checks['clock'] ?? null;
		if ( null === $check ) {
			return Site_Health_Result::not_checked( $id, __( 'The server clock could not be compared with Causerie\'s', 'causerie-connector' ) );
		}
		$skew = $check->evidence['skewSeconds'] ?? null;
		if ( ! is_int( $skew ) ) {
			return Site_Health_Result::good( $id, __( 'Causerie did not send its time to compare the server clock with', 'causerie-connector' ), __( 'Its answer carried no Date header. Nothing needs to be done.', 'causerie-connector' ) );
		}
		// The skew is Causerie's clock minus this server's: positive means this server is behind.
		$detail = $skew > 0
			/* translators: %d: seconds. */
			? sprintf( _n( 'This server\'s clock is %d second behind Causerie\'s.', 'This server\'s clock is %d seconds behind Causerie\'s.', $skew, 'causerie-connector' ), $skew )
			/* translators: %d: seconds. */
			: sprintf( _n( 'This server\'s clock is %d second ahead of Causerie\'s.', 'This server\'s clock is %d seconds ahead of Causerie\'s.', abs( $skew ), 'causerie-connector' ), abs( $skew ) );
		if ( Check_Result::OK !== $check->status ) {
			return Site_Health_Result::failed_check( $id, $check, $detail );
		}
		return Site_Health_Result::good( $id, __( 'The server clock agrees with Causerie\'s', 'causerie-connector' ), 0 === $skew ? __( 'Both clocks show the same time.', 'causerie-connector' ) : $detail );
	}

	/**
	 * Whether a diagnosis is about the token in use rather than about scopes or environment.
	 *
	 * @param string $code Diagnosis code.
	 */
	private static function is_about_the_token( string $code ): bool {
		$source = Catalog::source( $code );
		return in_array( $source, array( 'api', 'token' ), true ) && ! in_array( $code, array( 'insufficient_scope', 'environment_mismatch' ), true );
	}

	/**
	 * The HTTP status or transport error behind a failed check, in words; empty when there is none.
	 *
	 * @param Check_Result $check A failed check.
	 */
	private static function http_detail( Check_Result $check ): string {
		$status = $check->evidence['status'] ?? null;
		if ( is_int( $status ) ) {
			/* translators: %d: an HTTP status code. */
			return sprintf( __( 'Causerie answered with HTTP status %d.', 'causerie-connector' ), $status );
		}
		$detail = $check->evidence['detail'] ?? null;
		/* translators: %s: the error the server's HTTP library reported. */
		return is_string( $detail ) && '' !== $detail ? sprintf( __( 'The server reported: %s', 'causerie-connector' ), $detail ) : '';
	}

	/**
	 * A list of names, or one name, as text.
	 *
	 * @param mixed $value Evidence value.
	 */
	private static function words( mixed $value ): string {
		if ( is_array( $value ) ) {
			return implode( ' ', array_filter( $value, 'is_string' ) );
		}
		return is_string( $value ) ? $value : '';
	}
}
