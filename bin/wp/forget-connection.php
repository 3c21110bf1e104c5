<?php
/**
 * Forgets the cached token, endpoints and keys of the plugin, for the benchmark: the next check starts cold.
 *
 *   WP_URL=http://127.0.0.1:8883 php forget-connection.php
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;

require __DIR__ . '/load.php';

( new Token_Store( new Encryption() ) )->clear();
global $wpdb;
// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL -- the plugin's own transients.
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_%causerie\\_%'" );
wp_cache_flush();
