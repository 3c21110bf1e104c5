<?php
/**
 * The chat widget on the pages visitors see.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * Decides from the autoloaded widget option alone (no query, no remote call) whether a page view shows the
 * bubble, and then adds one deferred script and the widget's configuration; where it doesn't show, it adds
 * nothing at all. The configuration is data, never code: a `<script type="application/json">` is not executed,
 * so it needs no 'unsafe-inline' under a Content-Security-Policy, and its JSON escapes `<`, `>`, `&` and quotes
 * as \u00XX, so no value can close the element. It carries the bot's public id and the chat service's address,
 * never a token, a secret or a client id.
 *
 * @phpstan-import-type Settings from Widget_Options
 * @phpstan-import-type Bot from Widget_Options
 */
final class Widget_Front {

	/**
	 * The widget script from Causerie's CDN, loaded at once.
	 */
	public const SCRIPT_HANDLE = 'causerie-widget';

	/**
	 * The plugin's tiny loader, which adds the CDN script once the visitor consents.
	 */
	public const LOADER_HANDLE = 'causerie-widget-loader';

	/**
	 * The loader, relative to the plugin's folder (a webpack entry, src/widget-loader).
	 */
	public const LOADER_PATH = 'build/widget-loader/index.js';

	/**
	 * The configuration element's id, which the widget script and the loader read.
	 */
	public const CONFIG_ID = 'causerie-widget-config';

	/**
	 * Just before wp_print_footer_scripts (20): a block or shortcode rendered late still gets its configuration.
	 */
	private const CONFIG_PRIORITY = 19;

	/**
	 * Whether this page loads the widget.
	 *
	 * @var bool
	 */
	private bool $loading = false;

	/**
	 * Constructor.
	 *
	 * @param string         $plugin_file Main plugin file, for the loader's address.
	 * @param string         $version     Plugin version, the loader's cache buster.
	 * @param Widget_Options $options     The widget's option.
	 * @param Consent        $consent     Whether it waits for consent.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly string $version,
		private readonly Widget_Options $options,
		private readonly Consent $consent
	) {}

	/**
	 * Two cheap hooks; neither does anything on admin, REST, AJAX, feed or embed requests.
	 */
	public function register(): void {
		add_action( 'wp_enqueue_scripts', array( $this, 'place' ) );
		add_action( 'wp_footer', array( $this, 'print_config' ), self::CONFIG_PRIORITY );
	}

	/**
	 * Loads the widget where the owner's placement rule puts it.
	 */
	public function place(): void {
		if ( ! $this->page_view() || ! $this->options->shown() ) {
			return;
		}
		$object  = get_queried_object();
		$post_id = $object instanceof \WP_Post ? $object->ID : 0;
		$type    = $object instanceof \WP_Post && is_singular() ? $object->post_type : null;
		if ( Placement::matches( $this->options->settings(), $type, $post_id ) ) {
			$this->load();
		}
	}

	/**
	 * Loads the widget on this page, once, if it is shown: for the placement rule, or for a block or shortcode.
	 *
	 * @return bool Whether the page loads it.
	 */
	public function load(): bool {
		if ( $this->loading ) {
			return true;
		}
		$bot = $this->options->bot();
		if ( null === $bot || ! $this->page_view() || ! $this->options->shown() ) {
			return false;
		}
		$this->loading = true;
		$args          = array(
			'strategy'  => 'defer',
			'in_footer' => true,
		);
		if ( null === $this->consent->gate( $this->options->settings()['consent'] ) ) {
			// No version: a query string would make every site's copy of the CDN script a cache miss.
			wp_enqueue_script( self::SCRIPT_HANDLE, $bot['scriptUrl'], array(), null, $args ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the CDN's own URL and caching.
		} else {
			wp_enqueue_script( self::LOADER_HANDLE, plugins_url( self::LOADER_PATH, $this->plugin_file ), array(), $this->version, $args );
		}
		return true;
	}

	/**
	 * The configuration element, on a page that loads the widget.
	 */
	public function print_config(): void {
		$bot = $this->options->bot();
		if ( ! $this->loading || null === $bot ) {
			return;
		}
		$json = wp_json_encode( $this->config( $this->options->settings(), $bot ), JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		if ( false !== $json ) {
			wp_print_inline_script_tag(
				$json,
				array(
					'type' => 'application/json',
					'id'   => self::CONFIG_ID,
				)
			);
		}
	}

	/**
	 * What the widget reads (docs/causerie-api.md §8): the bot's theme, with the owner's appearance winning where
	 * set; and, when it waits for consent, what the loader needs. Empty values are left out: the widget's own
	 * defaults apply.
	 *
	 * @param array $settings The owner's choices.
	 * @param array $bot      The bot.
	 * @phpstan-param Settings $settings
	 * @phpstan-param Bot $bot
	 * @return array<string, mixed>
	 */
	public function config( array $settings, array $bot ): array {
		$appearance = $settings['appearance'];
		$config     = array_filter(
			array(
				'botId'        => $bot['botId'],
				'chatUrl'      => $bot['chatUrl'],
				'greeting'     => '' !== $appearance['greeting'] ? $appearance['greeting'] : $bot['greeting'],
				'color'        => '' !== $appearance['color'] ? $appearance['color'] : $bot['color'],
				'textColor'    => $bot['textColor'],
				'position'     => '' !== $appearance['position'] ? $appearance['position'] : $bot['position'],
				'launcherText' => $appearance['launcherText'],
				'title'        => wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ),
			),
			static fn( string $value ): bool => '' !== $value
		);
		$gate       = $this->consent->gate( $settings['consent'] );
		if ( null !== $gate ) {
			$config['loader'] = array(
				'src'      => $bot['scriptUrl'],
				'category' => $gate['category'],
			);
		}
		return $config;
	}

	/**
	 * Whether this request is a page view for a visitor: not the admin, REST, AJAX, a feed or an embed.
	 */
	private function page_view(): bool {
		return ! is_admin() && ! wp_doing_ajax() && ! wp_is_serving_rest_request() && ! is_feed() && ! is_embed();
	}
}
