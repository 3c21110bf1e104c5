<?php
/**
 * Makes a given access token the plugin's token in use, for the E2E specs: a token minted by the sandbox
 * already expired, say, as if the plugin had held on to it too long.
 *
 *   WP_URL=http://127.0.0.1:8871 php plant-token.php <access token>
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;

require __DIR__ . '/load.php';

$causerie_store = new Token_Store( new Encryption() );
$causerie_token = $causerie_store->get();
if ( null === $causerie_token || ! isset( $argv[1] ) ) {
	fwrite( STDERR, "Usage: plant-token.php <access token>, with a token in use to replace.\n" );
	exit( 1 );
}
// The schedule stays the one of the token it replaces: the plugin believes it still valid.
$causerie_store->put(
	new Cached_Token( $argv[1], null, $causerie_token->issued_at, $causerie_token->expires_at, $causerie_token->scopes, $causerie_token->environment, $causerie_token->clock_skew, $causerie_token->identity )
);
