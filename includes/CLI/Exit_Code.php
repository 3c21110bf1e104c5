<?php
/**
 * The exit codes of the WP-CLI commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Health\Check_Result;

/**
 * Stable exit codes, so that a script can tell "the command failed" apart from "the connection is broken".
 * 1 is WP-CLI's own code for any error (bad usage, the plugin not active), so the connection's states start
 * at 2. These numbers are part of the commands' contract and listed in the README.
 */
final class Exit_Code {

	/**
	 * Done; for check and status: connected, nothing to fix.
	 */
	public const OK = 0;

	/**
	 * The command could not do what was asked (WP-CLI's usual error code).
	 */
	public const FAILED = 1;

	/**
	 * For check and status: the connection works but needs attention (a warning, no failure).
	 */
	public const ATTENTION = 2;

	/**
	 * For check and status: the connection is broken (a check failed).
	 */
	public const BROKEN = 3;

	/**
	 * The code for the outcome of the live checks: the worst status wins.
	 *
	 * @param Check_Result[] $results The checks, as run.
	 */
	public static function of_checks( array $results ): int {
		$statuses = array_map( static fn( Check_Result $result ): string => $result->status, $results );
		if ( in_array( Check_Result::ERROR, $statuses, true ) ) {
			return self::BROKEN;
		}
		return in_array( Check_Result::WARNING, $statuses, true ) ? self::ATTENTION : self::OK;
	}

	/**
	 * The code for a state of the connection status: connected, attention or broken.
	 *
	 * @param string $state The state.
	 */
	public static function of_state( string $state ): int {
		return match ( $state ) {
			'connected' => self::OK,
			'attention' => self::ATTENTION,
			default     => self::BROKEN,
		};
	}
}
