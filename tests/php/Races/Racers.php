<?php
/**
 * PHP processes that race on the races site.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Source_Ids;
use Causerie\Connector\Sync\Sync_State;

/**
 * A group of real PHP processes (tests/php/Races/child.php), each loading the races site's WordPress, that
 * start their commands together: each says it is ready, and all go when the last one is, so that they meet
 * at the database (or Redis) at the same moment, as requests on several web servers do.
 */
final class Racers {

	/**
	 * The child script.
	 */
	public const CHILD = __DIR__ . '/child.php';

	/**
	 * Project root, site folder and Redis port, from the bootstrap.
	 *
	 * @var array{root: string, site: string, redis: int}
	 */
	private static array $setup = array(
		'root'  => '',
		'site'  => '',
		'redis' => 0,
	);

	/**
	 * The processes killed on purpose.
	 *
	 * @var array<int, true>
	 */
	private array $killed = array();

	/**
	 * Constructor.
	 *
	 * @param array<int, resource> $processes The processes.
	 * @param array<int, resource> $outputs   Their standard output.
	 * @param array<int, string>   $errors    Files holding their standard error.
	 * @param string               $barrier   Folder of the barrier.
	 */
	private function __construct(
		private readonly array $processes,
		private readonly array $outputs,
		private readonly array $errors,
		private readonly string $barrier
	) {}

	/**
	 * Remembers where the site is, for the children.
	 *
	 * @param string $root  Project root.
	 * @param string $site  Site folder.
	 * @param int    $redis Redis port.
	 */
	public static function configure( string $root, string $site, int $redis ): void {
		self::$setup = array(
			'root'  => $root,
			'site'  => $site,
			'redis' => $redis,
		);
	}

	/**
	 * What the site's servers share, for the tests that race with and without the object cache.
	 *
	 * @return array<string, array{string}>
	 */
	public static function caches(): array {
		return array(
			'on MariaDB alone'                   => array( 'none' ),
			'on MariaDB with Redis as its cache' => array( 'redis' ),
		);
	}

	/**
	 * A connection to the site's Redis, to fill, flush or inspect it.
	 */
	public static function redis(): \Redis {
		$redis = new \Redis();
		$redis->connect( '127.0.0.1', self::$setup['redis'] );
		return $redis;
	}

	/**
	 * One value read from the site's database.
	 *
	 * @param string $query SQL with %i, %s and %d placeholders.
	 * @param mixed  ...$args Their values.
	 *
	 * @phpstan-param literal-string $query
	 */
	public static function value( string $query, mixed ...$args ): string {
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the tests' own reads; WPCS 2.3 predates %i.
		$value = $wpdb->get_var( (string) $wpdb->prepare( $query, ...$args ) );
		return is_scalar( $value ) ? (string) $value : '';
		// phpcs:enable
	}

