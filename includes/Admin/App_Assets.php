<?php
/**
 * The admin app's script, style, translations and preloaded answers.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Plugin;
use Causerie\Connector\REST\Admin_Controller;

/**
 * Loads build/index.js, the one app of Settings → Causerie and of Network Admin → Settings → Causerie,
 * with the REST answers its first paint reads, and prints the element it renders in.
 */
final class App_Assets {

	public const SCRIPT_HANDLE = 'causerie-connector-admin';
	public const ROOT_ID       = 'causerie-connector-root';

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Absolute path of the main plugin file.
	 */
	public function __construct( private readonly string $plugin_file ) {}

	/**
	 * Enqueues the app, with the answers of the given controllers' routes preloaded.
	 *
	 * @param array<int, class-string<Admin_Controller>> $preloaded Controllers whose GET the first paint reads.
	 */
	public function enqueue( array $preloaded ): void {
		$build = dirname( $this->plugin_file ) . '/build/';
		$asset = Asset_File::read( $build . 'index.asset.php' );

		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			plugins_url( 'build/index.js', $this->plugin_file ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::SCRIPT_HANDLE, Plugin::TEXT_DOMAIN, dirname( $this->plugin_file ) . '/languages' );

		$style_dependencies = array( 'wp-components' );
		if ( is_readable( $build . 'index.css' ) ) {
			wp_enqueue_style( self::SCRIPT_HANDLE, plugins_url( 'build/index.css', $this->plugin_file ), $style_dependencies, $asset['version'] );
		} else {
			wp_enqueue_style( 'wp-components' );
		}

		// The first REST answers travel with the page, so the screen paints without waiting for a request.
		$answers = array_reduce( self::paths( $preloaded ), 'rest_preload_api_request', array() );
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( $answers ) ),
			'after'
		);
	}

	/**
	 * The paths of the controllers' routes.
	 *
	 * @param array<int, class-string<Admin_Controller>> $controllers Controllers.
	 * @return list<string>
	 */
	public static function paths( array $controllers ): array {
		return array_values( array_map( static fn ( string $controller ): string => $controller::path(), $controllers ) );
	}

	/**
	 * Prints the screen's title and the app's container.
	 *
	 * @param string $screen What the app shows there, as the root's data-screen (src/index.tsx); '' for the site's.
	 */
	public static function render( string $screen = '' ): void {
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="%2$s"%3$s><noscript><p>%4$s</p></noscript></div></div>',
			esc_html__( 'Causerie', 'causerie-connector' ),
			esc_attr( self::ROOT_ID ),
			'' === $screen ? '' : ' data-screen="' . esc_attr( $screen ) . '"',
			esc_html__( 'This screen needs JavaScript.', 'causerie-connector' )
		);
	}
}
