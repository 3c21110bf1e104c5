<?php
/**
 * The widget's server side against the sandbox API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Widget\Origin_Removals;
use Causerie\Connector\Widget\Site_Origin;
use Causerie\Connector\Widget\Widget_Cron;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Through the plugin's own route and hooks, on a site connected as the development client: turning the widget on
 * registers the site's origin at the sandbox and keeps the bot; turning it off removes the origin, or leaves it to
 * the daily refresh when the API can't be reached; a broken connection hides the widget and a fixed one shows it.
 */
final class Widget_Sandbox_Test extends TestCase {

	private const CLIENT = 'wp-development';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect( self::CLIENT );
		$this->act_as( 'administrator' );
	}

	/**
	 * Sends PUT /causerie/v1/widget with some settings.
	 *
	 * @param array<string, mixed> $settings Settings to change.
	 */
	private function put( array $settings ): WP_REST_Response {
		$request = new WP_REST_Request( 'PUT', '/' . Admin_Controller::NAMESPACE . '/widget' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'settings' => $settings ) ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * GET /causerie/v1/widget's data.
	 *
	 * @return array<mixed>
	 */
	private function widget(): array {
		$response = $this->dispatch( 'GET', '/' . Admin_Controller::NAMESPACE . '/widget' );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * The origins the sandbox holds for the client.
	 *
	 * @return list<string>
	 */
	private static function origins(): array {
		$held = Sandbox::control( 'GET', '/conversations' );
		$all  = is_array( $held['origins'] ?? null ) ? $held['origins'] : array();
		return is_array( $all[ self::CLIENT ] ?? null ) ? array_values( array_filter( $all[ self::CLIENT ], 'is_string' ) ) : array();
	}

	/**
	 * The diagnosis code of a refusal.
	 *
	 * @param WP_REST_Response $response A refused request.
	 */
	private static function diagnosis( WP_REST_Response $response ): string {
		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error );
		$data = $error->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertIsString( $data['diagnosis']['code'] );
		return $data['diagnosis']['code'];
	}

	/**
	 * Runs the live checks as the screen does.
	 */
	private function check(): void {
		self::assertSame( 200, $this->dispatch( 'POST', '/' . Admin_Controller::NAMESPACE . '/checks' )->get_status() );
	}

	public function test_turning_the_widget_on_registers_the_site_origin_and_keeps_the_bot_a_page_needs(): void {
		$response = $this->put( array( 'enabled' => true ) );

		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		self::assertSame( array( 'http://127.0.0.1:8890' ), self::origins() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'on', $data['state'] );
		self::assertNull( $data['problem'] );
		self::assertIsArray( $data['bot'] );
		self::assertIsString( $data['bot']['botId'] );
		self::assertMatchesRegularExpression( '/^bot_[0-9a-f]{20}$/', $data['bot']['botId'] );
		self::assertSame( 'http://127.0.0.1:8890', $data['bot']['origin'] );
		self::assertArrayNotHasKey( 'scriptUrl', $data['bot'], 'the screen gets the theme, not the page\'s addresses' );
		$bot = ( new Widget_Options() )->bot();
		self::assertIsArray( $bot );
		self::assertSame( Sandbox::url() . '/widget/v1/widget.js', $bot['scriptUrl'] );
		self::assertSame( Sandbox::url() . '/chat/v1', $bot['chatUrl'] );
		self::assertTrue( ( new Widget_Options() )->shown() );
		self::assertContains( $this->autoload_of( Widget_Options::OPTION ), array( 'on', 'yes' ), 'a page view reads it without a query' );
	}

	public function test_turning_it_off_removes_the_origin_at_causerie_and_keeps_the_bot_for_the_preview(): void {
		self::assertSame( 200, $this->put( array( 'enabled' => true ) )->get_status() );

		$response = $this->put( array( 'enabled' => false ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( array(), self::origins() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'off', $data['state'] );
		self::assertIsArray( $data['bot'] );
		self::assertSame( '', $data['bot']['origin'] );
		self::assertFalse( ( new Widget_Options() )->shown() );
		self::assertSame( array(), ( new Origin_Removals() )->pending() );
	}

	public function test_turning_it_off_while_the_api_fails_works_here_and_the_daily_refresh_removes_the_origin(): void {
		self::assertSame( 200, $this->put( array( 'enabled' => true ) )->get_status() );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'mode'     => 'html',
				'endpoint' => 'api',
				'count'    => 5,
			)
		);

		$response = $this->put( array( 'enabled' => false ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( 'off', $this->widget()['state'] );
		self::assertSame( array( 'http://127.0.0.1:8890' ), self::origins(), 'the removal failed' );
		self::assertSame( array( 'http://127.0.0.1:8890' ), ( new Origin_Removals() )->pending() );

		Sandbox::control( 'DELETE', '/faults' );
		do_action( Widget_Cron::HOOK );

		self::assertSame( array(), self::origins() );
		self::assertSame( array(), ( new Origin_Removals() )->pending() );
	}

	public function test_turning_it_on_with_a_broken_connection_answers_the_diagnosis_and_stores_nothing(): void {
		Sandbox::break_secret( self::CLIENT );
		$before = get_option( Widget_Options::OPTION );

		$response = $this->put( array( 'enabled' => true ) );

		self::assertSame( 'causerie_widget_refused', $this->error_code( $response ) );
		self::assertGreaterThanOrEqual( 400, $response->get_status() );
		self::assertSame( 'invalid_client', self::diagnosis( $response ) );
		self::assertSame( $before, get_option( Widget_Options::OPTION ) );
		self::assertSame( array(), self::origins() );
		self::assertSame( 'off', $this->widget()['state'] );
	}

	public function test_a_bot_with_every_origin_taken_is_a_clear_error_and_nothing_changes(): void {
		$token = Sandbox::mint( array( 'clientId' => self::CLIENT ) );
		for ( $i = 1; $i <= 20; $i++ ) {
			$taken = wp_remote_request(
				Sandbox::url() . '/v1/widget/origins/' . rawurlencode( 'https://copy-' . $i . '.example.test' ),
				array(
					'method'  => 'PUT',
					'headers' => array( 'Authorization' => 'Bearer ' . $token ),
				)
			);
			self::assertSame( 201, wp_remote_retrieve_response_code( $taken ) );
		}
		$before = get_option( Widget_Options::OPTION );

		$response = $this->put( array( 'enabled' => true ) );

		self::assertSame( 'causerie_widget_refused', $this->error_code( $response ) );
		self::assertSame( 'too_many_origins', self::diagnosis( $response ) );
		self::assertStringContainsString( 'as many site addresses', (string) $response->as_error()?->get_error_message() );
		self::assertSame( $before, get_option( Widget_Options::OPTION ) );
		self::assertCount( 20, self::origins() );
	}

	public function test_a_broken_connection_hides_the_widget_with_its_diagnosis_and_a_fixed_one_shows_it_again(): void {
		self::assertSame( 200, $this->put( array( 'enabled' => true ) )->get_status() );

		Sandbox::break_secret( self::CLIENT );
		$this->check();

		$hidden = $this->widget();
		self::assertSame( 'hidden', $hidden['state'] );
		self::assertSame( 'invalid_client', $hidden['problem'] );
		self::assertFalse( ( new Widget_Options() )->shown() );
		self::assertNotNull( ( new Widget_Options() )->bot(), 'hidden, not broken: the bot stays for when it is fixed' );

		Sandbox::control( 'POST', '/clients/' . self::CLIENT . '/secret', array( 'secret' => 'sandbox-development-secret' ) );
		$this->check();

		$shown = $this->widget();
		self::assertSame( 'on', $shown['state'] );
		self::assertNull( $shown['problem'] );
		self::assertTrue( ( new Widget_Options() )->shown() );
	}

	public function test_a_healthy_check_fetches_the_bot_of_a_widget_that_is_on_without_one(): void {
		self::assertSame( 200, $this->put( array( 'enabled' => true ) )->get_status() );
		( new Widget_Options() )->save_bot( null );
		self::assertSame( 'unavailable', $this->widget()['state'] );

		$this->check();

		self::assertSame( 'on', $this->widget()['state'] );
		self::assertTrue( ( new Widget_Options() )->shown() );
	}

	public function test_when_the_owner_confirms_the_site_moved_the_new_origin_is_registered_and_the_old_one_removed(): void {
		self::assertSame( 200, $this->put( array( 'enabled' => true ) )->get_status() );
		$moved = static fn( string $url ): string => str_replace( 'http://127.0.0.1:8890', 'https://www.example.test', $url );
		add_filter( 'home_url', $moved );
		try {
			$request = new WP_REST_Request( 'POST', '/' . Admin_Controller::NAMESPACE . '/binding' );
			$request->set_param( 'action', 'rebind' );
			self::assertSame( 200, rest_get_server()->dispatch( $request )->get_status() );

			self::assertSame( 'https://www.example.test', Site_Origin::current() );
			self::assertSame( array( 'https://www.example.test' ), self::origins() );
			$bot = ( new Widget_Options() )->bot();
			self::assertIsArray( $bot );
			self::assertSame( 'https://www.example.test', $bot['origin'] );
		} finally {
			remove_filter( 'home_url', $moved );
		}
	}
}
