<?php
/**
 * Alters the cached token's claims without signing them again, for the E2E specs: the API must then
 * refuse its signature.
 *
 *   WP_URL=http://127.0.0.1:8871 php tamper-token.php
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
	fwrite( STDERR, "No cached token to tamper with.\n" );
	exit( 1 );
}
$causerie_parts = explode( '.', $causerie_token->access_token );
// Someone widens the token's scope and keeps the old signature: the claims still decode, the signature no longer matches.
$causerie_claims          = (array) json_decode( (string) base64_decode( strtr( $causerie_parts[1], '-_', '+/' ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- a JWT segment.
$causerie_claims['scope'] = trim( ( $causerie_claims['scope'] ?? '' ) . ' admin:all' );
$causerie_parts[1]        = rtrim( strtr( base64_encode( (string) wp_json_encode( $causerie_claims ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a JWT segment.
$causerie_store->put(
	new Cached_Token( implode( '.', $causerie_parts ), $causerie_token->refresh_token, $causerie_token->issued_at, $causerie_token->expires_at, $causerie_token->scopes, $causerie_token->environment, $causerie_token->clock_skew, $causerie_token->identity )
);
