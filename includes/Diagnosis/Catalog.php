<?php
/**
 * Every diagnosis the plugin can give, in one place.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * The one home of each cause: its severity, where it comes from, which fix the wizard offers, whether it opens
 * the wizard by itself, and its title, explanation and steps in words a site owner can follow. A new cause
 * is one row in ROWS and one arm in texts(); `npm run codes` writes codes.json for the admin app from codes().
 *
 * Severity: error (the chatbot is down), warning (it works for now but needs attention), info. Fix kinds:
 * renew (the plugin repairs it alone), secret, scopes, environment, address (the admin corrects a setting),
 * clock, site, paused, wait (nothing to change here).
 *
 * @phpstan-type Entry array{severity: string, source: string, fix: string, wizard: bool}
 */
final class Catalog {

	/**
	 * Code → severity, source, fix kind, and whether the wizard opens for it when the screen loads (401 and 403
	 * causes, which stop the chatbot and have a fix here): one row a code, read through codes().
	 *
	 * @var array<string, array{string, string, string, bool}>
	 */
	private const ROWS = array(
		'token_expired'               => array( 'error', 'api', 'renew', true ),
		'token_malformed'             => array( 'error', 'api', 'renew', true ),
		'token_signature_invalid'     => array( 'error', 'api', 'renew', true ),
		'token_revoked'               => array( 'error', 'api', 'renew', true ),
		'token_invalid'               => array( 'error', 'api', 'renew', true ),
		'insufficient_scope'          => array( 'error', 'api', 'scopes', true ),
		'environment_mismatch'        => array( 'error', 'token', 'environment', true ),
		'invalid_client'              => array( 'error', 'token_endpoint', 'secret', true ),
		'secret_mismatch'             => array( 'error', 'token_endpoint', 'secret', false ),
		'invalid_grant'               => array( 'error', 'token_endpoint', 'secret', true ),
		'invalid_scope'               => array( 'error', 'token_endpoint', 'scopes', true ),
		'invalid_target'              => array( 'error', 'token_endpoint', 'address', true ),
		'unauthorized_client'         => array( 'error', 'token_endpoint', 'secret', true ),
		'token_endpoint_error'        => array( 'error', 'token_endpoint', 'wait', false ),
		'dns_failure'                 => array( 'error', 'transport', 'wait', false ),
		'connection_refused'          => array( 'error', 'transport', 'wait', false ),
		'timeout'                     => array( 'error', 'transport', 'wait', false ),
		'tls_failure'                 => array( 'error', 'transport', 'wait', false ),
		'network_error'               => array( 'error', 'transport', 'wait', false ),
		'address_refused'             => array( 'error', 'transport', 'address', false ),
		'server_error'                => array( 'error', 'http', 'wait', false ),
		'rate_limited'                => array( 'warning', 'http', 'wait', false ),
		'not_json'                    => array( 'error', 'http', 'wait', false ),
		'response_too_large'          => array( 'error', 'http', 'wait', false ),
		'not_found'                   => array( 'error', 'http', 'address', false ),
		'request_refused'             => array( 'error', 'http', 'wait', false ),
		'quota_exceeded'              => array( 'warning', 'http', 'wait', false ),
		'metadata_invalid'            => array( 'error', 'http', 'address', false ),
		'clock_skew'                  => array( 'warning', 'clock', 'clock', false ),
		'encryption_key_changed'      => array( 'error', 'storage', 'secret', false ),
		'secret_copied'               => array( 'error', 'storage', 'secret', false ),
		'secret_address_changed'      => array( 'error', 'storage', 'secret', false ),
		'site_moved'                  => array( 'error', 'site', 'site', false ),
		'connection_paused'           => array( 'info', 'site', 'paused', false ),
		'not_configured'              => array( 'info', 'storage', 'secret', false ),
		'token_not_yet_valid'         => array( 'error', 'token', 'clock', false ),
		'token_issuer_mismatch'       => array( 'error', 'token', 'address', false ),
		'token_audience_mismatch'     => array( 'error', 'token', 'address', false ),
		'token_type_invalid'          => array( 'error', 'token', 'renew', false ),
		'token_algorithm_not_allowed' => array( 'error', 'token', 'wait', false ),
		'token_unverifiable'          => array( 'warning', 'token', 'wait', false ),
		'signing_key_unknown'         => array( 'error', 'token', 'renew', true ),
		'signing_keys_invalid'        => array( 'error', 'http', 'wait', false ),
		'renewal_in_progress'         => array( 'warning', 'storage', 'wait', false ),
		'no_token'                    => array( 'info', 'storage', 'renew', false ),
		'secure_context_required'     => array( 'info', 'browser', 'wait', false ),
		'too_many_origins'            => array( 'error', 'http', 'wait', false ),
		'widget_config_invalid'       => array( 'error', 'http', 'wait', false ),
	);

