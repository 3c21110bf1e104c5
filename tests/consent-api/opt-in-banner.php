<?php
/**
 * Plugin Name: Opt-in consent banner (test double)
 * Description: Stands for a consent banner plugin in Causerie Connector's E2E specs: every visitor is in an opt-in region. Never shipped.
 * Version: 1.0.0
 * License: GPL-2.0-or-later
 *
 * A real banner (Complianz, Cookiebot, CookieYes…) sets the region's consent type through the WP Consent API's
 * `wp_get_consent_type` filter and calls wp_set_consent() when the visitor clicks. This one only sets the type
 * to `optin`, so nothing is consented until the visitor allows it; the spec plays the clicks by calling
 * window.wp_set_consent() in the page.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

add_filter( 'wp_get_consent_type', static fn(): string => 'optin' );
