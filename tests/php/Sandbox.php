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
 * Starts one sandbox for the whole PHPUnit run (on a free port) and drives its control API. A second one, with
 * the authorization server and the API on two origins, starts the first time a test asks for it.
 */
final class Sandbox {

	/**
	 * Base URL of the running sandbox.
	 *
	 * @var string
	 */
	private static string $url = '';

	/**
	 * Issuer and API address of the split-origin sandbox, once started.
	 *
	 * @var array{string, string}|null
	 */
	private static ?array $split = null;

	/**
	 * Project root, where the sandbox is started from.
	 *
	 * @var string
	 */
	private static string $root = '';

	/**
	 * Starts the sandbox and stops it when PHP exits.
	 *
	 * @param string $root Project root.
	 */
	public static function start( string $root ): void {
		self::$root = $root;
		self::$url  = self::launch( 'phpunit-sandbox', '' )[0];
	}

	/**
	 * Starts a sandbox process on a free port and waits for its banner.
	 *
	 * @param string $name  Log name.
	 * @param string $modes CAUSERIE_SANDBOX_MODES.
	 * @return array{string, string} Its issuer and its API address.
	 * @throws \RuntimeException When it does not start.
	 */
	private static function launch( string $name, string $modes ): array {
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $probe ) {
			throw new \RuntimeException( 'No free port for the sandbox' );
		}
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe );
		$log = self::$root . '/artifacts/logs/' . $name . '.log';
		$pid = (int) shell_exec(
			sprintf(
				'cd %s && CAUSERIE_SANDBOX_PORT=%d CAUSERIE_SANDBOX_MODES=%s setsid node_modules/.bin/tsx sandbox/cli.ts serve > %s 2>&1 & echo $!',
				escapeshellarg( self::$root ),
				$port,
				escapeshellarg( $modes ),
				escapeshellarg( $log )
			)
		);
		register_shutdown_function( static fn() => posix_kill( -$pid, SIGTERM ) );
		for ( $i = 0; $i < 150; $i++ ) {
			$banner = (string) @file_get_contents( $log ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the log may not be written yet.
			if ( str_contains( $banner, 'Causerie sandbox API on' ) ) {
				$api = 1 === preg_match( '#protected API on (http://[0-9.:]+)#', $banner, $match ) ? $match[1] : 'http://127.0.0.1:' . $port;
				return array( 'http://127.0.0.1:' . $port, $api );
			}
			usleep( 100000 );
		}
		throw new \RuntimeException( 'The sandbox did not start; see ' . $log );
	}

	/**
	 * Base URL of the sandbox, which is also its issuer.
	 */
	public static function url(): string {
		return self::$url;
	}

	/**
	 * The split-origin sandbox: its issuer and its API address (which publishes RFC 9728 metadata). Reset to its
	 * seed with new keys and no tokens.
	 *
	 * @return array{string, string}
	 */
	public static function split(): array {
		self::$split ??= self::launch( 'phpunit-sandbox-split', 'split' );
		self::control( 'POST', '/reset', array( 'full' => true ), self::$split[0] );
		return self::$split;
	}

	/**
	 * The fields to save for a seeded client, against the default sandbox or another base.
	 *
	 * @param string $client_id A seeded client: wp-development, wp-staging, wp-production or wp-widget-only.
	 * @param string $api_url   API address; the default sandbox's by default.
	 * @return array{clientId: string, clientSecret: string, apiUrl: string}
	 */
	public static function credentials( string $client_id = 'wp-development', string $api_url = '' ): array {
		return array(
			'clientId'     => $client_id,
			'clientSecret' => 'sandbox-' . substr( $client_id, 3 ) . '-secret',
			'apiUrl'       => '' === $api_url ? self::$url : $api_url,
		);
	}

	/**
	 * How many token requests reached a sandbox, for every client.
	 *
	 * @param string $base Sandbox; the default one by default.
	 */
	public static function token_requests( string $base = '' ): int {
		$counters = self::control( 'GET', '/counters', null, $base );
		$total    = 0;
		foreach ( is_array( $counters['tokenRequests'] ?? null ) ? $counters['tokenRequests'] : array() as $methods ) {
			$total += is_array( $methods ) ? (int) array_sum( $methods ) : 0;
		}
		return $total;
	}

	/**
	 * How many revocations a sandbox accepted, for one client or all.
	 *
	 * @param string $client_id Client; every client when empty.
	 * @param string $base      Sandbox; the default one by default.
	 */
	public static function revocations( string $client_id = '', string $base = '' ): int {
		$counters = self::control( 'GET', '/counters', null, $base );
		$counts   = is_array( $counters['revocations'] ?? null ) ? $counters['revocations'] : array();
		$count    = '' === $client_id ? array_sum( $counts ) : ( $counts[ $client_id ] ?? 0 );
		return is_numeric( $count ) ? (int) $count : 0;
	}

	/**
	 * Requests a sandbox received per endpoint group (metadata, jwks, token, revoke, introspect, api).
	 *
	 * @param string $base Sandbox; the default one by default.
	 * @return array<string, int>
	 */
	public static function requests( string $base = '' ): array {
		$counters = self::control( 'GET', '/counters', null, $base );
		$requests = is_array( $counters['requests'] ?? null ) ? $counters['requests'] : array();
		$counts   = array();
		foreach ( $requests as $group => $count ) {
			$counts[ (string) $group ] = is_numeric( $count ) ? (int) $count : 0;
		}
		return $counts;
	}

	/**
	 * The claims of a JWT, undecoded when it is not one.
	 *
	 * @param string $token Access token.
	 * @return array<mixed>
	 */
	public static function claims( string $token ): array {
		$parts = explode( '.', $token );
		return \Causerie\Connector\Auth\Jwt_Segments::decode( $token, \Causerie\Connector\Auth\Jwt_Segments::CLAIMS ) ?? array();
	}

	/**
	 * A token minted by the sandbox's control API (POST /__sandbox/tokens).
	 *
	 * @param array<string, mixed> $claims clientId, expiresIn, sign and the other options of the route.
	 */
	public static function mint( array $claims ): string {
		$minted = self::control( 'POST', '/tokens', $claims );
		return is_string( $minted['access_token'] ?? null ) ? $minted['access_token'] : '';
	}

	/**
	 * Calls the control API.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $path   Path under /__sandbox.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @param string                    $base   Sandbox; the default one by default.
	 * @return array<mixed>
	 * @throws \RuntimeException When the sandbox does not answer.
	 */
	public static function control( string $method, string $path, ?array $body = null, string $base = '' ): array {
		$response = wp_remote_request(
			( '' === $base ? self::$url : $base ) . '/__sandbox' . $path,
			array(
				'method'  => $method,
				// Fastify refuses an empty body declared as JSON.
				'headers' => null === $body ? array() : array( 'Content-Type' => 'application/json' ),
				'body'    => null === $body ? '' : (string) wp_json_encode( $body ),
				'timeout' => 10,
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new \RuntimeException( 'Sandbox control call failed: ' . $response->get_error_message() );
		}
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		return is_array( $decoded ) ? $decoded : array();
	}

	/**
	 * Injects a failure: the next requests to a group of endpoints fail that way.
	 *
	 * @param string $mode     500, 502, 503, 429, html, truncated or hang.
	 * @param string $endpoint The group: api, token, metadata, jwks, revoke, introspect or all.
	 * @param int    $count       How many requests.
	 * @param int    $retry_after The Retry-After they carry, in seconds; 0 for none.
	 */
	public static function fail_next( string $mode, string $endpoint, int $count, int $retry_after = 0 ): void {
		$fault = array(
			'mode'     => $mode,
			'endpoint' => $endpoint,
			'count'    => $count,
		);
		self::control( 'POST', '/faults', 0 === $retry_after ? $fault : $fault + array( 'retryAfter' => $retry_after ) );
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
	 * @param string $token   Access token.
	 * @param string $api_url API address; the default sandbox's by default.
	 */
	public static function accepts( string $token, string $api_url = '' ): bool {
		$response = wp_remote_get( ( '' === $api_url ? self::$url : $api_url ) . '/v1/me', array( 'headers' => array( 'Authorization' => 'Bearer ' . $token ) ) );
		return 200 === wp_remote_retrieve_response_code( $response );
	}

	/**
	 * Regenerates a client's secret, as in the Causerie dashboard after a leak, and revokes the tokens it
	 * holds: the next request needs the secret, which the plugin no longer has.
	 *
	 * @param string $client_id Sandbox client.
	 * @param string $secret    The new secret.
	 */
	public static function break_secret( string $client_id = 'wp-development', string $secret = 'regenerated-in-the-dashboard' ): void {
		self::control( 'POST', '/clients/' . $client_id . '/secret', array( 'secret' => $secret ) );
		self::control( 'POST', '/clients/' . $client_id . '/revoke', array() );
	}

	/**
	 * Back to the seeded state with new keys and no tokens.
	 */
	public static function reset(): void {
		self::control( 'POST', '/reset', array( 'full' => true ) );
	}
}
