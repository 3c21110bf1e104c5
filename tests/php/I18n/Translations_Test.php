<?php
/**
 * Integration tests of the shipped French translation.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\I18n;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\I18n\Translations;
use Causerie\Connector\Plugin;
use Causerie\Connector\Tests\TestCase;

/**
 * A site in French gets the plugin's PHP strings and the admin app's strings in French, from languages/.
 */
final class Translations_Test extends TestCase {

	/**
	 * The locale switcher WordPress booted with.
	 *
	 * @var \WP_Locale_Switcher
	 */
	private \WP_Locale_Switcher $booted_switcher;

	/**
	 * The switcher the test uses, which knows fr_FR.
	 *
	 * @var \WP_Locale_Switcher
	 */
	private \WP_Locale_Switcher $switcher;

	/**
	 * The text domain registry WordPress booted with.
	 *
	 * @var \WP_Textdomain_Registry
	 */
	private \WP_Textdomain_Registry $booted_registry;

	protected function setUp(): void {
		parent::setUp();
		$switcher = $GLOBALS['wp_locale_switcher'];
		$registry = $GLOBALS['wp_textdomain_registry'];
		self::assertInstanceOf( \WP_Locale_Switcher::class, $switcher );
		self::assertInstanceOf( \WP_Textdomain_Registry::class, $registry );
		$this->booted_switcher = $switcher;
		$this->booted_registry = $registry;

		// The test site has no core language pack; WordPress switches only to languages it has, and reads
		// the list when the switcher is made. So a switcher is made that knows fr_FR.
		$with_french    = static fn( array $languages ): array => array_merge( $languages, array( 'fr_FR' ) );
		add_filter( 'get_available_languages', $with_french );
		$this->switcher = new \WP_Locale_Switcher();
		remove_filter( 'get_available_languages', $with_french );
		$this->switcher->init();
		$GLOBALS['wp_locale_switcher'] = $this->switcher;
	}

	protected function tearDown(): void {
		$this->switcher->restore_current_locale();
		remove_filter( 'locale', array( $this->switcher, 'filter_locale' ) );
		remove_filter( 'determine_locale', array( $this->switcher, 'filter_locale' ) );
		$GLOBALS['wp_locale_switcher']     = $this->booted_switcher;
		$GLOBALS['wp_textdomain_registry'] = $this->booted_registry;
		$GLOBALS['wp_scripts']             = null;
		unload_textdomain( Plugin::TEXT_DOMAIN, true );
		parent::tearDown();
	}

	/**
	 * The main plugin file as the plugin sees it (__FILE__, symbolic links resolved), which WordPress maps
	 * to wp-content/plugins/causerie-connector.
	 */
	private function plugin_file(): string {
		return dirname( __DIR__, 3 ) . '/causerie-connector.php';
	}

	public function test_a_diagnosis_title_comes_back_in_french(): void {
		self::assertSame( 'The access token has expired.', Catalog::title( 'token_expired' ) );

		self::assertTrue( switch_to_locale( 'fr_FR' ) );

		self::assertSame( 'Le jeton d’accès a expiré.', Catalog::title( 'token_expired' ) );
		self::assertSame( 'L’API n’a pas répondu à temps.', Catalog::title( 'timeout' ) );
	}

	public function test_the_diagnoses_route_answers_in_french(): void {
		$this->act_as( 'administrator' );
		switch_to_locale( 'fr_FR' );

		$response = $this->dispatch( 'GET', '/causerie/v1/diagnoses' );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertIsArray( $data['token_revoked'] );
		self::assertSame( 'Le jeton d’accès a été révoqué.', $data['token_revoked']['title'] );
	}

	public function test_the_plugin_points_wordpress_at_its_languages_folder_itself(): void {
		// A registry that knows no folder for the plugin, as on WordPress 6.6, which ignores "Domain Path".
		$GLOBALS['wp_textdomain_registry'] = new \WP_Textdomain_Registry();
		switch_to_locale( 'fr_FR' );
		unload_textdomain( Plugin::TEXT_DOMAIN, true );
		self::assertSame( 'The access token has expired.', Catalog::title( 'token_expired' ) );

		$translations = new Translations( $this->plugin_file() );
		$translations->register();
		$priority = has_action( 'init', array( $translations, 'load' ) );
		remove_action( 'init', array( $translations, 'load' ), 0 );
		self::assertSame( 0, $priority, 'it loads before the plugin\'s other init callbacks' );

		self::assertTrue( $translations->load() );

		self::assertSame( 'Le jeton d’accès a expiré.', Catalog::title( 'token_expired' ) );
	}

	public function test_load_script_textdomain_finds_the_french_strings_of_the_admin_app(): void {
		$this->enqueue_the_screen();
		switch_to_locale( 'fr_FR' );

		$json = load_script_textdomain( Settings_Page::SCRIPT_HANDLE, Plugin::TEXT_DOMAIN, dirname( $this->plugin_file() ) . '/languages' );

		self::assertIsString( $json );
		$data = json_decode( $json, true );
		self::assertIsArray( $data );
		self::assertIsArray( $data['locale_data'] );
		self::assertIsArray( $data['locale_data']['messages'] );
		self::assertSame( array( 'Inspecteur de jeton' ), $data['locale_data']['messages']['Token inspector'] );
		self::assertSame( array( 'Lancer les vérifications' ), $data['locale_data']['messages']['Run checks'] );
		self::assertArrayNotHasKey( 'This screen needs JavaScript.', $data['locale_data']['messages'], 'PHP-only strings stay out of the JSON' );
	}

	public function test_the_settings_screen_hands_its_script_the_french_strings(): void {
		switch_to_locale( 'fr_FR' );
		$this->enqueue_the_screen();

		$inline = wp_scripts()->print_translations( Settings_Page::SCRIPT_HANDLE, false );

		self::assertIsString( $inline );
		self::assertStringContainsString( '"causerie-connector"', $inline );
		self::assertStringContainsString( 'Inspecteur de jeton', $inline );
	}

	/**
	 * Enqueues the admin app as the Settings → Causerie screen does.
	 */
	private function enqueue_the_screen(): void {
		$this->act_as( 'administrator' );
		// wp-admin/menu.php names the Settings menu's hooks; the page's hook suffix derives from it.
		$GLOBALS['admin_page_hooks'] = array( 'options-general.php' => 'settings' );
		$page                        = new Settings_Page( $this->plugin_file() );
		$page->add_page();
		$page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );
		self::assertTrue( wp_script_is( Settings_Page::SCRIPT_HANDLE, 'enqueued' ) );
	}
}
