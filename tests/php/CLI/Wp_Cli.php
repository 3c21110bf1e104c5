<?php
/**
 * Runs the real WP-CLI against a WordPress of its own, for the command tests.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

/**
 * The commands run as separate processes (vendor/bin/wp, from Composer) against a site installed once per
 * PHPUnit run by bin/wp-site.sh, beside the test site: every test of that one runs inside a transaction that
 * another process would wait on. The site uses SQLite whatever CAUSERIE_DB says, so that its database is one
 * file, copied back before each test to start from the freshly installed site.
 */
final class Wp_Cli {

	/**
	 * Never served: the address the credentials are bound to.
	 */
	public const URL = 'http://127.0.0.1:8891';

	/**
	 * The site's directory, once installed.
	 *
	 * @var string
	 */
	private static string $site = '';

	/**
	 * Installs the site on first use, else puts its freshly installed database back.
	 *
	 * @throws \RuntimeException When the site can't be installed.
	 */
	public static function reset(): void {
		$root = dirname( __DIR__, 3 );
		if ( '' === self::$site ) {
			$suite = (string) getenv( 'WP_SUITE' );
			$suite = '' === $suite ? 'sid' : $suite;
			$site  = $root . '/.cache/sites/phpunit-cli-' . $suite;
			$core  = trim( (string) shell_exec( escapeshellarg( $root . '/bin/get-wordpress.sh' ) . ' ' . escapeshellarg( $suite ) ) );
			exec(
				'CAUSERIE_DB=sqlite FRESH=1 ' . escapeshellarg( $root . '/bin/wp-site.sh' ) . ' install '
					. escapeshellarg( $site ) . ' ' . escapeshellarg( $core ) . ' ' . escapeshellarg( self::URL ) . ' 2>&1',
				$output,
				$status
			);
			if ( 0 !== $status || ! copy( self::database( $site ), self::database( $site ) . '.installed' ) ) {
				throw new \RuntimeException( 'Could not install the WP-CLI test site: ' . implode( "\n", $output ) );
			}
			self::$site = $site;
			return;
		}
		if ( ! copy( self::database( self::$site ) . '.installed', self::database( self::$site ) ) ) {
			throw new \RuntimeException( 'Could not reset the WP-CLI test site' );
		}
	}

	/**
	 * The site's directory, once reset() installed it.
	 */
	public static function site(): string {
		return self::$site;
	}

	/**
	 * Runs `wp causerie …` and waits for it.
	 *
	 * @param string[]              $args  Arguments after `wp causerie`.
	 * @param string                $stdin What to pipe in.
	 * @param array<string, string> $env   More environment variables.
	 * @return array{status: int, stdout: string, stderr: string}
	 * @throws \RuntimeException When the process can't start.
	 */
	public static function run( array $args, string $stdin = '', array $env = array() ): array {
		return self::wait( self::start( array_merge( array( 'causerie' ), array_values( $args ) ), $stdin, $env ) );
	}

