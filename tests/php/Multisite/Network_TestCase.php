<?php
/**
 * Base class for tests on a multisite network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * The network bin/wp-site.sh makes with MULTISITE=1: the main site and URL/second/, with the plugin
 * network-activated. Each test starts and ends on the main site, inside the rolled-back transaction.
 */
abstract class Network_TestCase extends TestCase {

	protected const NETWORK_ROUTE = '/causerie/v1/' . Network_Settings_Controller::REST_BASE;
	protected const SECRET        = 'sandbox-development-secret';

	protected function setUp(): void {
		parent::setUp();
		self::assertTrue( is_multisite(), 'Run these tests with phpunit-multisite.xml.dist.' );
	}

	protected function tearDown(): void {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		parent::tearDown();
	}

	/**
	 * The id of the network's second site.
	 */
	protected function second_site(): int {
		$site = get_site_by_path( (string) get_network()?->domain, '/second/' );
		self::assertInstanceOf( \WP_Site::class, $site );
		self::assertSame( '/second/', $site->path );
		return (int) $site->blog_id;
	}

	/**
	 * Creates a network administrator and makes them the current user.
	 */
	protected function act_as_super_admin(): int {
		$user_id = $this->act_as( 'administrator' );
		grant_super_admin( $user_id );
		return $user_id;
	}

	/**
	 * Sends a request with a JSON body.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route.
	 * @param array<string, mixed> $body   Fields.
	 */
	protected function send( string $method, string $route, array $body = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The data of a successful response.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	protected function data_of( WP_REST_Response $response ): array {
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * Saves the sandbox's development client as the network's credentials, as a network administrator.
	 */
	protected function save_network_credentials(): void {
		$this->act_as_super_admin();
		$this->data_of(
			$this->send(
				'POST',
				self::NETWORK_ROUTE,
				array(
					'clientId'     => 'wp-development',
					'clientSecret' => self::SECRET,
					'apiUrl'       => Sandbox::url(),
				)
			)
		);
	}
}
