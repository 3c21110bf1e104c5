<?php
/**
 * Tests of `wp causerie check`, run by WP-CLI against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The live checks exit 0 when connected, 2 on a warning, 3 on a failure, with only data on STDOUT.
 */
final class Check_Command_Test extends Command_TestCase {

	public function test_a_healthy_connection_passes_every_check_and_exits_0(): void {
		$this->connect();

		$run = $this->wp( array( 'check', '--format=json' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		$checks = self::checks( $run );
		self::assertSame( array( 'configured', 'site', 'reachable', 'clock', 'credentials', 'token', 'api', 'scopes', 'environment' ), array_keys( $checks ) );
		foreach ( $checks as $id => $check ) {
			self::assertSame( 'ok', $check['status'], $id );
		}
		self::assertIsArray( $checks['site']['evidence'] );
		self::assertSame( Wp_Cli::URL, $checks['site']['evidence']['siteUrl'] );
		self::assertSame( '', $run['stderr'] );
		self::assertNoToken( $run );
	}

	/**
	 * How the sandbox is broken, the exit code, and the check that must name each.
	 *
	 * @return array<string, array{\Closure(): void, int, string, string, string}>
	 */
	public static function faults(): array {
		return array(
			'the secret was regenerated and the tokens revoked: broken' => array( static fn() => Sandbox::break_secret(), Exit_Code::BROKEN, 'credentials', 'error', 'invalid_client' ),
			'the API is down: broken'               => array(
				static function (): void {
					Sandbox::control(
						'POST',
						'/faults',
						array(
							'mode'  => '503',
							'count' => 20,
						)
					);
				},
				Exit_Code::BROKEN,
				'reachable',
				'error',
				'server_error',
			),
			'the clock is 2 minutes off: attention' => array(
				static function (): void {
					Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 120 ) );
				},
				Exit_Code::ATTENTION,
				'clock',
				'warning',
				'clock_skew',
			),
		);
	}

	/**
	 * Each fault sets the exit code and is named on STDERR, while STDOUT stays pure JSON.
	 *
	 * @param \Closure $break  Breaks the sandbox.
	 * @param int      $exit   Expected exit code.
	 * @param string   $id     Check that must catch it.
	 * @param string   $status Its status.
	 * @param string   $code   Its diagnosis code.
	 *
	 * @phpstan-param \Closure(): void $break
	 */
	#[DataProvider( 'faults' )]
	public function test_a_broken_sandbox_sets_the_exit_code_and_names_the_cause( \Closure $break, int $exit, string $id, string $status, string $code ): void {
		$this->connect();
		$break();

		$run = $this->wp( array( 'check', '--format=json' ) );

		self::assertSame( $exit, $run['status'], $run['stderr'] );
		$checks = self::checks( $run );
		self::assertSame( $status, $checks[ $id ]['status'] );
		self::assertSame( $code, $checks[ $id ]['code'] );
		self::assertStringStartsWith( Exit_Code::BROKEN === $exit ? 'Error: ' : 'Warning: ', $run['stderr'] );
		self::assertStringContainsString( $id . ': ', $run['stderr'] );
		self::assertStringContainsString( '[' . $code . ']', $run['stderr'] );
	}

	public function test_without_credentials_the_first_check_fails_with_exit_3(): void {
		$run = $this->wp( array( 'check', '--format=json' ) );

		self::assertSame( Exit_Code::BROKEN, $run['status'] );
		$checks = self::checks( $run );
		self::assertSame( array( 'configured' ), array_keys( $checks ) );
		self::assertSame( 'not_configured', $checks['configured']['code'] );
	}

	public function test_csv_is_a_header_and_one_row_per_check(): void {
		$this->connect();
		Sandbox::break_secret();

		$run = $this->wp( array( 'check', '--format=csv', '--fields=id,status,code' ) );

		self::assertSame( Exit_Code::BROKEN, $run['status'] );
		self::assertSame( "id,status,code\nconfigured,ok,\nsite,ok,\nreachable,ok,\nclock,ok,\ncredentials,error,invalid_client\n", $run['stdout'] );
	}

	public function test_the_table_lists_the_checks_without_their_evidence(): void {
		$this->connect();

		$run = $this->wp( array( 'check' ) );

		self::assertSame( Exit_Code::OK, $run['status'] );
		$lines = explode( "\n", trim( $run['stdout'] ) );
		self::assertCount( 10, $lines );
		self::assertSame( array( 'id', 'status', 'code', 'message' ), preg_split( '/\s+/', $lines[0] ) );
		self::assertStringStartsWith( 'environment', $lines[9] );
	}
}