	/**
	 * Runs one of the tests' own commands (fixture-commands.php), such as `fixture posts 10`, and waits for it.
	 *
	 * @param string[] $args Arguments after `wp fixture`.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public static function fixture( array $args ): array {
		return self::wait( self::start( array_merge( array( '--require=' . __DIR__ . '/fixture-commands.php', 'fixture' ), array_values( $args ) ) ) );
	}

	/**
	 * Starts `wp …` without waiting: PHP itself, so that its process id is the command's (for kill -9).
	 *
	 * @param string[]              $args  Arguments after `wp`.
	 * @param string                $stdin What to pipe in.
	 * @param array<string, string> $env   More environment variables.
	 * @return array{process: resource, out: string, err: string}
	 * @throws \RuntimeException When the process can't start.
	 */
	public static function start( array $args, string $stdin = '', array $env = array() ): array {
		$root    = dirname( __DIR__, 3 );
		$command = array_merge( array( PHP_BINARY, $root . '/vendor/wp-cli/wp-cli/php/boot-fs.php', '--path=' . self::$site ), array_values( $args ) );
		$out     = (string) tempnam( sys_get_temp_dir(), 'causerie-cli-out' );
		$err     = (string) tempnam( sys_get_temp_dir(), 'causerie-cli-err' );
		$process = proc_open(
			$command,
			array(
				0 => array( 'pipe', 'r' ),
				1 => array( 'file', $out, 'w' ),
				2 => array( 'file', $err, 'w' ),
			),
			$pipes,
			$root,
			array_merge(
				getenv(),
				array(
					// The tests may run as root, which WP-CLI refuses unless told; no user config may change the output.
					'WP_CLI_ALLOW_ROOT'  => '1',
					'WP_CLI_CONFIG_PATH' => self::$site . '/wp-cli-none.yml',
				),
				$env
			)
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'Could not start WP-CLI' );
		}
		fwrite( $pipes[0], $stdin );
		fclose( $pipes[0] );
		return array(
			'process' => $process,
			'out'     => $out,
			'err'     => $err,
		);
	}

	/**
	 * Waits for a command started by start().
	 *
	 * @param array{process: resource, out: string, err: string} $started The command.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public static function wait( array $started ): array {
		$status = proc_close( $started['process'] );
		$stdout = (string) file_get_contents( $started['out'] );
		$stderr = (string) file_get_contents( $started['err'] );
		unlink( $started['out'] );
		unlink( $started['err'] );
		// Mustache 2.13, the newest on the package mirror (WP-CLI asks for 2.14), calls trim( null ) when WP-CLI
		// reads a command's help. Harmless, and not the plugin's: only these lines are dropped.
		$stderr = (string) preg_replace( '/^Deprecated: trim\(\): Passing null to parameter #1 \(\$string\) of type string is deprecated in \S+\/mustache\/mustache\/\S+ on line \d+\R/m', '', $stderr );
		return array(
			'status' => $status,
			'stdout' => $stdout,
			'stderr' => $stderr,
		);
	}

	/**
	 * Every stored row of the plugin in the site's database, raw, as Plugin_Storage reads the test site's.
	 *
	 * @return array<string, string>
	 */
	public static function stored(): array {
		$database = new \PDO( 'sqlite:' . self::database( self::$site ) );
		$rows     = array();
		$options  = "SELECT option_name, option_value, autoload FROM wp_options WHERE option_name LIKE 'causerie\\_%' ESCAPE '\\' OR option_name LIKE '\\_%transient\\_%causerie\\_%' ESCAPE '\\'";
		foreach ( self::rows( $database, $options ) as $row ) {
			$rows[ 'option:' . $row[0] ] = $row[1] . "\0" . $row[2];
		}
		foreach ( self::rows( $database, "SELECT user_id, meta_key, meta_value FROM wp_usermeta WHERE meta_key LIKE '%causerie%'" ) as $row ) {
			$rows[ 'usermeta:' . $row[0] . ':' . $row[1] ] = $row[2];
		}
		$rows['events'] = self::rows( $database, 'SELECT COUNT(*) FROM wp_causerie_events' )[0][0] ?? 'no table';
		ksort( $rows );
		return $rows;
	}

	/**
	 * The rows of a query, every column as a string.
	 *
	 * @param \PDO   $database The site's database.
	 * @param string $query    Query.
	 * @return list<list<string>>
	 */
	private static function rows( \PDO $database, string $query ): array {
		$statement = $database->query( $query );
		$rows      = array();
		foreach ( false === $statement ? array() : $statement->fetchAll( \PDO::FETCH_NUM ) as $row ) {
			$rows[] = array_map( static fn( mixed $cell ): string => is_scalar( $cell ) ? (string) $cell : '', array_values( (array) $row ) );
		}
		return $rows;
	}

	/**
	 * Runs a statement on the site's database, as a host's tools would behind WordPress's back.
	 *
	 * @param string $statement SQL.
	 * @return list<list<string>> The rows it returns.
	 */
	public static function sql( string $statement ): array {
		return self::rows( new \PDO( 'sqlite:' . self::database( self::$site ) ), $statement );
	}

	/**
	 * The site's SQLite database.
	 *
	 * @param string $site Site directory.
	 */
	private static function database( string $site ): string {
		return $site . '/wp-content/database/.ht.sqlite';
	}
}
