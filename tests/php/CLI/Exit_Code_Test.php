<?php
/**
 * Tests of the exit codes of the WP-CLI commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The worst check decides, and the codes are the ones the README documents.
 */
final class Exit_Code_Test extends TestCase {

	public function test_the_codes_are_the_documented_ones(): void {
		self::assertSame( array( 0, 1, 2, 3 ), array( Exit_Code::OK, Exit_Code::FAILED, Exit_Code::ATTENTION, Exit_Code::BROKEN ) );
		$readme = (string) file_get_contents( dirname( __DIR__, 3 ) . '/README.md' );
		foreach ( array( '| `0` |', '| `1` |', '| `2` |', '| `3` |' ) as $row ) {
			self::assertStringContainsString( $row, $readme );
		}
	}

	/**
	 * Statuses of a run of checks, and its exit code.
	 *
	 * @return array<string, array{list<string>, int}>
	 */
	public static function runs(): array {
		return array(
			'all ok'                     => array( array( 'ok', 'ok', 'ok' ), Exit_Code::OK ),
			'a check skipped'            => array( array( 'ok', 'skipped', 'ok' ), Exit_Code::OK ),
			'a warning'                  => array( array( 'ok', 'warning', 'ok' ), Exit_Code::ATTENTION ),
			'a warning, then a failure'  => array( array( 'ok', 'warning', 'error' ), Exit_Code::BROKEN ),
			'a failure stopping the run' => array( array( 'error' ), Exit_Code::BROKEN ),
		);
	}

	/**
	 * The worst status wins.
	 *
	 * @param string[] $statuses Statuses of the checks.
	 * @param int      $expected Exit code.
	 *
	 * @phpstan-param list<string> $statuses
	 */
	#[DataProvider( 'runs' )]
	public function test_the_worst_check_sets_the_code( array $statuses, int $expected ): void {
		$results = array_map( static fn( string $status ): Check_Result => new Check_Result( 'x', $status ), $statuses );

		self::assertSame( $expected, Exit_Code::of_checks( $results ) );
	}

	public function test_each_state_has_its_code(): void {
		self::assertSame( Exit_Code::OK, Exit_Code::of_state( 'connected' ) );
		self::assertSame( Exit_Code::ATTENTION, Exit_Code::of_state( 'attention' ) );
		self::assertSame( Exit_Code::BROKEN, Exit_Code::of_state( 'broken' ) );
	}
}
