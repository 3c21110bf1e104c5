<?php
/**
 * Constants WordPress defines at runtime, declared for static analysis.
 *
 * @package Causerie\Connector
 */

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'WP_UNINSTALL_PLUGIN', 'causerie-connector/causerie-connector.php' );
define( 'WP_PLUGIN_DIR', '/tmp/wordpress/wp-content/plugins' );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'ARRAY_A', 'ARRAY_A' );
