<?php
/**
 * The Settings → Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Plugin;
use Causerie\Connector\REST\Activity_Controller;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Checks_Controller;
use Causerie\Connector\REST\Diagnoses_Controller;
use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\REST\Setup_Controller;
use Causerie\Connector\REST\Site_Controller;
use Causerie\Connector\REST\Status_Controller;

/**
 * Adds the screen and loads the TypeScript app on it, and only on it.
 */
final class Settings_Page {

	public const SLUG          = 'causerie-connector';
	public const SCRIPT_HANDLE = App_Assets::SCRIPT_HANDLE;
	public const ROOT_ID       = App_Assets::ROOT_ID;

	/**
	 * Hook suffix WordPress gave the screen; empty until the menu is built.
	 *
	 * @var string
	 */
	private string $hook_suffix = '';

	/**
	 * The app's assets.
	 *
	 * @var App_Assets
	 */
	private readonly App_Assets $assets;

	/**
	 * The controllers whose GET the screen's first paint reads (the overview's activity card included), each
	 * at the path it registers. None calls the API: they read what is stored.
	 *
	 * @var list<class-string<Admin_Controller>>
	 */
	private const PRELOADED = array(
		Site_Controller::class,
		Setup_Controller::class,
		Status_Controller::class,
		Checks_Controller::class,
		Settings_Controller::class,
		Diagnoses_Controller::class,
		Activity_Controller::class,
	);

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Absolute path of the main plugin file.
	 */
	public function __construct( private readonly string $plugin_file ) {
		$this->assets = new App_Assets( $plugin_file );
	}

	/**
	 * Hooks the screen into the admin.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_assets' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( $this->plugin_file ), array( $this, 'add_settings_link' ) );
	}

	/**
	 * Adds Settings → Causerie.
	 */
	public function add_page(): void {
		$hook_suffix       = add_options_page(
			__( 'Causerie', 'causerie-connector' ),
			__( 'Causerie', 'causerie-connector' ),
			Plugin::CAPABILITY,
			self::SLUG,
			array( $this, 'render' )
		);
		$this->hook_suffix = is_string( $hook_suffix ) ? $hook_suffix : '';
	}

	/**
	 * URL of the screen.
	 */
	public function url(): string {
		return admin_url( 'options-general.php?page=' . self::SLUG );
	}

	/**
	 * Adds a "Settings" link on the Plugins screen.
	 *
	 * @param array<int|string, string> $links Existing action links.
	 * @return array<int|string, string>
	 */
	public function add_settings_link( $links ): array {
		$settings = sprintf( '<a href="%s">%s</a>', esc_url( $this->url() ), esc_html__( 'Settings', 'causerie-connector' ) );
		return array_merge( array( 'settings' => $settings ), $links );
	}

	/**
	 * Enqueues the app on the plugin's screen only.
	 *
	 * @param string $hook_suffix The current admin screen.
	 */
	public function enqueue_assets( $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}
		$this->assets->enqueue( self::PRELOADED );
	}

	/**
	 * The paths whose answers travel with the page.
	 *
	 * @return list<string>
	 */
	public static function preloaded_paths(): array {
		return App_Assets::paths( self::PRELOADED );
	}

	/**
	 * Prints the screen's container; the app renders inside it.
	 */
	public function render(): void {
		App_Assets::render();
	}
}
