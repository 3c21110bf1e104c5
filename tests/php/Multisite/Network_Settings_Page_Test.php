<?php
/**
 * Tests of Network Admin → Settings → Causerie.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Admin\App_Assets;
use Causerie\Connector\Admin\Network_Settings_Page;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;

/**
 * The screen is the site screen's app in its network mode, for network administrators only, with the
 * network's answers preloaded; the PHP form and its handler are gone.
 */
final class Network_Settings_Page_Test extends Network_TestCase {

	private Network_Settings_Page $page;

	protected function setUp(): void {
		parent::setUp();
		$this->page = new Network_Settings_Page( WP_PLUGIN_DIR . '/causerie-connector/causerie-connector.php' );
	}

	protected function tearDown(): void {
		// Fresh script and style registries, as on the next page load.
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		parent::tearDown();
	}

	/**
	 * The network's store.
	 */
	private function network_store(): Credential_Store {
		return new Credential_Store( new Encryption(), new Overrides(), Credential_Store::network_storage() );
	}

	/**
	 * The screen's HTML.
	 */
	private function render(): string {
		ob_start();
		$this->page->render();
		return (string) ob_get_clean();
	}

	/**
	 * Opens the screen as the network admin does, and returns the inline script that preloads answers.
	 */
	private function open_screen(): string {
		$GLOBALS['admin_page_hooks'] = array( 'settings.php' => 'settings' );
		$this->page->add_page();
		$this->page->enqueue_assets( 'settings_page_' . Network_Settings_Page::SLUG );
		$after = wp_scripts()->get_data( 'wp-api-fetch', 'after' );
		return is_array( $after ) ? implode( "\n", array_filter( $after, 'is_string' ) ) : '';
	}

	public function test_the_screen_is_under_the_network_settings_menu_for_network_administrators(): void {
		$this->act_as_super_admin();

		do_action( 'network_admin_menu' );

		$submenu = $GLOBALS['submenu'] ?? null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- read, not written.
		self::assertIsArray( $submenu );
		self::assertIsArray( $submenu['settings.php'] ?? null );
		self::assertContains( Network_Settings_Page::SLUG, array_column( $submenu['settings.php'], 2 ) );
		self::assertSame( 'manage_network_options', array_column( $submenu['settings.php'], 1, 2 )[ Network_Settings_Page::SLUG ] );
	}

	public function test_the_screen_mounts_the_app_in_its_network_mode(): void {
		$this->act_as_super_admin();

		$html = $this->render();

		self::assertStringContainsString( 'id="' . App_Assets::ROOT_ID . '" data-screen="' . Network_Settings_Page::SCREEN . '"', $html );
		self::assertStringNotContainsString( '<form', $html, 'no PHP form any more' );
	}

	public function test_the_app_loads_on_the_network_screen_with_the_network_answers_preloaded(): void {
		$this->act_as_super_admin();
		$this->network_store()->save( 'local', array( 'clientId' => 'wp-network' ) );

		$inline = $this->open_screen();

		self::assertTrue( wp_script_is( App_Assets::SCRIPT_HANDLE, 'enqueued' ) );
		self::assertSame( array( '/causerie/v1/network/settings', '/causerie/v1/network/sync' ), Network_Settings_Page::preloaded_paths() );
		foreach ( Network_Settings_Page::preloaded_paths() as $path ) {
			self::assertStringContainsString( (string) wp_json_encode( $path ), $inline );
		}
		self::assertStringContainsString( '"clientId":"wp-network"', $inline );
		self::assertStringNotContainsString( '"\/causerie\/v1\/site"', $inline, 'the site screen\'s answers stay out' );
	}

	public function test_a_site_administrator_gets_neither_the_app_nor_the_network_answers(): void {
		$this->act_as( 'administrator' );

		self::assertSame( '', $this->render() );
		$response = $this->dispatch( 'GET', '/causerie/v1/network/settings' );
		self::assertSame( 403, $response->get_status() );
	}

	public function test_the_form_handler_and_its_transient_round_trip_are_gone(): void {
		$this->act_as_super_admin();

		$this->page->register();

		self::assertFalse( has_action( 'network_admin_edit_causerie-connector-network' ) );
		self::assertFalse( defined( Network_Settings_Page::class . '::NOTICE' ) );
	}
}
