<?php
/**
 * Loads the WordPress in the current directory as a request to WP_URL, for the scripts beside this one.
 *
 * @package Causerie\Connector
 */

$causerie_url = (string) getenv( 'WP_URL' );

$_SERVER['HTTP_HOST']   = (string) parse_url( $causerie_url, PHP_URL_HOST ) . ':' . (int) parse_url( $causerie_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';

require getcwd() . '/wp-load.php';
