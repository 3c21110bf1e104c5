<?php
/**
 * Base class of the WP-CLI command tests.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Each test starts with a seeded sandbox and a freshly installed site, and runs `wp causerie …` as a process.
 */
abstract class Command_TestCase extends TestCase {

	/**
	 * The seeded development client's secret.
	 */
	protected const SECRET = 'sandbox-development-secret';

	/**
	 * A JWT anywhere in a text: its header always starts with eyJ, base64 of {".
	 */
	private const JWT = '/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Wp_Cli::reset();
	}

	/**
	 * Runs `wp causerie …`; PHP itself must not have printed a notice, warning or error.
	 *
	 * @param string[]              $args  Arguments after `wp causerie`.
	 * @param string                $stdin What to pipe in.
	 * @param array<string, string> $env   More environment variables.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	protected function wp( array $args, string $stdin = '', array $env = array() ): array {
		$run = Wp_Cli::run( $args, $stdin, $env );
		self::assertDoesNotMatchRegularExpression( '/ in \S+\.php on line \d+/', $run['stdout'] . $run['stderr'], 'PHP printed an error' );
		return $run;
	}

	/**
	 * Saves the seeded development client through `credentials set`, the secret piped in.
	 */
	protected function connect(): void {
		$run = $this->wp( array( 'credentials', 'set', '--client-id=wp-development', '--api-url=' . Sandbox::url(), '--secret-stdin' ), self::SECRET . "\n" );
		self::assertSame( 0, $run['status'], $run['stderr'] );
	}

	/**
	 * STDOUT decoded as one line of JSON, which it must be and nothing else.
	 *
	 * @param array{status: int, stdout: string, stderr: string} $run A run.
	 * @return array<mixed>
	 */
	protected static function json( array $run ): array {
		self::assertSame( 1, substr_count( $run['stdout'], "\n" ), 'one line: ' . $run['stdout'] );
		self::assertStringEndsWith( "\n", $run['stdout'] );
		$data = json_decode( $run['stdout'], true, 512, JSON_THROW_ON_ERROR );
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * Neither output holds a token.
	 *
	 * @param array{status: int, stdout: string, stderr: string} $run A run.
	 */
	protected static function assertNoToken( array $run ): void {
		self::assertDoesNotMatchRegularExpression( self::JWT, $run['stdout'] );
		self::assertDoesNotMatchRegularExpression( self::JWT, $run['stderr'] );
	}

	/**
	 * The live checks of a JSON run, by id.
	 *
	 * @param array{status: int, stdout: string, stderr: string} $run A `check --format=json` run.
	 * @return array<string, array<mixed>>
	 */
	protected static function checks( array $run ): array {
		$checks = array();
		foreach ( self::json( $run ) as $check ) {
			self::assertIsArray( $check );
			self::assertIsString( $check['id'] );
			$checks[ $check['id'] ] = $check;
		}
		return $checks;
	}
}
