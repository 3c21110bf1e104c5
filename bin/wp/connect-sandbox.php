<?php
/**
 * Stores the sandbox API's development client in the plugin, as an admin would in Settings → Causerie.
 *
 *   WP_URL=http://127.0.0.1:8880 php connect-sandbox.php http://127.0.0.1:8877
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;

require __DIR__ . '/load.php';

if ( ! class_exists( Credential_Store::class ) ) {
	fwrite( STDERR, "Causerie Connector is not active on this site.\n" );
	exit( 1 );
}
( new Credential_Store( new Encryption(), new Overrides() ) )->save(
	wp_get_environment_type(),
	array(
		'clientId'     => 'wp-development',
		'clientSecret' => 'sandbox-development-secret',
		'apiUrl'       => $argv[1] ?? 'http://127.0.0.1:8877',
		'scopes'       => array( 'read:widget', 'write:knowledge', 'read:conversations' ),
	)
);
( new Site_Binding() )->bind();
// The profile it went to, for the start-up banner.
echo esc_html( wp_get_environment_type() );
