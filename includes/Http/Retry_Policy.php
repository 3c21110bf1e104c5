<?php
/**
 * When to try a failed request again, and how long to wait first.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

/**
 * Only the server's own failures (5xx) and rate limits (429) are tried again, never another 4xx. The wait
 * is the server's Retry-After (seconds or an HTTP-date) when it sends one, else an exponential backoff
 * from one second. Both the number of retries and the total wait are bounded: a server that asks for
 * longer than is left of the bound is not retried, and the failure carries the delay it asked for.
 */
final class Retry_Policy {

	public const RETRIES         = 2;
	public const BACKOFF_SECONDS = 1;
	public const MAX_TOTAL_WAIT  = 5;

	/**
	 * How to wait; usleep by default.
	 *
	 * @var \Closure(float): void
	 */
	private \Closure $sleep;

	/**
	 * Constructor.
	 *
	 * @param \Closure|null $sleep Waits a number of seconds; tests pass a recorder.
	 *
	 * @phpstan-param (\Closure(float): void)|null $sleep
	 */
	public function __construct( ?\Closure $sleep = null ) {
		$this->sleep = $sleep ?? static function ( float $seconds ): void {
			usleep( (int) ( $seconds * 1000000 ) );
		};
	}

	/**
	 * The longest a call retried under this policy can take: every attempt answering at its timeout, and
	 * every wait the bound allows.
	 *
	 * @param float $timeout Seconds each attempt may take.
	 */
	public static function longest( float $timeout ): float {
		return ( self::RETRIES + 1 ) * $timeout + self::MAX_TOTAL_WAIT;
	}

	/**
	 * Whether an answer is a failure worth trying again.
	 *
	 * @param Response $response The answer.
	 */
	public static function is_retryable( Response $response ): bool {
		return 429 === $response->status || $response->status >= 500;
	}

	/**
	 * Seconds to wait before trying again after this answer, or null when it must not be tried again.
	 *
	 * @param Response $response The failed answer.
	 * @param float[]  $waits    Seconds waited before each retry made so far.
	 *
	 * @phpstan-param list<float> $waits
	 */
	public function delay( Response $response, array $waits ): ?float {
		if ( ! self::is_retryable( $response ) || count( $waits ) >= self::RETRIES ) {
			return null;
		}
		$asked = $response->retry_after();
		$delay = (float) ( $asked ?? self::BACKOFF_SECONDS * 2 ** count( $waits ) );
		return $delay <= self::MAX_TOTAL_WAIT - array_sum( $waits ) ? $delay : null;
	}

	/**
	 * Waits before a retry.
	 *
	 * @param float $seconds From delay().
	 */
	public function wait( float $seconds ): void {
		( $this->sleep )( $seconds );
	}
}
