<?php
/**
 * Tests of the retry policy shared by the token endpoint and the API clients.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Only 5xx and 429 are tried again, after the server's Retry-After or an exponential backoff, within a
 * bounded number of retries and a bounded total wait.
 */
final class Retry_Policy_Test extends TestCase {

	private const SERVER_DATE = 'Tue, 01 Dec 2026 10:00:00 GMT';

	/**
	 * An answer.
	 *
	 * @param int    $status      HTTP status.
	 * @param string $retry_after Retry-After value; none when empty.
	 */
	private static function answer( int $status, string $retry_after = '' ): Response {
		$headers = array( 'date' => self::SERVER_DATE );
		if ( '' !== $retry_after ) {
			$headers['retry-after'] = $retry_after;
		}
		return new Response( $status, $headers, '{}', 10.0 );
	}

	/**
	 * Answers, the waits before them, and the delay each must get (null: not tried again).
	 *
	 * @return array<string, array{int, string, list<float>, float|null}>
	 */
	public static function cases(): array {
		return array(
			'a 503, first retry after one second'        => array( 503, '', array(), 1.0 ),
			'a 500, second retry after two seconds'      => array( 500, '', array( 1.0 ), 2.0 ),
			'a 502 after two retries is not tried again' => array( 502, '', array( 1.0, 2.0 ), null ),
			'a 429 with Retry-After in seconds'          => array( 429, '3', array(), 3.0 ),
			'a 429 with Retry-After as an HTTP-date'     => array( 429, 'Tue, 01 Dec 2026 10:00:04 GMT', array(), 4.0 ),
			'a 503 with Retry-After'                     => array( 503, '2', array(), 2.0 ),
			'a Retry-After of zero'                      => array( 429, '0', array(), 0.0 ),
			'a Retry-After beyond the bound'             => array( 429, '30', array(), null ),
			'an HTTP-date beyond the bound'              => array( 503, 'Tue, 01 Dec 2026 10:01:00 GMT', array(), null ),
			'a Retry-After beyond what is left of the wait' => array( 429, '3', array( 3.0 ), null ),
			'a 400 is a refusal, never retried'          => array( 400, '', array(), null ),
			'a 401 is a refusal, never retried'          => array( 401, '', array(), null ),
			'a 403 is a refusal, never retried'          => array( 403, '1', array(), null ),
			'a 404 is a refusal, never retried'          => array( 404, '', array(), null ),
			'a success is not retried'                   => array( 200, '', array(), null ),
		);
	}

	/**
	 * Each answer gets the delay the policy promises.
	 *
	 * @param int        $status      HTTP status.
	 * @param string     $retry_after Retry-After value.
	 * @param float[]    $waits       Waits before the retries made so far.
	 * @param float|null $expected    Expected delay.
	 *
	 * @phpstan-param list<float> $waits
	 */
	#[DataProvider( 'cases' )]
	public function test_each_answer_gets_its_delay( int $status, string $retry_after, array $waits, ?float $expected ): void {
		self::assertSame( $expected, ( new Retry_Policy() )->delay( self::answer( $status, $retry_after ), $waits ) );
	}

	public function test_the_wait_goes_through_the_given_sleeper(): void {
		$slept = array();
		$retry = new Retry_Policy(
			static function ( float $seconds ) use ( &$slept ): void {
				$slept[] = $seconds;
			}
		);

		$retry->wait( 1.5 );

		self::assertSame( array( 1.5 ), $slept );
	}
}
