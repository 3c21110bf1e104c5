<?php
/**
 * Plugin Name: Causerie development site: offline
 * Description: Keeps the development and test sites quiet and offline: no update checks, no calls to
 * wordpress.org, outbound HTTP limited to loopback, mail written to a log instead of sent.
 *
 * @package Causerie\Connector
 */

// Nothing scheduled or triggered from the admin should even try to reach wordpress.org.
remove_action( 'init', 'wp_schedule_update_checks' );
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes', 'wp_update_plugins' ) as $causerie_callback ) {
	remove_action( 'admin_init', $causerie_callback );
}
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $causerie_hook ) {
	remove_action( $causerie_hook, 'wp_update_plugins' );
}
remove_action( 'load-themes.php', 'wp_update_themes' );
remove_action( 'load-update-core.php', 'wp_update_themes' );

$causerie_no_updates = static function () {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'response'        => array(),
		'no_update'       => array(),
		'checked'         => array(),
		'translations'    => array(),
	);
};
add_filter( 'pre_site_transient_update_core', $causerie_no_updates );
add_filter( 'pre_site_transient_update_plugins', $causerie_no_updates );
add_filter( 'pre_site_transient_update_themes', $causerie_no_updates );

add_action(
	'wp_dashboard_setup',
	static function () {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
		remove_meta_box( 'dashboard_php_nag', 'dashboard', 'normal' );
	},
	100
);
add_filter( 'pre_option_show_avatars', '__return_zero' );

// Answer the browser and PHP version checks locally.
add_filter(
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the key core makes: md5 of the header exactly as core reads it, never output.
	'pre_site_transient_browser_' . md5( isset( $_SERVER['HTTP_USER_AGENT'] ) ? (string) $_SERVER['HTTP_USER_AGENT'] : '' ),
	static fn() => array(
		'upgrade'         => false,
		'insecure'        => false,
		'name'            => '',
		'version'         => '',
		'current_version' => '',
	)
);
add_filter(
	'pre_site_transient_php_check_' . md5( PHP_VERSION ),
	static fn() => array(
		'recommended_version' => PHP_VERSION,
		'minimum_version'     => '7.2',
		'is_supported'        => true,
		'is_secure'           => true,
		'is_acceptable'       => true,
	)
);

// No mail server here: keep each message in wp-content/mail.log so tests can read it.
add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, array $atts ) {
		$line = wp_json_encode(
			array(
				'date'    => gmdate( 'c' ),
				'to'      => $atts['to'],
				'subject' => $atts['subject'],
				'message' => $atts['message'],
			)
		);
		file_put_contents( WP_CONTENT_DIR . '/mail.log', $line . "\n", FILE_APPEND );
		return true;
	},
	10,
	2
);
