<?php
/**
 * One run of the live checks, shared by the Site Health tests of a page load.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

/**
 * Site Health asks for its asynchronous tests one by one, and each of ours reads the same live checks. The
 * first request of a burst runs them; the others, within a minute, read that run from a transient keyed by
 * the burst, so one page load calls the API once. The results hold evidence only, never a secret or a token.
 *
 * @phpstan-type Stored array{id: string, status: string, code: string, evidence: array<string, mixed>}
 */
final class Site_Health_Run {

	public const TRANSIENT = 'causerie_connector_site_health_';

	/**
	 * How long, in seconds, a run serves the requests of its burst.
	 */
	public const TTL = 60;

	/**
	 * Constructor.
	 *
	 * @param Live_Checks $checks The live checks.
	 */
	public function __construct( private readonly Live_Checks $checks ) {}

	/**
	 * The results of the burst's run, running the checks if this is its first request.
	 *
	 * @param string $burst Identifies the page load; any short string.
	 * @return array<string, Check_Result> By check id.
	 */
	public function results( string $burst ): array {
		$key    = self::TRANSIENT . substr( md5( $burst ), 0, 16 );
		$stored = self::restore( get_transient( $key ) );
		if ( null === $stored ) {
			$stored = $this->checks->run();
			set_transient( $key, array_map( static fn( Check_Result $result ): array => self::store( $result ), $stored ), self::TTL );
		}
		$results = array();
		foreach ( $stored as $result ) {
			$results[ $result->id ] = $result;
		}
		return $results;
	}

	/**
	 * A result as kept in the transient.
	 *
	 * @param Check_Result $result Result.
	 * @phpstan-return Stored
	 */
	private static function store( Check_Result $result ): array {
		return array(
			'id'       => $result->id,
			'status'   => $result->status,
			'code'     => $result->code,
			'evidence' => $result->evidence,
		);
	}

	/**
	 * The results back from the transient; null when there is no usable run.
	 *
	 * @param mixed $stored The transient's value.
	 * @return list<Check_Result>|null
	 */
	private static function restore( mixed $stored ): ?array {
		if ( ! is_array( $stored ) || array() === $stored ) {
			return null;
		}
		$results = array();
		foreach ( $stored as $result ) {
			if ( ! is_array( $result ) || ! isset( $result['id'], $result['status'], $result['code'], $result['evidence'] )
				|| ! is_string( $result['id'] ) || ! is_string( $result['status'] ) || ! is_string( $result['code'] ) || ! is_array( $result['evidence'] ) ) {
				return null;
			}
			$evidence = array();
			foreach ( $result['evidence'] as $name => $value ) {
				$evidence[ (string) $name ] = $value;
			}
			$results[] = new Check_Result( $result['id'], $result['status'], $result['code'], $evidence );
		}
		return $results;
	}
}
