<?php
/**
 * Turns the chat widget on or off, with the bot as the widget's configuration call stores it, for the bench
 * and the tests: `on` shows it to visitors (a healthy connection, a bot served by the given sandbox).
 *
 *   WP_URL=http://127.0.0.1:8897 php widget.php on|off http://127.0.0.1:8898
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Widget\Widget_Options;

require __DIR__ . '/load.php';

if ( ! class_exists( Widget_Options::class ) ) {
	fwrite( STDERR, "Causerie Connector is not active on this site.\n" );
	exit( 1 );
}
$causerie_api     = untrailingslashit( $argv[2] ?? 'http://127.0.0.1:8877' );
$causerie_home    = wp_parse_url( home_url() );
$causerie_options = new Widget_Options();
$causerie_options->save_bot(
	array(
		'botId'     => 'bot_bench',
		'scriptUrl' => $causerie_api . '/widget/v1/widget.js',
		'chatUrl'   => $causerie_api . '/chat/v1',
		'greeting'  => 'Hello! Ask me about this site.',
		'color'     => '#1e6b52',
		'textColor' => '#ffffff',
		'position'  => 'bottom-right',
		'origin'    => ( $causerie_home['scheme'] ?? 'http' ) . '://' . ( $causerie_home['host'] ?? '' ) . ( isset( $causerie_home['port'] ) ? ':' . $causerie_home['port'] : '' ),
		'fetchedAt' => time(),
	)
);
$causerie_options->save_settings( array( 'enabled' => 'on' === ( $argv[1] ?? '' ) ) );
$causerie_options->set_health( true );
