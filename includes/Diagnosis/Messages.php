<?php
/**
 * Plain-language titles of the diagnosis codes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * What each code means, in words a site owner understands. Translated here, so the admin app shows
 * what the server sends.
 */
final class Messages {

	/**
	 * The one-line title of a code.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function title( string $code ): string {
		return match ( $code ) {
			'token_expired'           => __( 'The access token has expired.', 'causerie-connector' ),
			'token_malformed'         => __( 'The access token is damaged and cannot be read.', 'causerie-connector' ),
			'token_signature_invalid' => __( 'The access token\'s signature does not match Causerie\'s keys.', 'causerie-connector' ),
			'token_revoked'           => __( 'The access token was revoked.', 'causerie-connector' ),
			'token_invalid'           => __( 'Causerie refused the access token.', 'causerie-connector' ),
			'insufficient_scope'      => __( 'The credentials lack a permission (scope) the chatbot needs.', 'causerie-connector' ),
			'environment_mismatch'    => __( 'These credentials belong to another environment than this site.', 'causerie-connector' ),
			'invalid_client'          => __( 'Causerie does not accept this client id and secret. The secret may have been regenerated.', 'causerie-connector' ),
			'invalid_grant'           => __( 'Causerie refused the saved authorization; a new token is needed.', 'causerie-connector' ),
			'invalid_scope'           => __( 'Causerie refused the requested permissions (scopes) for this client.', 'causerie-connector' ),
			'unauthorized_client'     => __( 'This client is not allowed to connect this way.', 'causerie-connector' ),
			'token_endpoint_error'    => __( 'Causerie\'s sign-in service gave an unexpected answer.', 'causerie-connector' ),
			'dns_failure'             => __( 'The API address could not be found (DNS).', 'causerie-connector' ),
			'connection_refused'      => __( 'The API refused the connection.', 'causerie-connector' ),
			'timeout'                 => __( 'The API did not answer in time.', 'causerie-connector' ),
			'tls_failure'             => __( 'The secure (HTTPS) connection to the API failed, often because of a certificate problem.', 'causerie-connector' ),
			'network_error'           => __( 'The connection to the API failed.', 'causerie-connector' ),
			'server_error'            => __( 'The Causerie API has a problem on its side (server error).', 'causerie-connector' ),
			'rate_limited'            => __( 'The Causerie API asked to slow down (too many requests).', 'causerie-connector' ),
			'not_json'                => __( 'The API answered with a web page instead of data; a proxy, firewall or maintenance page may be in the way.', 'causerie-connector' ),
			'metadata_invalid'        => __( 'The API address does not match what the server says about itself.', 'causerie-connector' ),
			'clock_skew'              => __( 'This server\'s clock is out of step with Causerie\'s.', 'causerie-connector' ),
			'encryption_key_changed'  => __( 'The stored secret can no longer be read because the site\'s encryption key changed. Enter the secret again.', 'causerie-connector' ),
			'site_moved'              => __( 'This site\'s address changed since it was connected; it may have been moved or copied.', 'causerie-connector' ),
			'connection_paused'       => __( 'The connection is paused on this copy of the site.', 'causerie-connector' ),
			'not_configured'          => __( 'The connection is not set up yet.', 'causerie-connector' ),
			'token_not_yet_valid'     => __( 'The access token is not valid yet: its start time is in the future.', 'causerie-connector' ),
			'token_issuer_mismatch'   => __( 'The access token was issued by another server than the configured API address.', 'causerie-connector' ),
			'token_audience_mismatch' => __( 'The access token is meant for another API than the configured one.', 'causerie-connector' ),
			'token_type_invalid'      => __( 'This is not an access token: its type is wrong.', 'causerie-connector' ),
			'token_algorithm_not_allowed' => __( 'The token is signed in a way the plugin refuses (unsigned or with a shared secret).', 'causerie-connector' ),
			'token_unverifiable'      => __( 'The token\'s signature could not be checked in this browser.', 'causerie-connector' ),
			'signing_key_unknown'     => __( 'The token was signed with a key Causerie does not publish (any more).', 'causerie-connector' ),
			'signing_keys_invalid'    => __( 'Causerie\'s published signing keys could not be read.', 'causerie-connector' ),
			'secure_context_required' => __( 'This browser checks signatures only on secure (HTTPS) pages.', 'causerie-connector' ),
			default                   => __( 'Something went wrong with the connection.', 'causerie-connector' ),
		};
	}
}
