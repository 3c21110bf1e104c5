<?php
/**
 * Tests of Causerie on Settings → Connectors.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Connectors_Page;
use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Tests\TestCase;

/**
 * On WordPress 7.1 (sid) core's registry gets Causerie with the fields its screen shows; on 6.8 (trixie) there
 * is no registry and nothing happens. The row's script loads on that screen only, with the link to the plugin.
 */
final class Connectors_Page_Test extends TestCase {

	private const PLUGIN_FILE = __DIR__ . '/../../../causerie-connector.php';

	private Connectors_Page $page;

	protected function setUp(): void {
		parent::setUp();
		$this->page = new Connectors_Page( self::PLUGIN_FILE, '1.2.3' );
		$this->page->register();
	}

	protected function tearDown(): void {
		remove_action( 'wp_connectors_init', array( $this->page, 'add_connector' ) );
		remove_action( 'admin_enqueue_scripts', array( $this->page, 'enqueue' ) );
		remove_filter( 'script_module_data_' . Connectors_Page::MODULE, array( $this->page, 'module_data' ) );
		wp_dequeue_script_module( Connectors_Page::MODULE );
		set_current_screen( 'front' );
		parent::tearDown();
	}

	public function test_causerie_is_in_core_s_registry_with_its_name_logo_and_plugin_where_wordpress_has_connectors_and_nothing_happens_on_6_8(): void {
		$has_connectors = class_exists( 'WP_Connector_Registry' );
		self::assertSame( 'trixie' !== getenv( 'WP_SUITE' ), $has_connectors, 'WordPress 7.1 has the Connectors API, 6.8 does not' );

		if ( ! $has_connectors ) {
			// 6.8 never fires the registry's hook, and its admin has no such screen: nothing is registered.
			self::assertSame( 0, did_action( 'wp_connectors_init' ) );
			self::assertFalse( function_exists( 'wp_get_connectors' ) );
			$this->page->add_connector( null );
			return;
		}

		$registry = new \WP_Connector_Registry();
		do_action( 'wp_connectors_init', $registry ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, fired as core fires it.
		do_action( 'wp_connectors_init', $registry ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- a second time: registered once, without core's "already registered" notice.
		$connector = $registry->get_registered( Connectors_Page::ID );

		self::assertIsArray( $connector );
		self::assertSame( 'Causerie chatbot', $connector['name'] );
		self::assertSame( 'An AI chatbot that answers your visitors from your own pages.', $connector['description'] );
		self::assertSame( Connectors_Page::TYPE, $connector['type'] );
		self::assertSame( array( 'method' => 'none' ), $connector['authentication'] );
		self::assertSame( plugin_basename( self::PLUGIN_FILE ), $connector['plugin']['file'] ?? null );
		self::assertIsString( $connector['logo_url'] ?? null );
		self::assertStringEndsWith( '/' . Connectors_Page::LOGO, $connector['logo_url'] );
		self::assertFileExists( dirname( self::PLUGIN_FILE ) . '/' . Connectors_Page::LOGO );
		self::assertStringStartsWith( '<svg', (string) file_get_contents( dirname( self::PLUGIN_FILE ) . '/' . Connectors_Page::LOGO ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
	}

	public function test_the_row_s_script_loads_on_settings_connectors_only_with_the_link_to_the_plugin_s_screen(): void {
		set_current_screen( 'dashboard' );
		do_action( 'admin_enqueue_scripts', 'index.php' );
		self::assertStringNotContainsString( Connectors_Page::MODULE_FILE, $this->printed_modules(), 'on the dashboard' );

		set_current_screen( Connectors_Page::SCREEN );
		do_action( 'admin_enqueue_scripts', Connectors_Page::SCREEN . '.php' );
		self::assertStringContainsString( Connectors_Page::MODULE_FILE . '?ver=1.2.3', $this->printed_modules(), 'on Settings → Connectors' );
		self::assertFileExists( dirname( self::PLUGIN_FILE ) . '/' . Connectors_Page::MODULE_FILE );

		$data = apply_filters( 'script_module_data_' . Connectors_Page::MODULE, array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- core's filter for the plugin's module.
		self::assertSame(
			array(
				'slug'      => Connectors_Page::ID,
				'url'       => admin_url( 'options-general.php?page=' . Settings_Page::SLUG ),
				'linkLabel' => 'Open Causerie settings',
			),
			$data
		);
	}

	/**
	 * The script modules the page would print.
	 */
	private function printed_modules(): string {
		ob_start();
		wp_script_modules()->print_enqueued_script_modules();
		return (string) ob_get_clean();
	}
}
