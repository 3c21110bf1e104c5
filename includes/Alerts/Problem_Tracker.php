<?php
/**
 * Which problem the connection has, and which occurrence of it.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Alerts;

/**
 * Names the problem worth telling an administrator about (a broken connection, or one that works but warns)
 * and tells each occurrence of it apart. A notice dismissed for one problem stays dismissed while that problem lasts,
 * and shows again when the problem changes or comes back after the connection recovered.
 *
 * @phpstan-import-type Status from \Causerie\Connector\Health\Connection_Status
 */
final class Problem_Tracker {

	public const OPTION = 'causerie_connector_problem';

	/**
	 * The problem in a status: "broken:CODE" or "attention:CODE" for a warning; empty when there is none.
	 * Informational states (not set up yet, paused on purpose) are not problems.
	 *
	 * @param array<string, mixed> $status A status from Connection_Status::current().
	 *
	 * @phpstan-param Status $status
	 */
	public static function problem_of( array $status ): string {
		$diagnosis = $status['diagnosis'];
		if ( null === $diagnosis ) {
			return '';
		}
		if ( 'broken' === $status['state'] || 'warning' === $diagnosis['severity'] ) {
			return $status['state'] . ':' . $diagnosis['code'];
		}
		return '';
	}

	/**
	 * Records the problem seen now in one of the things watched, and returns a key that changes with each
	 * new occurrence of a problem.
	 *
	 * @param string $subject What is watched: "connection" or "cron".
	 * @param string $problem What is wrong with it; empty when nothing is.
	 * @return string 32 hex characters, or empty when there is no problem.
	 */
	public function observe( string $subject, string $problem ): string {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$known  = $stored[ $subject ] ?? null;
		$known  = is_array( $known ) && is_string( $known['problem'] ?? null ) && is_string( $known['occurrence'] ?? null )
			? array(
				'problem'    => $known['problem'],
				'occurrence' => $known['occurrence'],
			)
			: array(
				'problem'    => '',
				'occurrence' => '',
			);
		if ( $known['problem'] !== $problem ) {
			// Not a time: a problem that ends and comes back within a second is still a new occurrence.
			$known              = array(
				'problem'    => $problem,
				'occurrence' => wp_generate_uuid4(),
			);
			$stored[ $subject ] = $known;
			update_option( self::OPTION, $stored, false );
		}
		return '' === $problem ? '' : md5( $subject . ':' . $problem . '@' . $known['occurrence'] );
	}
}
