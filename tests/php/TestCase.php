<?php
/**
 * Base class for integration tests against the real WordPress.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Sync\Queue;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Wraps each test in a database transaction and resets the user, caches and REST server afterwards. The
 * transaction rolls back everything on SQLite; on MariaDB, DDL inside a test commits what came before it.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * Users who must be refused by every admin route, with the status each gets.
	 *
	 * @return array<string, array{string, int}>
	 */
	public static function refused_roles(): array {
		return array(
			'an anonymous visitor gets 401' => array( '', 401 ),
			'a subscriber gets 403'         => array( 'subscriber', 403 ),
			'an editor gets 403'            => array( 'editor', 403 ),
		);
	}

	/**
	 * Environment variables a test set, unset after it.
	 *
	 * @var list<string>
	 */
	private array $variables = array();

	protected function setUp(): void {
		parent::setUp();
		// MariaDB commits an open transaction on CREATE or DROP TABLE (an implicit commit), so the plugin's
		// table is made sure of before the transaction starts, never inside it. A test that drops it (the
		// uninstall test) commits there; this puts the table back for the tests after it.
		( new Event_Log( dirname( __DIR__, 2 ) . '/causerie-connector.php' ) )->install();
		( new Queue() )->install();
		$this->wpdb()->query( 'START TRANSACTION' );
	}

	protected function tearDown(): void {
		foreach ( $this->variables as $name ) {
			putenv( $name ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- unsets what the test set.
		}
		$this->variables = array();
		$this->wpdb()->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
		parent::tearDown();
	}

	/**
	 * Sets an environment variable for this test only, as a host's environment would.
	 *
	 * @param string $name  Name.
	 * @param string $value Value.
	 */
	protected function set_variable( string $name, string $value ): void {
		$this->variables[] = $name;
		putenv( $name . '=' . $value ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- as a host's environment would set it.
	}

	/**
	 * WordPress's database object.
	 */
	protected function wpdb(): \wpdb {
		global $wpdb;
		self::assertInstanceOf( \wpdb::class, $wpdb );
		return $wpdb;
	}

	/**
	 * Names of the options whose stored value contains the text, read straight from the table.
	 *
	 * @param string $needle Text to look for.
	 * @return list<string>
	 */
	protected function options_containing( string $needle ): array {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- WPCS 2.3 predates %i.
		$names = $wpdb->get_col(
			$wpdb->prepare( 'SELECT option_name FROM %i WHERE option_value LIKE %s', $wpdb->options, '%' . $wpdb->esc_like( $needle ) . '%' )
		);
		// phpcs:enable
		return array_values( array_filter( $names, 'is_string' ) );
	}

	/**
	 * The autoload column of an option, read straight from the table.
	 *
	 * @param string $name Option name.
	 */
	protected function autoload_of( string $name ): string {
		$wpdb = $this->wpdb();
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.DirectDatabaseQuery -- WPCS 2.3 predates %i.
		$autoload = $wpdb->get_var( $wpdb->prepare( 'SELECT autoload FROM %i WHERE option_name = %s', $wpdb->options, $name ) );
		// phpcs:enable
		return is_string( $autoload ) ? $autoload : '';
	}

	/**
	 * Creates a user with the role and makes them the current user.
	 *
	 * @param string $role A role name; empty for an anonymous visitor.
	 */
	protected function act_as( string $role ): int {
		if ( '' === $role ) {
			wp_set_current_user( 0 );
			return 0;
		}
		$user_id = wp_insert_user(
			array(
				'user_login' => 'test-' . $role . '-' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		self::assertIsInt( $user_id );
		wp_set_current_user( $user_id );
		return $user_id;
	}

	/**
	 * The error code of a failed REST response.
	 *
	 * @param WP_REST_Response $response A response with an error status.
	 */
	protected function error_code( WP_REST_Response $response ): string {
		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error );
		return (string) $error->get_error_code();
	}

	/**
	 * Sends a request through the REST server, as WordPress would for an HTTP request.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route, such as /causerie/v1/site.
	 */
	protected function dispatch( string $method, string $route ): WP_REST_Response {
		return rest_get_server()->dispatch( new WP_REST_Request( $method, $route ) );
	}
}
