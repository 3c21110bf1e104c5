<?php
/**
 * Turns the chat widget on for the E2E specs, as the Widget screen does once the API answered: the owner's
 * settings and the bot's description go into the widget's option, and the connection counts as healthy.
 *
 *   WP_URL=http://127.0.0.1:8871 php widget-on.php '{"settings":{…},"bot":{…}}'
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Widget\Widget_Options;

require __DIR__ . '/load.php';

$causerie_input = json_decode( $argv[1] ?? '', true );
if ( ! is_array( $causerie_input ) || ! is_array( $causerie_input['settings'] ?? null ) || ! is_array( $causerie_input['bot'] ?? null ) ) {
	fwrite( STDERR, "Usage: widget-on.php '{\"settings\":{...},\"bot\":{...}}'\n" );
	exit( 1 );
}
$causerie_widget = new Widget_Options();
$causerie_widget->ensure();
$causerie_widget->save_settings( $causerie_input['settings'] );
$causerie_widget->save_bot( $causerie_input['bot'] );
$causerie_widget->set_health( true );
