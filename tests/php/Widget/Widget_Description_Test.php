<?php
/**
 * What the API says of the bot is checked before it reaches visitors' pages.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Widget\Widget_Api;
use Causerie\Connector\Widget\Widget_Cron;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * The sandbox answers `GET /v1/widget`, and one field of its answer is replaced on the way in, as a compromised or
 * misconfigured API could send it. The script and chat addresses must pass the plugin's address policy and the
 * bot id must be a plain token: otherwise turning the widget on is refused with `widget_config_invalid`, nothing is
 * stored, and the daily refresh keeps the bot it had.
 */
final class Widget_Description_Test extends TestCase {

	/**
	 * The field to replace in the API's answer, and its value.
	 *
	 * @var array{string, mixed}
	 */
	private array $replaced = array( '', null );

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		$this->act_as( 'administrator' );
		add_filter( 'http_response', array( $this, 'replace' ), 10, 3 );
	}

	protected function tearDown(): void {
		remove_filter( 'http_response', array( $this, 'replace' ) );
		parent::tearDown();
	}

	/**
	 * Replaces a field of the widget's description as it arrives.
	 *
	 * @param mixed  $response The HTTP response.
	 * @param mixed  $args     Its request's arguments.
	 * @param string $url      Its URL.
	 * @return mixed
	 */
	public function replace( mixed $response, mixed $args, string $url ): mixed {
		if ( '' === $this->replaced[0] || ! is_array( $response ) || ! str_ends_with( $url, Widget_Api::CONFIG ) ) {
			return $response;
		}
		$body = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( is_array( $body ) ) {
			$body[ $this->replaced[0] ] = $this->replaced[1];
			$response['body']           = (string) wp_json_encode( $body );
		}
		return $response;
	}

	/**
	 * Descriptions a page must never get.
	 *
	 * @return array<string, array{string, mixed}>
	 */
	public static function unusable(): array {
		return array(
			'a script address that runs code'           => array( 'script_url', 'javascript:alert(document.cookie)' ),
			'a script address over plain http'          => array( 'script_url', 'http://cdn.example.com/widget.js' ),
			'a script address with a user and password' => array( 'script_url', 'https://user:secret@cdn.example.com/widget.js' ),
			'a script address on the metadata service'  => array( 'script_url', 'https://169.254.169.254/widget.js' ),
			'a script address with a number for a host' => array( 'script_url', 'https://2130706433/widget.js' ),
			'a script address that is not a string'     => array( 'script_url', array( 'https://cdn.example.com/widget.js' ) ),
			'no script address'                         => array( 'script_url', null ),
			'a chat address that is a data URL'         => array( 'chat_url', 'data:text/html,<script>alert(1)</script>' ),
			'a chat address with no host'               => array( 'chat_url', 'https:///chat/v1' ),
			'a bot id with markup'                      => array( 'bot_id', '"><script>alert(1)</script>' ),
			'an empty bot id'                           => array( 'bot_id', '' ),
		);
	}

	/**
	 * Turns the widget on through the plugin's route.
	 *
	 * @return \WP_REST_Response
	 */
	private function turn_on(): \WP_REST_Response {
		$request = new WP_REST_Request( 'PUT', '/' . Admin_Controller::NAMESPACE . '/widget' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{"settings":{"enabled":true}}' );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * A description a page must not get is refused, names its field, and stores nothing.
	 *
	 * @param string $field The API's field.
	 * @param mixed  $value What it says.
	 */
	#[DataProvider( 'unusable' )]
	public function test_turning_on_is_refused_when_the_description_is_unfit_for_a_page( string $field, mixed $value ): void {
		$this->replaced = array( $field, $value );
		$before         = get_option( Widget_Options::OPTION );

		$response = $this->turn_on();

		self::assertSame( 'causerie_widget_refused', $this->error_code( $response ) );
		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error );
		$data = $error->get_error_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['diagnosis'] );
		self::assertSame( 'widget_config_invalid', $data['diagnosis']['code'] );
		self::assertIsArray( $data['diagnosis']['evidence'] );
		self::assertSame( $field, $data['diagnosis']['evidence']['field'] );
		self::assertSame( $before, get_option( Widget_Options::OPTION ) );
	}

	public function test_the_daily_refresh_keeps_the_bot_it_had_when_the_new_description_is_unfit(): void {
		self::assertSame( 200, $this->turn_on()->get_status() );
		$before = ( new Widget_Options() )->bot();

		$this->replaced = array( 'script_url', 'http://cdn.example.com/widget.js' );
		do_action( Widget_Cron::HOOK );

		self::assertSame( $before, ( new Widget_Options() )->bot() );
		self::assertTrue( ( new Widget_Options() )->shown() );
	}

	public function test_a_theme_the_page_cannot_use_is_left_to_the_plugin_s_defaults(): void {
		$this->replaced = array(
			'theme',
			array(
				'color'      => 'red;background:url(x)',
				'text_color' => '#FFFFFF',
				'position'   => 'top-center',
			),
		);

		self::assertSame( 200, $this->turn_on()->get_status() );

		$bot = ( new Widget_Options() )->bot();
		self::assertIsArray( $bot );
		self::assertSame( array( '', '#ffffff', '' ), array( $bot['color'], $bot['textColor'], $bot['position'] ) );
	}
}
