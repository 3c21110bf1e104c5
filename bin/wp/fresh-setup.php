<?php
/**
 * Puts the plugin of an E2E site back to a fresh install's state, for the first-run spec: no credentials, no
 * token, the chatbot off with nothing known of its bot, and the default content chosen.
 *
 *   WP_URL=http://127.0.0.1:8871 php fresh-setup.php
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Widget\Widget_Options;

require __DIR__ . '/load.php';

if ( ! class_exists( Credential_Store::class ) ) {
	fwrite( STDERR, "Causerie Connector is not active on this site.\n" );
	exit( 1 );
}
foreach ( array( Credential_Store::OPTION, Token_Store::OPTION, Widget_Options::OPTION, Content_Selection::OPTION ) as $causerie_option ) {
	delete_option( $causerie_option );
}
( new Widget_Options() )->ensure();
