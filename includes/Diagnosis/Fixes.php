<?php
/**
 * What each diagnosis means and how to fix it.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * The explanation and the ordered fix steps of each code, in words a site owner can follow without a
 * developer. Translated here; the admin app shows them as sent.
 */
final class Fixes {

	/**
	 * Title, explanation and steps of a code.
	 *
	 * @param string $code Diagnosis code.
	 * @return array{title: string, explanation: string, steps: list<string>}
	 */
	public static function describe( string $code ): array {
		$renew   = __( 'Choose "Get a new token". The plugin asks Causerie for a fresh one and checks it.', 'causerie-connector' );
		$verify  = __( 'Run the checks again to confirm the connection works.', 'causerie-connector' );
		$new_key = __( 'In the Causerie dashboard, open your app\'s credentials and generate a new client secret.', 'causerie-connector' );
		$paste   = __( 'Paste the new secret in the Credentials section and save: the plugin checks it before it replaces the old one.', 'causerie-connector' );
		$wait    = __( 'Wait a few minutes, then run the checks again; the plugin retries on its own meanwhile.', 'causerie-connector' );
		$api_url = __( 'Copy the API address exactly as the Causerie dashboard shows it, and save.', 'causerie-connector' );
		$host    = __( 'If it persists, send the support report to your host: the server must be able to reach the API address over HTTPS.', 'causerie-connector' );
		$text    = match ( $code ) {
			'token_expired'           => array( __( 'Access tokens live a limited time. This one expired before it was renewed, often because scheduled tasks (WP-Cron) do not run.', 'causerie-connector' ), array( $renew, $verify ) ),
			'token_revoked'           => array( __( 'Causerie withdrew the token, for example after a security action in the dashboard.', 'causerie-connector' ), array( $renew, $verify ) ),
			'token_signature_invalid' => array( __( 'Causerie no longer recognises the key that signed the token, usually because it changed its signing keys.', 'causerie-connector' ), array( $renew, $verify ) ),
			'token_malformed', 'token_invalid' => array( __( 'The token the plugin holds can\'t be used.', 'causerie-connector' ), array( $renew, $verify ) ),
			'insufficient_scope', 'invalid_scope' => array( __( 'The app in the Causerie dashboard lacks a permission the plugin needs. The checks list which one.', 'causerie-connector' ), array( __( 'In the Causerie dashboard, grant the missing permissions (scopes) to your app.', 'causerie-connector' ), $renew, $verify ) ),
			'environment_mismatch'    => array( __( 'The credentials belong to another environment than this site, such as development credentials on a live site.', 'causerie-connector' ), array( __( 'Enter the credentials made for this environment, or check the WP_ENVIRONMENT_TYPE setting of this site.', 'causerie-connector' ), $verify ) ),
			'invalid_client'          => array( __( 'Causerie refuses the client id and secret. The secret was probably regenerated in the dashboard.', 'causerie-connector' ), array( $new_key, $paste, $verify ) ),
			'invalid_grant', 'unauthorized_client' => array( __( 'Causerie refused how the plugin asked for a token.', 'causerie-connector' ), array( $renew, $new_key, $paste ) ),
			'clock_skew'              => array( __( 'Tokens carry times. When this server\'s clock is off, valid tokens look expired or not yet valid.', 'causerie-connector' ), array( __( 'Ask your host to synchronise the server clock (NTP). The checks show by how many seconds it is off.', 'causerie-connector' ), $verify ) ),
			'encryption_key_changed'  => array( __( 'The secret is stored encrypted with a key from wp-config.php. That key changed (salts rotated or site migrated), so the stored secret can\'t be read.', 'causerie-connector' ), array( $paste, $verify ) ),
			'site_moved'              => array( __( 'The site answers at another address than when it was connected. It was moved, or this is a copy such as a staging site.', 'causerie-connector' ), array( __( 'If this is the site\'s new address, choose "This is the new address".', 'causerie-connector' ), __( 'If this is a copy, choose "Pause the connection" so it does not act as the live site.', 'causerie-connector' ) ) ),
			'connection_paused'       => array( __( 'An administrator paused the connection on this copy of the site.', 'causerie-connector' ), array( __( 'If this is now the live site, choose "This is the new address" to resume.', 'causerie-connector' ) ) ),
			'not_configured'          => array( __( 'No credentials are saved for this environment yet.', 'causerie-connector' ), array( __( 'Copy the client id, secret and API address from the Causerie dashboard into the Credentials section and save.', 'causerie-connector' ) ) ),
			'rate_limited'            => array( __( 'Causerie limits how often it can be called and asked the plugin to wait.', 'causerie-connector' ), array( $wait ) ),
			'server_error', 'token_endpoint_error' => array( __( 'The problem is on Causerie\'s side, not on this site.', 'causerie-connector' ), array( $wait, __( 'If it lasts, check Causerie\'s status page.', 'causerie-connector' ) ) ),
			'token_not_yet_valid'     => array( __( 'The token carries a time before which it must not be used, and that time has not come by this clock. The clock of this computer, of this server or of Causerie\'s server is off.', 'causerie-connector' ), array( __( 'Check that this computer\'s clock is right, and ask your host to synchronise the server clock (NTP). The checks show by how many seconds it is off.', 'causerie-connector' ), $renew, $verify ) ),
			'token_issuer_mismatch'   => array( __( 'The token names the server that issued it (iss). It differs from the API address saved in the Credentials section, for example a token from another Causerie account, or the same server written another way (localhost instead of 127.0.0.1).', 'causerie-connector' ), array( $api_url, $renew, $verify ) ),
			'token_audience_mismatch' => array( __( 'The token names the API it is meant for (aud). It is not the configured API address followed by /v1, so that API would refuse it.', 'causerie-connector' ), array( $api_url, $renew, $verify ) ),
			'token_type_invalid'      => array( __( 'Access tokens are marked "at+jwt" in their header. This token carries another type, so it is probably another kind of token pasted by mistake.', 'causerie-connector' ), array( __( 'Paste the access token itself, or inspect the token the plugin uses.', 'causerie-connector' ), $renew ) ),
			'token_algorithm_not_allowed' => array( __( 'Only public-key signatures (such as RS256 or ES256) are accepted. An unsigned token (alg "none") or one signed with a shared secret (HS256) can be forged by anyone who sees it, so it is refused.', 'causerie-connector' ), array( $renew, __( 'If a token straight from Causerie is refused this way, send the support report to Causerie\'s support.', 'causerie-connector' ) ) ),
			'token_unverifiable'      => array( __( 'The browser failed while checking the signature, for example because it does not support the kind of key Causerie uses.', 'causerie-connector' ), array( __( 'Open this screen in an up-to-date browser and inspect the token again.', 'causerie-connector' ), $verify ) ),
			'signing_key_unknown'     => array( __( 'The token names the key that signed it (kid), and Causerie does not publish that key, usually because it changed its signing keys after the token was issued.', 'causerie-connector' ), array( $renew, $verify ) ),
			'signing_keys_invalid'    => array( __( 'The list of public keys (JWKS) that Causerie publishes could not be read, so no signature can be checked.', 'causerie-connector' ), array( $wait, __( 'If it lasts, check Causerie\'s status page.', 'causerie-connector' ) ) ),
			'secure_context_required' => array( __( 'Browsers allow signature checks only on pages served over HTTPS or from localhost. Tokens are still decoded here, and the server checks the token the plugin uses.', 'causerie-connector' ), array( __( 'Open the WordPress admin over HTTPS to check pasted tokens in the browser.', 'causerie-connector' ), $verify ) ),
			'metadata_invalid'        => array( __( 'The API address answers, but describes itself under another address.', 'causerie-connector' ), array( $api_url ) ),
			default                   => array( __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( __( 'Check the API address in the Credentials section.', 'causerie-connector' ), $wait, $host ) ),
		};
		return array(
			'title'       => Messages::title( $code ),
			'explanation' => $text[0],
			'steps'       => $text[1],
		);
	}
}
