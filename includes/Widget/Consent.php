<?php
/**
 * Whether the widget waits for the visitor's consent, and for which.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * The widget loads a third-party script that receives the visitor's address and what they type, and it exists
 * partly to capture leads: so with the WP Consent API active it waits for the `marketing` category, the one
 * consent banners leave off until the visitor opts in. A site whose policy counts the chat as a service the
 * visitor asks for may choose `functional` through the filter. Without the Consent API, the owner's `signal`
 * setting makes it wait for the page's own signal (the loader documents it).
 *
 * The decision is made in the browser, never from the consent cookie in PHP, so a cached page is right for
 * every visitor.
 */
final class Consent {

	/**
	 * The WP Consent API category the widget waits for.
	 */
	public const CATEGORY = 'marketing';

	/**
	 * Filters the category: `apply_filters( 'causerie_connector_widget_consent_category', 'marketing' )`.
	 */
	public const CATEGORY_FILTER = 'causerie_connector_widget_consent_category';

	/**
	 * The WP Consent API's hook prefix for a plugin declaring itself compliant, followed by its basename.
	 */
	public const REGISTERED_FILTER = 'wp_consent_api_registered_';

	/**
	 * Constructor.
	 *
	 * @param string   $plugin_file Main plugin file, whose basename the Consent API knows the plugin by.
	 * @param \Closure $api_active  Whether the WP Consent API is active, asked when a page loads the widget.
	 * @phpstan-param \Closure(): bool $api_active
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly \Closure $api_active
	) {}

	/**
	 * Declares the plugin compliant: its one visitor-facing script waits for consent when the API is there.
	 */
	public function register(): void {
		add_filter( self::REGISTERED_FILTER . plugin_basename( $this->plugin_file ), '__return_true' );
	}

	/**
	 * What the widget waits for before it loads: a Consent API category, the page's own signal (category null),
	 * or nothing (null: it loads at once).
	 *
	 * @param string $setting The owner's consent setting (Widget_Options::CONSENT).
	 * @return array{category: string|null}|null
	 */
	public function gate( string $setting ): ?array {
		if ( ( $this->api_active )() ) {
			$category = apply_filters( self::CATEGORY_FILTER, self::CATEGORY ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant holds the prefixed name.
			return array( 'category' => is_string( $category ) && '' !== $category ? $category : self::CATEGORY );
		}
		return 'signal' === $setting ? array( 'category' => null ) : null;
	}
}
