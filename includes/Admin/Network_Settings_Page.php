<?php
/**
 * The Network Admin → Settings → Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Plugin;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\REST\Network_Sync_Controller;

/**
 * The site screen's app in its network mode: the network's credentials, which every site uses unless it
 * sets its own, saved through the network's settings route (so the input rules and the verification against
 * the API before saving are the site screen's), and each site's knowledge sync.
 */
final class Network_Settings_Page {

	public const SLUG = 'causerie-connector';

	/**
	 * The root's data-screen that starts the app in its network mode (src/index.tsx).
	 */
	public const SCREEN = 'network';

	/**
	 * The controllers whose GET the screen's first paint reads.
	 *
	 * @var list<class-string<Admin_Controller>>
	 */
	private const PRELOADED = array(
		Network_Settings_Controller::class,
		Network_Sync_Controller::class,
	);

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
	 * Constructor.
	 *
	 * @param string $plugin_file Absolute path of the main plugin file.
	 */
	public function __construct( string $plugin_file ) {
		$this->assets = new App_Assets( $plugin_file );
	}

	/**
	 * Hooks the screen into the network admin.
	 */
	public function register(): void {
		add_action( 'network_admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_assets' ) );
	}

	/**
	 * Adds Network Admin → Settings → Causerie.
	 */
	public function add_page(): void {
		$hook_suffix       = add_submenu_page(
			'settings.php',
			__( 'Causerie', 'causerie-connector' ),
			__( 'Causerie', 'causerie-connector' ),
			Plugin::NETWORK_CAPABILITY,
			self::SLUG,
			array( $this, 'render' )
		);
		$this->hook_suffix = is_string( $hook_suffix ) ? $hook_suffix : '';
	}

	/**
	 * URL of the screen.
	 */
	public function url(): string {
		return network_admin_url( 'settings.php?page=' . self::SLUG );
	}

	/**
	 * Enqueues the app on this screen only, with the network's answers preloaded.
	 *
	 * @param string $hook_suffix The current admin screen.
	 */
	public function enqueue_assets( $hook_suffix ): void {
		// The site screen has the same hook suffix; this one is set only where network_admin_menu ran.
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
	 * Prints the app's container, in its network mode.
	 */
	public function render(): void {
		if ( current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			App_Assets::render( self::SCREEN );
		}
	}
}