	/**
	 * The database's Unix time, the clock the site's servers share.
	 */
	public static function clock(): int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the database's own clock.
		return (int) self::wpdb()->get_var( 'SELECT UNIX_TIMESTAMP()' );
	}

	/**
	 * WordPress's database object.
	 *
	 * @throws \LogicException Before WordPress loaded.
	 */
	private static function wpdb(): \wpdb {
		global $wpdb;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new \LogicException( 'WordPress database not loaded' );
		}
		return $wpdb;
	}

	/**
	 * Forgets what a race left: locks, the token, the sync's state and site key, the queue, Redis's keys and its memory limit.
	 */
	public static function forget(): void {
		$wpdb = self::wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- the tests' own rows; WPCS 2.3 predates %i.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name LIKE %s OR option_name IN (%s, %s, %s)', $wpdb->options, 'causerie\\_lock\\_%', Token_Store::OPTION, Sync_State::OPTION, Source_Ids::OPTION ) );
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i', Queue::table() ) );
		// phpcs:enable
		$redis = self::redis();
		$redis->config( 'SET', 'maxmemory', '0' );
		$redis->flushAll();
		wp_cache_flush();
	}

	/**
	 * Starts one process per command, and lets them all go once all are ready.
	 *
	 * @param list<array{0: string, 1?: array<string, mixed>, 2?: int}> $commands Each process's command, its arguments, and
	 *                                                                      how many seconds its clock is off (faketime).
	 * @param string                                                    $cache    redis: the processes use the Redis object cache; none: the database alone.
	 * @param bool                                                      $go       Whether to let them go now; else go() does.
	 * @throws \RuntimeException When a process can't start or never gets ready.
	 */
	public static function start( array $commands, string $cache, bool $go = true ): self {
		$barrier = (string) tempnam( sys_get_temp_dir(), 'causerie-races-' );
		unlink( $barrier );
		mkdir( $barrier );
		$environment = array_merge(
			getenv(),
			array(
				'CAUSERIE_OBJECT_CACHE' => $cache,
				'CAUSERIE_RACES_ROOT'   => self::$setup['root'],
				'CAUSERIE_RACES_SITE'   => self::$setup['site'],
			)
		);
		$processes   = array();
		$outputs     = array();
		$errors      = array();
		foreach ( $commands as $index => $command ) {
			$errors[ $index ] = $barrier . '/stderr-' . $index;
			$pipes            = array();
			// A server whose clock is off: libfaketime moves every clock the process reads, time() included.
			$clock   = 0 === ( $command[2] ?? 0 ) ? array() : array( 'faketime', '-f', sprintf( '%+d', $command[2] ) );
			$process = proc_open(
				array_merge( $clock, array( PHP_BINARY, self::CHILD, $command[0], (string) wp_json_encode( $command[1] ?? array() ), $barrier, (string) $index ) ),
				array(
					0 => array( 'file', '/dev/null', 'r' ),
					1 => array( 'pipe', 'w' ),
					2 => array( 'file', $errors[ $index ], 'w' ),
				),
				$pipes,
				null,
				$environment
			);
			if ( false === $process ) {
				throw new \RuntimeException( 'Could not start a racer' );
			}
			$processes[ $index ] = $process;
			$outputs[ $index ]   = $pipes[1];
		}
		$racers = new self( $processes, $outputs, $errors, $barrier );
		if ( $go ) {
			$racers->go();
		}
		return $racers;
	}

	/**
	 * Waits until every process is ready, then lets them all go at once.
	 *
	 * @throws \RuntimeException When a process never gets ready.
	 */
	public function go(): void {
		$all = count( $this->processes );
		$i   = 0;
		while ( ! $this->ready( $all ) ) {
			if ( ++$i > 1200 ) {
				throw new \RuntimeException( 'A racer never got ready: ' . $this->errors() );
			}
			usleep( 50000 );
		}
		touch( $this->barrier . '/go' );
	}

	/**
	 * Whether that many processes said they are ready.
	 *
	 * @param int $all How many.
	 */
	private function ready( int $all ): bool {
		return count( (array) glob( $this->barrier . '/ready-*' ) ) >= $all;
	}

	/**
	 * The next line a process printed, decoded, without waiting for it to end.
	 *
	 * @param int $index The process.
	 * @return array<mixed>
	 */
	public function line( int $index ): array {
		$decoded = json_decode( (string) fgets( $this->outputs[ $index ] ), true );
		return is_array( $decoded ) ? $decoded : array();
	}

	/**
	 * Kills a process at once (SIGKILL), as a crash or kill -9 does.
	 *
	 * @param int $index The process.
	 */
	public function kill( int $index ): void {
		proc_terminate( $this->processes[ $index ], 9 );
		$this->killed[ $index ] = true;
	}

	/**
	 * Waits for every process to end, and what each printed last, decoded.
	 *
	 * @return array<int, array<mixed>>
	 * @throws \RuntimeException When a process failed.
	 */
	public function results(): array {
		$results = array();
		$failed  = array();
		foreach ( $this->processes as $index => $process ) {
			$lines = array_filter( explode( "\n", (string) stream_get_contents( $this->outputs[ $index ] ) ), static fn( string $line ): bool => '' !== $line );
			fclose( $this->outputs[ $index ] );
			$status  = proc_close( $process );
			$decoded = json_decode( (string) end( $lines ), true );
			if ( 0 !== $status && ! isset( $this->killed[ $index ] ) ) {
				$failed[] = $index;
			}
			$results[ $index ] = is_array( $decoded ) ? $decoded : array();
		}
		if ( array() !== $failed ) {
			throw new \RuntimeException( 'Racers ' . implode( ', ', $failed ) . ' failed: ' . $this->errors() );
		}
		foreach ( (array) glob( $this->barrier . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->barrier );
		return $results;
	}

	/**
	 * What the processes wrote to standard error.
	 */
	private function errors(): string {
		return implode( "\n", array_map( static fn( string $file ): string => (string) file_get_contents( $file ), $this->errors ) );
	}
}