	/**
	 * Every code with its severity, source, fix kind and whether the wizard opens for it.
	 *
	 * @return array<string, Entry>
	 */
	public static function codes(): array {
		return array_map(
			static fn( array $row ): array => array(
				'severity' => $row[0],
				'source'   => $row[1],
				'fix'      => $row[2],
				'wizard'   => $row[3],
			),
			self::ROWS
		);
	}

	/**
	 * Whether a code is defined.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function exists( string $code ): bool {
		return isset( self::ROWS[ $code ] );
	}

	/**
	 * How bad a code is: error, warning or info (error for an unknown code).
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function severity( string $code ): string {
		return self::ROWS[ $code ][0] ?? 'error';
	}

	/**
	 * Where a code comes from: api, token, token_endpoint, transport, http, clock, storage, site or browser.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function source( string $code ): string {
		return self::ROWS[ $code ][1] ?? '';
	}

	/**
	 * The one-line title of a code.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function title( string $code ): string {
		return self::texts( $code )[0];
	}

	/**
	 * Title, explanation and steps of a code, and the steps as the fix wizard shows them above its own form
	 * ("paste it below" where the others name the place).
	 *
	 * @param string               $code    Diagnosis code.
	 * @param array<string, mixed> $context What else is known: cronRunning, false when Cron_Monitor saw WP-Cron
	 *                                      stop, lets the explanation of an expired token name that cause.
	 * @return array{title: string, explanation: string, steps: list<string>, wizardSteps: list<string>, dashboardSteps: list<int>}
	 */
	public static function describe( string $code, array $context = array() ): array {
		$texts = self::texts( $code, isset( $context['cronRunning'] ) && false === $context['cronRunning'] );
		return array(
			'title'          => $texts[0],
			'explanation'    => $texts[1],
			'steps'          => $texts[2],
			'wizardSteps'    => array_map( static fn( string $step ): string => $texts[3][ $step ] ?? $step, $texts[2] ),
			// Which steps are done in the Causerie dashboard, so the screen can link the server's page for people.
			'dashboardSteps' => array_keys( array_intersect( $texts[2], $texts[4] ) ),
		);
	}

