<?php
/**
 * Plugin Name: WP Consent API (test double)
 * Description: A stand-in for the WP Consent API plugin, for Causerie Connector's E2E specs. Never shipped.
 * Version: 1.0.8
 * Requires PHP: 8.1
 * License: GPL-2.0-or-later
 *
 * The WP Consent API plugin (wordpress.org/plugins/wp-consent-api) is in none of the package registries this
 * project builds from, so the specs run against this test double. It implements the public surface of the
 * plugin's version 1.0.8 as its readme documents it, written afresh from that documentation:
 *
 * - PHP: wp_get_consent_type() (the `wp_get_consent_type` filter, false without a consent banner),
 *   wp_has_consent( $category ), wp_set_consent( $category, $value ), consent_api_registered( $plugin ) (the
 *   `wp_consent_api_registered_{basename}` filter) and the wp_validate_consent_{type,category,value}() checks;
 *   the lists are filterable (`wp_consent_types`, `wp_consent_categories`, `wp_consent_values`,
 *   `wp_consent_cookie_prefix`).
 * - The rule: no consent type means consent to everything; `optin` needs the visitor's `allow`; `optout`
 *   consents until the visitor says `deny`. The visitor's choice is the cookie `wp_consent_<category>`.
 * - The browser's side is wp-consent-api.js beside this file (window.wp_has_consent, window.wp_set_consent, the
 *   `wp_listen_for_consent_change` event).
 *
 * It handles no consent itself: a banner sets the consent type (opt-in-banner.php here) and records choices.
 * Installed, not activated, by bin/e2e-sites.sh as wp-content/plugins/wp-consent-api, the real plugin's folder,
 * so plugins that know it by its basename find it; tests/e2e/consent-api.ts activates it for a spec.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

/**
 * How long a visitor's choice is kept, in days, before the `wp_consent_api_cookie_expiration` filter.
 */
const WP_CONSENT_API_COOKIE_DAYS = 30;

/**
 * A filterable list of names, keeping the strings a filter returns.
 *
 * @param string   $hook     The filter.
 * @param string[] $defaults The API's own list.
 * @phpstan-param non-empty-string $hook
 * @phpstan-param list<string> $defaults
 * @return list<string>
 */
function wp_consent_api_list( string $hook, array $defaults ): array {
	$names = apply_filters( $hook, $defaults );
	return is_array( $names ) ? array_values( array_filter( $names, 'is_string' ) ) : $defaults;
}

/**
 * The consent types a banner may set.
 *
 * @return list<string>
 */
function wp_consent_api_types(): array {
	return wp_consent_api_list( 'wp_consent_types', array( 'optin', 'optout' ) );
}

/**
 * The consent categories.
 *
 * @return list<string>
 */
function wp_consent_api_categories(): array {
	return wp_consent_api_list( 'wp_consent_categories', array( 'functional', 'preferences', 'statistics', 'statistics-anonymous', 'marketing' ) );
}

/**
 * What a visitor may answer for a category.
 *
 * @return list<string>
 */
function wp_consent_api_values(): array {
	return wp_consent_api_list( 'wp_consent_values', array( 'allow', 'deny' ) );
}

/**
 * The prefix of the cookies that keep the visitor's choices.
 */
function wp_consent_api_cookie_prefix(): string {
	$prefix = apply_filters( 'wp_consent_cookie_prefix', 'wp_consent' );
	return is_string( $prefix ) ? $prefix : 'wp_consent';
}

/**
 * How long a choice is kept, in days.
 */
function wp_consent_api_cookie_expiration(): int {
	$days = apply_filters( 'wp_consent_api_cookie_expiration', WP_CONSENT_API_COOKIE_DAYS );
	return is_int( $days ) ? $days : WP_CONSENT_API_COOKIE_DAYS;
}

/**
 * The cookie that keeps the visitor's choice for a category.
 *
 * @param string $category A consent category.
 */
