<?php
/**
 * A server that records every request it gets, for the tests where the secret must not leave.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

/**
 * PHP's built-in server on a free port, answering 404 to everything and writing each request (method, path,
 * headers, body) to a log: an address someone would like the secret sent to. One for the whole run.
 */
final class Listener {

	/**
	 * Its address, once started.
	 *
	 * @var string
	 */
	private static string $url = '';

	/**
	 * The log of requests, one JSON document per line.
	 *
	 * @var string
	 */
	private static string $log = '';

	/**
	 * Its address, starting it the first time; its log emptied.
	 *
	 * @throws \RuntimeException When it does not start.
	 */
	public static function url(): string {
		if ( '' === self::$url ) {
			self::start();
		}
		file_put_contents( self::$log, '' );
		return self::$url;
	}

	/**
	 * Every request received since url() was last called, whose headers or body hold the text: as is,
	 * form-encoded, or inside HTTP Basic credentials.
	 *
	 * @param string $text Such as a client secret.
	 * @return list<string> The requests' method and path.
	 */
	public static function received( string $text ): array {
		$found = array();
		foreach ( self::lines() as $line ) {
			$request = json_decode( $line, true );
			if ( ! is_array( $request ) ) {
				continue;
			}
			$seen = (string) wp_json_encode( $request, JSON_UNESCAPED_SLASHES );
			foreach ( is_array( $request['headers'] ?? null ) ? $request['headers'] : array() as $value ) {
				if ( is_string( $value ) && 1 === preg_match( '/^Basic\s+(\S+)/i', $value, $basic ) ) {
					$seen .= ' ' . urldecode( (string) base64_decode( $basic[1], true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- reading what a client sent.
				}
			}
			if ( str_contains( $seen, $text ) || str_contains( $seen, rawurlencode( $text ) ) || str_contains( urldecode( $seen ), $text ) ) {
				$found[] = ( is_string( $request['method'] ?? null ) ? $request['method'] : '' ) . ' ' . ( is_string( $request['uri'] ?? null ) ? $request['uri'] : '' );
			}
		}
		return $found;
	}

	/**
	 * How many requests it received since url() was last called.
	 */
	public static function count(): int {
		return count( self::lines() );
	}

	/**
	 * The log's lines.
	 *
	 * @return list<string>
	 */
	private static function lines(): array {
		$lines = file( self::$log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES );
		return false === $lines ? array() : $lines;
	}

	/**
	 * Starts the server and stops it when PHP exits.
	 *
	 * @throws \RuntimeException When it does not start.
	 */
	private static function start(): void {
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $probe ) {
			throw new \RuntimeException( 'No free port for the listener' );
		}
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe );
		$dir = sys_get_temp_dir() . '/causerie-listener-' . getmypid();
		if ( ! is_dir( $dir ) ) {
			mkdir( $dir );
		}
		self::$log = $dir . '/requests.log';
		file_put_contents( self::$log, '' );
		$router = $dir . '/router.php';
		file_put_contents(
			$router,
			'<?php' . "\n"
				. 'file_put_contents( ' . var_export( self::$log, true ) . ', json_encode( array( "method" => $_SERVER["REQUEST_METHOD"], "uri" => $_SERVER["REQUEST_URI"], "headers" => getallheaders(), "body" => file_get_contents( "php://input" ) ) ) . "\n", FILE_APPEND | LOCK_EX );' . "\n" // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes the log's path as a PHP literal into the listener's script.
				. 'http_response_code( 404 ); header( "Content-Type: application/json" ); echo "{\"error\":\"not_found\"}";' . "\n"
		);
		$pid = (int) shell_exec( sprintf( 'setsid %s -S 127.0.0.1:%d %s > %s 2>&1 & echo $!', escapeshellarg( PHP_BINARY ), $port, escapeshellarg( $router ), escapeshellarg( $dir . '/server.log' ) ) );
		register_shutdown_function( static fn() => posix_kill( -$pid, SIGTERM ) );
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $port ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- refused until it listens.
			if ( false !== $socket ) {
				fclose( $socket );
				self::$url = 'http://127.0.0.1:' . $port;
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( 'The listener did not start' );
	}
}