	/**
	 * The words of a code: title, explanation, ordered steps, what the wizard says instead of a step that sends
	 * the admin to a field the wizard shows right below, and the steps done in the Causerie dashboard.
	 * Translated here, so the admin app shows what the server sends.
	 *
	 * @param string $code         Diagnosis code.
	 * @param bool   $cron_stopped Whether WP-Cron is known to have stopped: only then is it blamed.
	 * @return array{0: string, 1: string, 2: list<string>, 3: array<string, string>, 4: list<string>}
	 */
	private static function texts( string $code, bool $cron_stopped = false ): array {
		$renew   = __( 'Choose "Get a new token". The plugin asks Causerie for a fresh one and checks it.', 'causerie-connector' );
		$verify  = __( 'Run the checks again to confirm the connection works.', 'causerie-connector' );
		$new_key = __( 'In the Causerie dashboard, open your app\'s credentials and generate a new client secret.', 'causerie-connector' );
		$paste   = __( 'Paste the new secret in the Credentials section of Settings → Causerie and save: the plugin checks it before it replaces the old one.', 'causerie-connector' );
		$again   = __( 'Enter the client secret again in the Credentials section of Settings → Causerie and save: the plugin checks it with this address, and from then on sends it there.', 'causerie-connector' );
		$below   = array(
			$paste => __( 'Paste the new secret in the field below and save: the plugin checks it before it replaces the old one.', 'causerie-connector' ),
			$again => __( 'Enter the client secret again in the field below and save: the plugin checks it with this address, and from then on sends it there.', 'causerie-connector' ),
		);
		$wait    = __( 'Wait a few minutes, then run the checks again; the plugin retries on its own meanwhile.', 'causerie-connector' );
		$api_url = __( 'Copy the API address exactly as the Causerie dashboard shows it, and save.', 'causerie-connector' );
		$address = __( 'Check the API address in the Credentials section of Settings → Causerie.', 'causerie-connector' );
		$grant   = __( 'In the Causerie dashboard, grant the missing permissions (scopes) to your app.', 'causerie-connector' );
		$kind    = __( 'Enter the credentials Causerie made for this kind of site (Production, Staging…), or, if the site itself is set up as the wrong kind, ask whoever manages its wp-config.php to correct it.', 'causerie-connector' );
		$copy    = __( 'Copy the client id, secret and API address from the Causerie dashboard into the Credentials section of Settings → Causerie and save.', 'causerie-connector' );
		$shown   = __( 'Check that the API address is the one the Causerie dashboard shows.', 'causerie-connector' );
		$recopy  = __( 'In the Causerie dashboard, open your app and copy its Client ID and its secret again, each one whole: a secret is long, and a character left out at either end is enough to refuse it.', 'causerie-connector' );
		$host    = __( 'If it persists, send the support report (Settings → Causerie, under Troubleshooting) to your host: the server must be able to reach the API address over HTTPS.', 'causerie-connector' );
		$support = __( 'If it lasts, send the support report (Settings → Causerie, under Troubleshooting) to Causerie\'s support.', 'causerie-connector' );
		$status  = __( 'If it lasts, check Causerie\'s status page, linked from the Causerie dashboard.', 'causerie-connector' );
		$renews  = array( __( 'Nothing to do in most cases: the plugin gets a new token by itself on the next call. To do it now, choose "Get a new token".', 'causerie-connector' ), $verify );
		$expired = $cron_stopped
			? __( 'Access tokens live a limited time, and the plugin renews them ahead of time with WordPress\'s scheduled tasks (WP-Cron). Those tasks have stopped running on this site, so this token ran out before it was renewed.', 'causerie-connector' )
			: __( 'Access tokens live a limited time. The API refused this one because its time was over.', 'causerie-connector' );
		$words   = match ( $code ) {
			'token_expired'               => array( __( 'The access token has expired.', 'causerie-connector' ), $expired, $renews ),
			'token_malformed'             => array( __( 'The access token is damaged and cannot be read.', 'causerie-connector' ), __( 'The token the plugin holds can\'t be used.', 'causerie-connector' ), array( $renew, $verify ) ),
			'token_signature_invalid'     => array( __( 'The access token\'s signature does not match Causerie\'s keys.', 'causerie-connector' ), __( 'The token names a key that Causerie publishes, but its signature does not match that key: the token was altered, or it comes from elsewhere.', 'causerie-connector' ), $renews ),
			'token_revoked'               => array( __( 'The access token was revoked.', 'causerie-connector' ), __( 'Causerie no longer accepts the token although it has not expired: it was withdrawn, for example after a security action in the dashboard.', 'causerie-connector' ), $renews ),
			'token_invalid'               => array( __( 'Causerie refused the access token.', 'causerie-connector' ), __( 'The API refused the token without saying why, and the plugin found nothing wrong with it.', 'causerie-connector' ), $renews ),
			'insufficient_scope'          => array( __( 'The credentials lack a permission (scope) the chatbot needs.', 'causerie-connector' ), __( 'The app in the Causerie dashboard lacks a permission the plugin needs. The checks list which one.', 'causerie-connector' ), array( $grant, $renew, $verify ) ),
			'invalid_scope'               => array( __( 'Causerie refused the requested permissions (scopes) for this client.', 'causerie-connector' ), __( 'The sign-in service would not grant every permission the plugin asks for. The checks list which one it refused.', 'causerie-connector' ), array( $grant, $renew, $verify ) ),
			'environment_mismatch'        => array( __( 'These credentials belong to another environment than this site.', 'causerie-connector' ), __( 'The credentials belong to another environment than this site, such as development credentials on a live site.', 'causerie-connector' ), array( $kind, $verify ) ),
			'invalid_client'              => array( __( 'Causerie does not accept this client id and secret. The secret may have been regenerated.', 'causerie-connector' ), __( 'Causerie refuses the client id and secret. The secret was probably regenerated in the dashboard.', 'causerie-connector' ), array( $new_key, $paste, $verify ) ),
			'secret_mismatch'             => array( __( 'Causerie does not accept this secret with this Client ID.', 'causerie-connector' ), __( 'The secret just entered does not match the Client ID: part of it may be missing from the copy, or the two come from different apps.', 'causerie-connector' ), array( $recopy, __( 'Paste them and save again: nothing is kept until Causerie accepts them.', 'causerie-connector' ) ) ),
			'invalid_grant'               => array( __( 'Causerie refused the saved authorization; a new token is needed.', 'causerie-connector' ), __( 'Causerie refused how the plugin asked for a token.', 'causerie-connector' ), array( $renew, $new_key, $paste ) ),
			'unauthorized_client'         => array( __( 'This client is not allowed to connect this way.', 'causerie-connector' ), __( 'Causerie refused how the plugin asked for a token.', 'causerie-connector' ), array( $renew, $new_key, $paste ) ),
			'invalid_target'              => array( __( 'The sign-in service does not issue tokens for this API address.', 'causerie-connector' ), __( 'The plugin asked for a token for the API the address names (RFC 8707), and the sign-in service refused it: the API address, or the sign-in service set in the advanced settings, belongs to another service.', 'causerie-connector' ), array( $api_url, $verify ) ),
			'token_endpoint_error'        => array( __( 'The sign-in service gave an answer the plugin cannot use.', 'causerie-connector' ), __( 'The token endpoint answered, but not with a token or a known error. The evidence shows what it sent.', 'causerie-connector' ), array( $wait, $status ) ),
			'dns_failure'                 => array( __( 'The API address could not be found (DNS).', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
			'connection_refused'          => array( __( 'The API refused the connection.', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
			'timeout'                     => array( __( 'The API did not answer in time.', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
			'tls_failure'                 => array( __( 'The secure (HTTPS) connection to the API failed, often because of a certificate problem.', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
			'network_error'               => array( __( 'The connection to the API failed.', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
			'address_refused'             => array( __( 'The plugin refused to connect to an address it was given.', 'causerie-connector' ), __( 'The plugin sends the credentials only over HTTPS to addresses on the public internet (plain http only to this computer on a local or development site). The API address, or an address the sign-in service gave in its description, breaks that rule: a reserved or private network address, plain http, or an address written in an unusual way. The evidence shows which address and why.', 'causerie-connector' ), array( $api_url, __( 'If the API address is right, the sign-in service describes itself with an address the plugin will not use: send the support report (Settings → Causerie, under Troubleshooting) to Causerie\'s support.', 'causerie-connector' ) ) ),
			'response_too_large'          => array( __( 'The API sent an answer far larger than expected, so the plugin did not use it.', 'causerie-connector' ), __( 'The plugin reads answers only up to a limit. This answer reached it, so it was cut short and set aside. A proxy or firewall page may be in the way, or the address leads to another service.', 'causerie-connector' ), array( $wait, $host ) ),
			'server_error'                => array( __( 'The API answered with a server error.', 'causerie-connector' ), __( 'A server error (HTTP 5xx) came back. It may be the API itself or something between this site and the API, such as a proxy; the evidence shows the address and the status.', 'causerie-connector' ), array( $wait, $status, $host ) ),
			'rate_limited'                => array( __( 'The Causerie API asked to slow down (too many requests).', 'causerie-connector' ), __( 'Causerie limits how often it can be called and asked the plugin to wait.', 'causerie-connector' ), array( $wait ) ),
			'not_json'                    => array( __( 'The API answered with a web page instead of data; a proxy, firewall or maintenance page may be in the way.', 'causerie-connector' ), __( 'A successful answer came back, but it was a web page rather than the data the API sends.', 'causerie-connector' ), array( $wait, $host ) ),
			'not_found'                   => array( __( 'Nothing answers at this address.', 'causerie-connector' ), __( 'The server at the API address answered "not found" (HTTP 404) where the API, or the description of its sign-in service, should be. The address is probably wrong; the evidence lists every address that was tried.', 'causerie-connector' ), array( $api_url, __( 'If your provider gave you a separate sign-in (issuer) address or token endpoint, enter it under Advanced in the Credentials section of Settings → Causerie.', 'causerie-connector' ), $verify ) ),
			'request_refused'             => array( __( 'The API refused a request of the plugin.', 'causerie-connector' ), __( 'The API answered with an error (HTTP 4xx) that is not about the token or the address. The evidence shows the status and what the API said.', 'causerie-connector' ), array( $wait, $support ) ),
			'quota_exceeded'              => array( __( 'The Causerie plan holds no more documents: new pages are not reaching the chatbot.', 'causerie-connector' ), __( 'The chatbot\'s knowledge base is full for your Causerie plan. Pages already sent stay and keep being updated; new ones wait. The sync tries again by itself every hour and goes on as soon as there is room.', 'causerie-connector' ), array( __( 'In the Causerie dashboard, upgrade the plan or remove documents you no longer need.', 'causerie-connector' ), __( 'Or leave out post types or posts the chatbot does not need, in the Knowledge section of Settings → Causerie.', 'causerie-connector' ) ) ),
			'metadata_invalid'            => array( __( 'The API address does not match what the server says about itself.', 'causerie-connector' ), __( 'The API address answers, but describes itself under another address.', 'causerie-connector' ), array( $api_url ) ),
			'clock_skew'                  => array( __( 'This server\'s clock and Causerie\'s do not agree.', 'causerie-connector' ), __( 'Tokens carry times. When two clocks disagree, valid tokens look expired or not yet valid. The plugin sees only that they differ, not which one is wrong.', 'causerie-connector' ), array( __( 'Compare the two times shown with a clock you trust, such as your phone\'s: the one that differs is wrong.', 'causerie-connector' ), __( 'If this server\'s time is wrong, ask your host to set its clock automatically. If Causerie\'s is wrong, tell Causerie\'s support.', 'causerie-connector' ), $verify ) ),
			'encryption_key_changed'      => array( __( 'The stored secret can no longer be read because the site\'s encryption key changed. Enter the secret again.', 'causerie-connector' ), __( 'The secret is stored encrypted with a key from wp-config.php. That key changed (salts rotated or site migrated), so the stored secret can\'t be read.', 'causerie-connector' ), array( $paste, $verify ) ),
			'secret_copied'               => array( __( 'The stored secret was saved for another site or setting, so it can\'t be read here. Enter the secret again.', 'causerie-connector' ), __( 'The secret is encrypted for the one place it was saved in. What is stored here was copied from another site, another setting or another environment\'s profile (a database copied between sites, for instance), so it does not decrypt here.', 'causerie-connector' ), array( $paste, $verify ) ),
			'secret_address_changed'      => array( __( 'The client secret was held back: the address it was saved for has changed.', 'causerie-connector' ), __( 'The plugin sends the client secret only to the API address and sign-in service it was saved with. The API address, the sign-in service, or the token endpoint the server names is now another one (changed outside the plugin\'s screen, or in the server\'s published settings), so the secret was not sent there.', 'causerie-connector' ), array( $shown, $again, $verify ) ),
			'site_moved'                  => array( __( 'This site\'s address changed since it was connected; it may have been moved or copied.', 'causerie-connector' ), __( 'The site answers at another address than when it was connected. It was moved, or this is a copy such as a staging site.', 'causerie-connector' ), array( __( 'If this is the site\'s new address, choose "This is the new address".', 'causerie-connector' ), __( 'If this is a copy, choose "Pause the connection" so it does not act as the live site.', 'causerie-connector' ) ) ),
			'connection_paused'           => array( __( 'The connection is paused on this copy of the site.', 'causerie-connector' ), __( 'An administrator paused the connection on this copy of the site.', 'causerie-connector' ), array( __( 'If this is now the live site, choose "This is the new address" to resume.', 'causerie-connector' ) ) ),
			'not_configured'              => array( __( 'The connection is not set up yet.', 'causerie-connector' ), __( 'No credentials are saved for this environment yet.', 'causerie-connector' ), array( $copy ) ),
			'token_not_yet_valid'         => array( __( 'The access token is not valid yet: its start time is in the future.', 'causerie-connector' ), __( 'The token carries a time before which it must not be used, and that time has not come by this clock. The clock of this computer, of this server or of Causerie\'s server is off.', 'causerie-connector' ), array( __( 'Compare this computer\'s time and the time the checks show for this server with a clock you trust, such as your phone\'s. If this server\'s time is wrong, ask your host to set its clock automatically.', 'causerie-connector' ), $renew, $verify ) ),
			'token_issuer_mismatch'       => array( __( 'The access token was issued by another server than the configured API address.', 'causerie-connector' ), __( 'The token names the server that issued it (iss). It differs from the sign-in service the API address leads to, for example a token from another Causerie account, or the same server written another way (localhost instead of 127.0.0.1).', 'causerie-connector' ), array( $api_url, $renew, $verify ) ),
			'token_audience_mismatch'     => array( __( 'The access token is meant for another API than the configured one.', 'causerie-connector' ), __( 'The token names the API it is meant for (aud), and it is not the API this address describes, so that API would refuse it.', 'causerie-connector' ), array( $api_url, $renew, $verify ) ),
			'token_type_invalid'          => array( __( 'This is not an access token: its type is wrong.', 'causerie-connector' ), __( 'Access tokens are marked "at+jwt" in their header. This token carries another type, so it is probably another kind of token pasted by mistake.', 'causerie-connector' ), array( __( 'Paste the access token itself, or inspect the token the plugin uses.', 'causerie-connector' ), $renew ) ),
			'token_algorithm_not_allowed' => array( __( 'The token is signed in a way the plugin refuses (unsigned or with a shared secret).', 'causerie-connector' ), __( 'Only public-key signatures (such as RS256 or ES256) are accepted. An unsigned token (alg "none") or one signed with a shared secret (HS256) can be forged by anyone who sees it, so it is refused.', 'causerie-connector' ), array( $renew, __( 'If a token straight from Causerie is refused this way, send the support report (Settings → Causerie, under Troubleshooting) to Causerie\'s support.', 'causerie-connector' ) ) ),
			'token_unverifiable'          => array( __( 'The token\'s signature could not be checked in this browser.', 'causerie-connector' ), __( 'The browser failed while checking the signature, for example because it does not support the kind of key Causerie uses.', 'causerie-connector' ), array( __( 'Open this screen in an up-to-date browser and inspect the token again.', 'causerie-connector' ), $verify ) ),
			'signing_key_unknown'         => array( __( 'The token was signed with a key Causerie does not publish (any more).', 'causerie-connector' ), __( 'The token names the key that signed it (kid), and Causerie does not publish that key, usually because it changed its signing keys after the token was issued.', 'causerie-connector' ), $renews ),
			'signing_keys_invalid'        => array( __( 'Causerie\'s published signing keys could not be read.', 'causerie-connector' ), __( 'The list of public keys (JWKS) that Causerie publishes could not be read, so no signature can be checked.', 'causerie-connector' ), array( $wait, $status ) ),
			'renewal_in_progress'         => array( __( 'Another request is getting a new access token right now.', 'causerie-connector' ), __( 'Only one request at a time asks Causerie for a new token; the others wait for it. This one stopped waiting before the new token arrived. The API itself was not at fault.', 'causerie-connector' ), array( __( 'Nothing to change. Wait a minute, then run the checks again: the new token will be in place.', 'causerie-connector' ), __( 'If it lasts, run the checks: they show what the renewal is waiting for.', 'causerie-connector' ) ) ),
			'no_token'                    => array( __( 'The plugin holds no access token at the moment.', 'causerie-connector' ), __( 'No token is stored for the credentials in use. The plugin gets one on its next call to the API; looking at this screen does not ask for one.', 'causerie-connector' ), array( $renew, $verify ) ),
			'secure_context_required'     => array( __( 'This browser checks signatures only on secure (HTTPS) pages.', 'causerie-connector' ), __( 'Browsers allow signature checks only on pages served over HTTPS or from localhost. Tokens are still decoded here, and the server checks the token the plugin uses.', 'causerie-connector' ), array( __( 'Open the WordPress admin over HTTPS to check pasted tokens in the browser.', 'causerie-connector' ), $verify ) ),
			'too_many_origins'            => array( __( 'The chatbot is already allowed on as many site addresses as Causerie permits.', 'causerie-connector' ), __( 'Causerie lets the chatbot run only on the site addresses registered for it, and at most 20 of them (a site, its www twin, staging copies). All 20 are taken, so this site\'s address could not be added and the widget was not turned on.', 'causerie-connector' ), array( __( 'In the Causerie dashboard, remove the site addresses the chatbot no longer runs on (old staging copies, former domains).', 'causerie-connector' ), __( 'Then turn the widget on again.', 'causerie-connector' ) ) ),
			'widget_config_invalid'       => array( __( 'Causerie described the chatbot in a way the plugin will not put in visitors\' pages.', 'causerie-connector' ), __( 'The widget\'s description from Causerie lacks the bot id, or gives a script or chat address the plugin refuses: not HTTPS (plain http only to this computer on a local or development site), with a user name or password, or a reserved network address. Visitors\' pages load that script, so it is checked before it is kept. The evidence shows which field and why.', 'causerie-connector' ), array( $wait, $support ) ),
			default                       => array( __( 'Something went wrong with the connection.', 'causerie-connector' ), __( 'This server could not talk to the Causerie API.', 'causerie-connector' ), array( $address, $wait, $host ) ),
		};
		// The steps about the app's credentials, which the server's page for people explains.
		return array( $words[0], $words[1], $words[2], $below, array( $new_key, $grant, $kind, $copy, $api_url, $shown, $recopy ) );
	}
}