function wp_consent_api_cookie_name( string $category ): string {
	return wp_consent_api_cookie_prefix() . '_' . $category;
}

/**
 * The consent type a valid name stands for, or false.
 *
 * @param mixed $consent_type A consent type.
 */
function wp_validate_consent_type( mixed $consent_type ): string|false {
	return in_array( $consent_type, wp_consent_api_types(), true ) ? $consent_type : false;
}

/**
 * The category a valid name stands for, or false.
 *
 * @param mixed $category A consent category.
 */
function wp_validate_consent_category( mixed $category ): string|false {
	return in_array( $category, wp_consent_api_categories(), true ) ? $category : false;
}

/**
 * The consent value a valid name stands for, or false.
 *
 * @param mixed $value `allow` or `deny`.
 */
function wp_validate_consent_value( mixed $value ): string|false {
	return in_array( $value, wp_consent_api_values(), true ) ? $value : false;
}

/**
 * The region's consent type, which a consent banner sets through the filter; false when none does.
 */
function wp_get_consent_type(): string|false {
	$type = apply_filters( 'wp_get_consent_type', false );
	return is_string( $type ) && '' !== $type ? $type : false;
}

/**
 * Whether the visitor consents to a category, from the consent type and the visitor's cookie.
 *
 * @param string      $category     A consent category.
 * @param string|bool $requested_by The basename of the plugin asking, for the `wp_has_consent` filter.
 */
function wp_has_consent( string $category, string|bool $requested_by = false ): bool {
	$type   = wp_get_consent_type();
	$name   = wp_consent_api_cookie_name( (string) wp_validate_consent_category( $category ) );
	$choice = isset( $_COOKIE[ $name ] ) && is_string( $_COOKIE[ $name ] ) ? sanitize_key( wp_unslash( $_COOKIE[ $name ] ) ) : null;
	$has    = match ( true ) {
		false === $type                 => true,
		str_contains( $type, 'optout' ) => null === $choice || 'allow' === $choice,
		default                         => 'allow' === $choice,
	};
	return (bool) apply_filters( 'wp_has_consent', $has, $category, $requested_by );
}

/**
 * Records the visitor's choice for a category, as a consent banner does on the server.
 *
 * @param string $category A consent category.
 * @param string $value    `allow` or `deny`.
 */
function wp_set_consent( string $category, string $value ): void {
	$category = wp_validate_consent_category( apply_filters( 'wp_set_consent_type', $category ) );
	$value    = wp_validate_consent_value( apply_filters( 'wp_set_consent_value', $value ) );
	if ( false === $category || false === $value || headers_sent() ) {
		return;
	}
	setcookie( wp_consent_api_cookie_name( $category ), $value, time() + wp_consent_api_cookie_expiration() * DAY_IN_SECONDS, '/' );
}

/**
 * Whether a plugin declared that it follows the Consent API.
 *
 * @param string $plugin A plugin's basename, such as `causerie-connector/causerie-connector.php`.
 */
function consent_api_registered( string $plugin ): bool {
	return (bool) apply_filters( "wp_consent_api_registered_{$plugin}", false );
}

/**
 * The browser's half of the API, late in the footer, with what it needs to read the same cookies.
 */
function wp_consent_api_enqueue(): void {
	wp_enqueue_script( 'wp-consent-api', plugins_url( 'wp-consent-api.js', __FILE__ ), array(), '1.0.8', true );
	wp_localize_script(
		'wp-consent-api',
		'consent_api',
		array(
			'consent_type'         => wp_get_consent_type(),
			'waitfor_consent_hook' => (bool) apply_filters( 'wp_consent_api_waitfor_consent_hook', false ),
			'cookie_expiration'    => wp_consent_api_cookie_expiration(),
			'cookie_prefix'        => wp_consent_api_cookie_prefix(),
		)
	);
}
// Late, so that plugins listening for its event are on the page first, as the real plugin does.
add_action( 'wp_enqueue_scripts', 'wp_consent_api_enqueue', PHP_INT_MAX - 100 );
