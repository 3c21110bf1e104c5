<?php
/**
 * Plugin Name:       Causerie Connector
 * Plugin URI:        https://causerie.example/wordpress
 * Description:       Connects this site to the Causerie AI chatbot API and keeps the connection healthy.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Causerie
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       causerie-connector
 * Domain Path:       /languages
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

defined( 'ABSPATH' ) || exit;

const VERSION = '0.1.0';

/**
 * Shows an admin notice instead of loading when the plugin cannot run here.
 *
 * @param \Closure $message Gives the plain-text reason, translated: called late, as translations load at init.
 *
 * @phpstan-param \Closure(): string $message
 */
function refuse_to_load( \Closure $message ): void {
	add_action(
		'admin_notices',
		static function () use ( $message ): void {
			if ( current_user_can( 'activate_plugins' ) ) {
				printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message() ) );
			}
		}
	);
}

if ( version_compare( PHP_VERSION, '8.1', '<' ) || version_compare( get_bloginfo( 'version' ), '6.6', '<' ) ) {
	refuse_to_load( static fn(): string => __( 'Causerie Connector needs WordPress 6.6 and PHP 8.1 or later. It is not running.', 'causerie-connector' ) );
	return;
}

if ( ! is_readable( __DIR__ . '/vendor/autoload.php' ) || ! is_readable( __DIR__ . '/build/index.asset.php' ) ) {
	refuse_to_load( static fn(): string => __( 'Causerie Connector is incomplete: its vendor/ or build/ folder is missing. Install the release zip, or run "npm start" in a development copy.', 'causerie-connector' ) );
	return;
}

require_once __DIR__ . '/vendor/autoload.php';

( new Plugin( __FILE__, VERSION ) )->register();
