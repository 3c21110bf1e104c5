<?php
/**
 * The sandbox Causerie API, for integration tests.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;

/**
 * Starts one sandbox for the whole PHPUnit run (on a free port) and drives its control API.
 */
final class Sandbox {

	/**
	 * Base URL of the running sandbox.
	 *
	 * @var string
	 */
	private static string $url = '';

	/**
	 * Starts the sandbox and stops it when PHP exits.
	 *
	 * @param string $root Project root.
	 * @throws \RuntimeException When it does not start.
	 */
	public static function start( string $root ): void {
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $probe ) {
			throw new \RuntimeException( 'No free port for the sandbox' );
		}
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		$log = $root . '/artifacts/logs/phpunit-sandbox.log';
		$pid = (int) shell_exec( // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
			sprintf(
				'cd %s && CAUSERIE_SANDBOX_PORT=%d setsid node_modules/.bin/tsx sandbox/cli.ts serve > %s 2>&1 & echo $!',
				escapeshellarg( $root ),
				$port,
				escapeshellarg( $log )
			)
		);
		register_shutdown_function( static fn() => posix_kill( -$pid, SIGTERM ) );
		for ( $i = 0; $i < 150; $i++ ) {
			if ( str_contains( (string) @file_get_contents( $log ), 'Causerie sandbox API on' ) ) { // phpcs:ignore
				self::$url = 'http://127.0.0.1:' . $port;
				return;
			}
			usleep( 100000 );
		}
		throw new \RuntimeException( 'The sandbox did not start; see ' . $log ); // phpcs:ignore WordPress.Security.EscapeOutput
	}

	/**
	 * Base URL of the sandbox, which is also its issuer.
	 */
	public static function url(): string {
		return self::$url;
	}

	/**
	 * Calls the control API.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $path   Path under /__sandbox.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return array<mixed>
	 * @throws \RuntimeException When the sandbox does not answer.
	 */
	public static function control( string $method, string $path, ?array $body = null ): array {
		$response = wp_remote_request(
			self::$url . '/__sandbox' . $path,
			array(
				'method'  => $method,
				// Fastify refuses an empty body declared as JSON.
				'headers' => null === $body ? array() : array( 'Content-Type' => 'application/json' ),
				'body'    => null === $body ? '' : (string) wp_json_encode( $body ),
				'timeout' => 10,
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new \RuntimeException( 'Sandbox control call failed: ' . $response->get_error_message() ); // phpcs:ignore WordPress.Security.EscapeOutput
		}
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		return is_array( $decoded ) ? $decoded : array();
	}

	/**
	 * Stores a seeded client's credentials in the plugin's own store for the site's profile, and binds
	 * them to the site's address, as saving them on the settings screen does.
	 *
	 * @param string $client_id A seeded client: wp-development, wp-staging, wp-production or wp-widget-only.
	 */
	public static function connect( string $client_id = 'wp-development' ): void {
		( new Credential_Store( new Encryption(), new Overrides() ) )->save(
			wp_get_environment_type(),
			array(
				'clientId'     => $client_id,
				'clientSecret' => 'sandbox-' . substr( $client_id, 3 ) . '-secret',
				'apiUrl'       => self::$url,
			)
		);
		( new Site_Binding() )->bind();
	}

	/**
	 * Whether the sandbox API accepts an access token.
	 *
	 * @param string $token Access token.
	 */
	public static function accepts( string $token ): bool {
		$response = wp_remote_get( self::$url . '/v1/me', array( 'headers' => array( 'Authorization' => 'Bearer ' . $token ) ) );
		return 200 === wp_remote_retrieve_response_code( $response );
	}

	/**
	 * Back to the seeded state with new keys and no tokens.
	 */
	public static function reset(): void {
		self::control( 'POST', '/reset', array( 'full' => true ) );
	}
}
