<?php
/**
 * A paused copy of the site makes no outbound call, whichever route or job runs.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * Every route of the plugin's namespace, found from the REST server so a new route is walked too, with every
 * method and a valid body; then every cron job the plugin schedules. None may reach the sandbox or write the
 * metadata and JWKS caches while the copy is paused.
 */
final class Paused_Copy_Test extends TestCase {

	/**
	 * Valid values for the arguments that have no obvious one in their schema; a body that sends credentials
	 * makes the settings routes verify them, which would call the API.
	 *
	 * @var array<string, string|bool|list<string>|array<string, bool>>
	 */
	private const VALUES = array(
		'clientId'     => 'wp-production',
		'clientSecret' => 'sandbox-production-secret',
		'requestId'    => 'paused-walk-0001',
		'key'          => 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
		'alertEmail'   => 'owner@example.org',
		'kid'          => 'a-key-nobody-has-cached',
		'reveal'       => true,
		'postTypes'    => array( 'post', 'page' ),
		'id'           => 'conv_paused0001',
		'settings'     => array( 'enabled' => true ),
	);

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect( 'wp-development' );
		$this->forget_caches();
		$this->pause();
	}

	/**
	 * Pauses the copy, as its admin does.
	 */
	private function pause(): void {
		( new Site_Binding() )->pause();
		self::assertTrue( ( new Site_Binding() )->is_paused() );
	}

	/**
	 * Names of the stored metadata and JWKS caches (transients).
	 *
	 * @return list<string>
	 */
	private function cached_documents(): array {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- WPCS 2.3 predates %i.
		$names = $wpdb->get_col(
			$wpdb->prepare(
				'SELECT option_name FROM %i WHERE option_name LIKE %s OR option_name LIKE %s',
				$wpdb->options,
				'%' . $wpdb->esc_like( Discovery::CACHE_PREFIX ) . '%',
				'%' . $wpdb->esc_like( Jwks::CACHE_PREFIX ) . '%'
			)
		);
		// phpcs:enable
		return array_values( array_filter( $names, 'is_string' ) );
	}

	/**
	 * Empties the metadata and JWKS caches, so any route that wants them would have to fetch them.
	 */
	private function forget_caches(): void {
		foreach ( $this->cached_documents() as $name ) {
			delete_option( $name );
		}
	}

	/**
	 * Requests the sandbox received, all endpoints together.
	 */
	private static function requests(): int {
		return (int) array_sum( Sandbox::requests() );
	}

	/**
	 * Every route of the plugin with every method it takes; a route with a path parameter once per value its
	 * schema allows.
	 *
	 * @return array<string, array{string, string, string}> Method, route pattern and path.
	 */
	public static function routes(): array {
		$cases = array();
		foreach ( self::handlers() as $pattern => $handlers ) {
			foreach ( $handlers as $method => $args ) {
				foreach ( self::paths( $pattern, $args ) as $path ) {
					$cases[ $method . ' ' . $path ] = array( $method, $pattern, $path );
				}
			}
		}
		return $cases;
	}

	/**
	 * The arguments of each method of each route of the plugin, as the REST server holds them.
	 *
	 * @return array<string, array<string, array<mixed, mixed>>>
	 */
	private static function handlers(): array {
		$routes = array();
		foreach ( rest_get_server()->get_routes() as $pattern => $handlers ) {
			if ( ! str_starts_with( (string) $pattern, '/' . Admin_Controller::NAMESPACE ) ) {
				continue;
			}
			foreach ( is_array( $handlers ) ? $handlers : array() as $handler ) {
				$handler = is_array( $handler ) ? $handler : array();
				foreach ( array_keys( is_array( $handler['methods'] ?? null ) ? $handler['methods'] : array() ) as $method ) {
					$routes[ (string) $pattern ][ (string) $method ] = is_array( $handler['args'] ?? null ) ? $handler['args'] : array();
				}
			}
		}
		return $routes;
	}

	/**
	 * The concrete paths of a route pattern: each path parameter takes every value of its enum.
	 *
	 * @param string              $pattern Route regex.
	 * @param array<mixed, mixed> $args    The handler's arguments.
	 * @return list<string>
	 */
	private static function paths( string $pattern, array $args ): array {
		if ( 1 !== preg_match( '/\(\?P<([a-z_]+)>[^)]*\)/', $pattern, $match ) ) {
			return array( $pattern );
		}
		$schema = is_array( $args[ $match[1] ] ?? null ) ? $args[ $match[1] ] : array();
		$known  = self::VALUES[ $match[1] ] ?? null;
		$values = is_array( $schema['enum'] ?? null ) ? array_filter( $schema['enum'], 'is_string' ) : ( is_string( $known ) ? array( $known ) : array() );
		self::assertNotEmpty( $values, "give the path parameter {$match[1]} of $pattern a value here" );
		$paths = array();
		foreach ( $values as $value ) {
			$paths = array_merge( $paths, self::paths( str_replace( $match[0], $value, $pattern ), $args ) );
		}
		return $paths;
	}

	/**
	 * A valid value for an argument: the known ones, else what its schema allows first.
	 *
	 * @param string              $name   Argument name.
	 * @param array<mixed, mixed> $schema Its schema.
	 */
	private static function value( string $name, array $schema ): mixed {
		if ( 'apiUrl' === $name ) {
			return Sandbox::url();
		}
		if ( isset( self::VALUES[ $name ] ) ) {
			return self::VALUES[ $name ];
		}
		if ( is_array( $schema['enum'] ?? null ) ) {
			return $schema['enum'][0];
		}
		$type = $schema['type'] ?? null;
		if ( 'integer' === $type ) {
			return $schema['minimum'] ?? 1;
		}
		return 'boolean' === $type ? true : null;
	}

	/**
	 * Each route with a valid request: the known values, and what the schema allows for other required arguments.
	 *
	 * @param string $method  HTTP method.
	 * @param string $pattern Route pattern.
	 * @param string $path    Route.
	 */
	#[DataProvider( 'routes' )]
	public function test_a_paused_copy_makes_no_call_on_any_route( string $method, string $pattern, string $path ): void {
		$this->act_as( 'administrator' );
		$args = self::handlers()[ $pattern ][ $method ] ?? array();
		preg_match_all( '/\(\?P<([a-z_]+)>/', $pattern, $in_path );
		$request = new WP_REST_Request( $method, $path );
		foreach ( $args as $name => $schema ) {
			$schema   = is_array( $schema ) ? $schema : array();
			$required = true === ( $schema['required'] ?? false );
			if ( in_array( $name, $in_path[1], true ) || ( ! $required && ! isset( self::VALUES[ $name ] ) && 'apiUrl' !== $name ) ) {
				continue;
			}
			$value = self::value( (string) $name, $schema );
			self::assertNotNull( $value, "give the required argument $name of $method $path a value here" );
			$request->set_param( (string) $name, $value );
		}

		$response = rest_get_server()->dispatch( $request );

		self::assertFalse( $response->is_error() && in_array( $this->error_code( $response ), array( 'rest_invalid_param', 'rest_missing_callback_param' ), true ), 'the walk sends a valid request' );
		self::assertLessThan( 500, $response->get_status(), 'no PHP failure' );
		self::assertSame( 0, self::requests(), "$method $path called out" );
		self::assertSame( array(), $this->cached_documents(), "$method $path wrote the metadata or JWKS cache" );
	}

	public function test_a_paused_copy_makes_no_call_from_any_cron_job(): void {
		$jobs = array( Secret_Expiry::HOOK => array( array() ) );
		foreach ( (array) _get_cron_array() as $events ) {
			foreach ( is_array( $events ) ? $events : array() as $hook => $scheduled ) {
				if ( str_starts_with( (string) $hook, 'causerie_' ) ) {
					foreach ( (array) $scheduled as $event ) {
						$jobs[ (string) $hook ][] = is_array( $event['args'] ?? null ) ? $event['args'] : array();
					}
				}
			}
		}
		self::assertArrayHasKey( Token_Refresh::HOOK, $jobs );
		self::assertArrayHasKey( Health_Check::HOOK, $jobs );

		foreach ( $jobs as $hook => $runs ) {
			foreach ( $runs as $job_args ) {
				$this->pause();
				do_action_ref_array( $hook, $job_args );
				self::assertSame( 0, self::requests(), "$hook called out" );
			}
		}
		self::assertSame( array(), $this->cached_documents() );
	}
}
