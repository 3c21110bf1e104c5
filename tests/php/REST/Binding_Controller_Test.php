<?php
/**
 * Integration tests of clone and move detection.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;

/**
 * A site that answers at another address stops using its credentials until an admin says it moved
 * (rebind) or is a copy (pause).
 */
final class Binding_Controller_Test extends TestCase {

	private const ROUTE = '/causerie/v1/binding';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect( 'wp-production' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'home_url' );
		parent::tearDown();
	}

	/**
	 * The site now answers at another address, as after a migration or a clone, search-replace included.
	 */
	private function move_site(): void {
		add_filter( 'home_url', static fn( string $url ): string => str_replace( '127.0.0.1:8890', 'staging.example.org', $url ) );
	}

	/**
	 * A token manager over the real services.
	 */
	private function tokens(): Token_Manager {
		return ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->tokens;
	}

	/**
	 * Posts an action.
	 *
	 * @param string $action rebind or pause.
	 * @return array<mixed>
	 */
	private function act( string $action ): array {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_param( 'action', $action );
		$data = rest_get_server()->dispatch( $request )->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	public function test_the_binding_survives_a_search_replace_of_the_address(): void {
		$stored = (string) wp_json_encode( get_option( Site_Binding::OPTION ) );

		self::assertStringNotContainsString( '127.0.0.1', $stored );
		self::assertStringNotContainsString( home_url(), $stored );
	}

	public function test_a_moved_site_is_diagnosed_and_makes_no_call(): void {
		$this->move_site();

		$result = $this->tokens()->token();

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'site_moved', $result->code );
		self::assertSame( array(), Sandbox::control( 'GET', '/counters' )['tokenRequests'] );
	}

	public function test_credentials_never_saved_here_are_bound_by_their_first_token(): void {
		// As with credentials from wp-config.php or a network: no save on this site's screen bound them.
		delete_option( Site_Binding::OPTION );
		self::assertFalse( ( new Site_Binding() )->is_bound() );

		self::assertNotInstanceOf( Finding::class, $this->tokens()->token() );
		self::assertTrue( ( new Site_Binding() )->is_bound() );

		$this->move_site();
		$moved = $this->tokens()->token( true );
		self::assertInstanceOf( Finding::class, $moved );
		self::assertSame( 'site_moved', $moved->code );
	}

	public function test_an_administrator_confirms_the_new_address(): void {
		$this->act_as( 'administrator' );
		$this->move_site();
		$before = $this->dispatch( 'GET', self::ROUTE )->get_data();
		self::assertIsArray( $before );
		self::assertTrue( $before['moved'] );

		$after = $this->act( 'rebind' );

		self::assertFalse( $after['moved'] );
		self::assertNotInstanceOf( Finding::class, $this->tokens()->token() );
	}

	public function test_an_administrator_pauses_a_copy(): void {
		$this->act_as( 'administrator' );
		$this->move_site();

		$after = $this->act( 'pause' );

		self::assertTrue( $after['paused'] );
		$result = $this->tokens()->token();
		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'connection_paused', $result->code );
	}

	#[\PHPUnit\Framework\Attributes\DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_act_on_the_binding( string $role, int $status ): void {
		$this->act_as( $role );
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_param( 'action', 'rebind' );

		self::assertSame( $status, rest_get_server()->dispatch( $request )->get_status() );
	}

	public function test_an_unknown_action_is_refused(): void {
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_param( 'action', 'delete' );

		$response = rest_get_server()->dispatch( $request );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'rest_invalid_param', $this->error_code( $response ) );
	}
}
