<?php
/**
 * Makes the plugin's cached token look expired, for the benchmark: the next requests must renew it.
 *
 *   WP_URL=http://127.0.0.1:8883 php expire-token.php
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;

require __DIR__ . '/load.php';

$causerie_store = new Token_Store( new Encryption() );
$causerie_token = $causerie_store->get();
if ( null === $causerie_token ) {
	fwrite( STDERR, "No cached token to expire.\n" );
	exit( 1 );
}
$causerie_store->put(
	new Cached_Token( $causerie_token->access_token, null, time() - 7200, time() - 10, $causerie_token->scopes, $causerie_token->environment, 0, $causerie_token->identity )
);
