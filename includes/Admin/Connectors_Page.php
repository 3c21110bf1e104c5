<?php
/**
 * Causerie on Settings → Connectors (WordPress 7.0 and later).
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Admin;

/**
 * Lists Causerie where WordPress lists a site's external services: its name, description and logo, and a link
 * to the plugin's screen, where the credentials live. Its authentication is `none` to core, because the OAuth
 * client and its secret are the plugin's own (encrypted, per environment, verified before they are kept): core's
 * API-key field can't hold them.
 *
 * The Connectors screen only renders the connectors a script gives a component to (core does so for API keys
 * alone), so a small script module of the plugin's gives Causerie's: its row and the link. Feature-detected by
 * the hooks themselves: WordPress 6.8 fires neither `wp_connectors_init` nor has that screen, so nothing
 * happens there.
 */
final class Connectors_Page {

	/**
	 * The connector's id in core's registry, and the slug its script registers the component under.
	 */
	public const ID = 'causerie';

	/**
	 * The connector's type: none of core's apply.
	 */
	public const TYPE = 'chatbot';

	/**
	 * Core's screen id of Settings → Connectors.
	 */
	public const SCREEN = 'options-connectors';

	/**
	 * The script module that gives the row its component, and what it imports.
	 */
	public const MODULE      = 'causerie-connector/connectors';
	public const MODULE_FILE = 'assets/connectors.js';
	public const CONNECTORS  = '@wordpress/connectors';

	/**
	 * The logo, shipped in the plugin.
	 */
	public const LOGO = 'assets/logo.svg';

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Main plugin file.
	 * @param string $version     Plugin version, for the script's address.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly string $version
	) {}

	/**
	 * Hooks the connector, the script and the script's data.
	 */
	public function register(): void {
		add_action( 'wp_connectors_init', array( $this, 'add_connector' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'script_module_data_' . self::MODULE, array( $this, 'module_data' ) );
	}

	/**
	 * Registers Causerie in core's registry, unless something already did.
	 *
	 * @param mixed $registry Core's WP_Connector_Registry.
	 */
	public function add_connector( $registry ): void {
		if ( ! is_object( $registry ) || ! method_exists( $registry, 'register' ) || ! method_exists( $registry, 'is_registered' ) || true === $registry->is_registered( self::ID ) ) {
			return;
		}
		$registry->register( self::ID, $this->connector() );
	}

	/**
	 * What core's registry keeps for Causerie.
	 *
	 * @return array{name: string, description: string, logo_url: string, type: string, authentication: array{method: string}, plugin: array{file: string}}
	 */
	public function connector(): array {
		return array(
			'name'           => __( 'Causerie chatbot', 'causerie-connector' ),
			'description'    => __( 'An AI chatbot that answers your visitors from your own pages.', 'causerie-connector' ),
			'logo_url'       => plugins_url( self::LOGO, $this->plugin_file ),
			'type'           => self::TYPE,
			'authentication' => array( 'method' => 'none' ),
			'plugin'         => array( 'file' => plugin_basename( $this->plugin_file ) ),
		);
	}

	/**
	 * Adds the script module on Settings → Connectors only.
	 */
	public function enqueue(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $screen || self::SCREEN !== $screen->id || ! function_exists( 'wp_enqueue_script_module' ) ) {
			return;
		}
		wp_enqueue_script_module(
			self::MODULE,
			plugins_url( self::MODULE_FILE, $this->plugin_file ),
			array(
				array(
					'id'     => self::CONNECTORS,
					'import' => 'static',
				),
			),
			$this->version
		);
	}

	/**
	 * What the script module reads: the link to the plugin's screen, in the admin's language.
	 *
	 * @param mixed $data Data other code gave the module.
	 * @return array<mixed>
	 */
	public function module_data( $data ): array {
		return array(
			'slug'      => self::ID,
			'url'       => admin_url( 'options-general.php?page=' . Settings_Page::SLUG ),
			'linkLabel' => __( 'Open Causerie settings', 'causerie-connector' ),
		) + ( is_array( $data ) ? $data : array() );
	}
}
