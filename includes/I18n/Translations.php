<?php
/**
 * The plugin's translations.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\I18n;

use Causerie\Connector\Plugin;

/**
 * Points WordPress at the translations shipped in the plugin's languages/ folder.
 *
 * WordPress 6.7 and later find them from the "Domain Path" header; 6.6 loads only what a plugin asks for,
 * so the plugin asks, early on init, before any of its strings are needed. The admin app's JSON is
 * found by wp_set_script_translations(), where Admin\Settings_Page enqueues the script.
 */
final class Translations {

	/**
	 * Folder of the .mo and JSON files, relative to the plugin's root.
	 */
	public const DIRECTORY = 'languages';

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Absolute path of the main plugin file.
	 */
	public function __construct( private readonly string $plugin_file ) {}

	/**
	 * Hooks the loading into WordPress.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'load' ), 0 );
	}

	/**
	 * Registers the plugin's languages folder for its text domain.
	 */
	public function load(): bool {
		return load_plugin_textdomain( Plugin::TEXT_DOMAIN, false, dirname( plugin_basename( $this->plugin_file ) ) . '/' . self::DIRECTORY );
	}
}
