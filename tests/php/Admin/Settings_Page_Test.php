<?php
/**
 * Integration tests for the Settings → Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\REST\Activity_Controller;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The screen sits under Settings, and its assets load there and nowhere else.
 */
final class Settings_Page_Test extends TestCase {

	private Settings_Page $page;

	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'administrator' );
		// wp-admin/menu.php names the Settings menu's hooks; the page's hook suffix derives from it.
		$GLOBALS['admin_page_hooks'] = array( 'options-general.php' => 'settings' );
		$this->page                  = new Settings_Page( WP_PLUGIN_DIR . '/causerie-connector/causerie-connector.php' );
		$this->page->add_page();
	}

	protected function tearDown(): void {
		// Fresh script and style registries, as on the next page load.
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		parent::tearDown();
	}

	public function test_the_screen_is_listed_under_settings(): void {
		global $submenu;
		self::assertIsArray( $submenu );
		self::assertIsArray( $submenu['options-general.php'] );
		$slugs = array_column( $submenu['options-general.php'], 2 );

		self::assertContains( Settings_Page::SLUG, $slugs );
		self::assertSame( admin_url( 'options-general.php?page=causerie-connector' ), $this->page->url() );
	}

	public function test_assets_are_not_loaded_on_other_admin_screens(): void {
		$this->page->enqueue_assets( 'index.php' );
		$this->page->enqueue_assets( 'options-general.php' );

		self::assertFalse( wp_script_is( Settings_Page::SCRIPT_HANDLE, 'enqueued' ) );
	}

	public function test_assets_load_on_the_screen_with_the_dependencies_wp_scripts_computed(): void {
		$asset = require dirname( __DIR__, 3 ) . '/build/index.asset.php';
		self::assertIsArray( $asset );

		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );

		self::assertTrue( wp_script_is( Settings_Page::SCRIPT_HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ Settings_Page::SCRIPT_HANDLE ];
		self::assertSame( $asset['dependencies'], $script->deps );
		self::assertSame( $asset['version'], $script->ver );
		self::assertTrue( wp_style_is( Settings_Page::SCRIPT_HANDLE, 'enqueued' ) );
	}

	public function test_the_routes_of_the_first_paint_are_preloaded(): void {
		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );

		$after = wp_scripts()->get_data( 'wp-api-fetch', 'after' );
		self::assertIsArray( $after );
		$inline = implode( "\n", array_filter( $after, 'is_string' ) );

		self::assertStringContainsString( 'createPreloadingMiddleware', $inline );
		foreach ( array( 'site', 'status', 'checks', 'settings' ) as $route ) {
			self::assertStringContainsString( '"\/causerie\/v1\/' . $route . '"', $inline );
		}
		self::assertStringContainsString( '"pluginVersion":"' . \Causerie\Connector\VERSION . '"', $inline );
		self::assertSame( 1, substr_count( $inline, 'createPreloadingMiddleware' ) );
	}

	public function test_every_preloaded_path_is_a_readable_route_the_controllers_register(): void {
		$paths = Settings_Page::preloaded_paths();
		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );
		$after = wp_scripts()->get_data( 'wp-api-fetch', 'after' );
		self::assertIsArray( $after );
		$inline = implode( "\n", array_filter( $after, 'is_string' ) );

		self::assertSame(
			array( '/causerie/v1/site', '/causerie/v1/setup', '/causerie/v1/status', '/causerie/v1/checks', '/causerie/v1/settings', '/causerie/v1/diagnoses', '/causerie/v1/activity' ),
			$paths
		);
		foreach ( $paths as $path ) {
			self::assertArrayHasKey( $path, rest_get_server()->get_routes(), $path );
			self::assertSame( 200, rest_get_server()->dispatch( new \WP_REST_Request( 'GET', $path ) )->get_status(), $path );
			self::assertStringContainsString( (string) wp_json_encode( $path ), $inline );
		}
	}

	public function test_the_weeks_activity_is_preloaded_so_the_overview_card_paints_without_a_request(): void {
		self::assertContains( Activity_Controller::path(), Settings_Page::preloaded_paths() );

		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );
		$after = wp_scripts()->get_data( 'wp-api-fetch', 'after' );
		self::assertIsArray( $after );
		$inline = implode( "\n", array_filter( $after, 'is_string' ) );

		// The answer itself travels with the page, with the reason the counts are not known yet.
		self::assertStringContainsString( '"\/causerie\/v1\/activity":{"body":{"conversations":null,"leads":null,', $inline );
	}

	public function test_the_diagnosis_texts_are_preloaded_for_the_token_inspector(): void {
		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );

		$after = wp_scripts()->get_data( 'wp-api-fetch', 'after' );
		self::assertIsArray( $after );
		$inline = implode( "\n", array_filter( $after, 'is_string' ) );

		self::assertStringContainsString( '"\/causerie\/v1\/diagnoses"', $inline );
		self::assertStringContainsString( '"token_signature_invalid":{"severity":"error","title":', $inline );
	}

	public function test_the_plugins_screen_links_to_the_settings(): void {
		$links = $this->page->add_settings_link( array( 'deactivate' => '<a href="#">Deactivate</a>' ) );

		self::assertSame( array( 'settings', 'deactivate' ), array_keys( $links ) );
		self::assertStringContainsString( 'options-general.php?page=causerie-connector', $links['settings'] );
	}

	public function test_the_screen_html_never_holds_the_secret_or_the_token(): void {
		Sandbox::reset();
		Sandbox::connect();
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$token = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $token );

		$this->page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );
		ob_start();
		$this->page->render();
		wp_scripts()->do_items( array( Settings_Page::SCRIPT_HANDLE ) );
		$html = (string) ob_get_clean();

		self::assertStringContainsString( Settings_Page::ROOT_ID, $html );
		self::assertStringContainsString( 'createPreloadingMiddleware', $html );
		self::assertStringNotContainsString( 'sandbox-development-secret', $html );
		self::assertStringNotContainsString( $token->access_token, $html );
	}
}
