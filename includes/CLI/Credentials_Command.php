<?php
/**
 * The `wp causerie credentials` commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Settings_Controller;
use WP_CLI;

/**
 * Sets the API credentials.
 *
 * The secret is read from STDIN or an environment variable, never from an argument, which would stay in the shell history and show in the process list.
 */
final class Credentials_Command {

	/**
	 * Sets the credentials of a profile, after the API accepted them.
	 *
	 * Goes through the same path as saving on the plugin's screen: the same input rules, then the API is asked for a token with the new credentials, and only when it grants one are they saved (the secret encrypted) and bound to this site's address. Refused credentials change nothing. Credentials still missing a part (no secret yet, say) are saved without being tried.
	 *
	 * ## OPTIONS
	 *
	 * [--client-id=<id>]
	 * : The OAuth client id from the Causerie dashboard.
	 *
	 * [--secret-stdin]
	 * : Read the client secret from STDIN: a pipe, a file, or a hidden prompt in a terminal.
	 *
	 * [--secret-env=<name>]
	 * : Read the client secret from the environment variable of this name.
	 *
	 * [--api-url=<url>]
	 * : The API address, as the Causerie dashboard shows it.
	 *
	 * [--issuer=<url>]
	 * : Advanced: the authorization server (issuer), for a server that publishes no metadata. Empty to discover it from the API address again.
	 *
	 * [--token-endpoint=<url>]
	 * : Advanced: the token endpoint, for a server that publishes no metadata. Empty to discover it again.
	 *
	 * [--scopes=<scopes>]
	 * : The scopes to request, separated by commas: read:conversations, write:knowledge, read:widget.
	 *
	 * [--environment=<environment>]
	 * : The profile to change: local, development, staging or production. The site's own by default.
	 *
	 * [--format=<format>]
	 * : text: a sentence; json: the profile as GET /causerie/v1/settings shows it (hasSecret and a hint, never the secret).
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * [--secret=<secret>]
	 * : Refused, as is a secret given as a positional argument: use --secret-stdin or --secret-env.
	 *
	 * [<secret>...]
	 * : Refused, like --secret.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 saved, 1 refused: a secret as an argument, invalid input, a field locked in wp-config.php, or credentials the API does not accept (the diagnosis is on STDERR). Nothing is saved when refused.
	 *
	 * ## EXAMPLES
	 *
	 *     # From a secrets manager, through a pipe.
	 *     $ vault kv get -field=secret causerie/example.org | wp causerie credentials set --client-id=wp-example --secret-stdin
	 *     Success: The credentials of the production profile were accepted by the API and saved.
	 *
	 *     # From an environment variable set by the deployment.
	 *     $ wp causerie credentials set --client-id=wp-example --secret-env=CAUSERIE_CLIENT_SECRET
	 *
	 *     # A server that publishes no metadata, its sign-in service on another address.
	 *     $ wp causerie credentials set --api-url=https://api.example --issuer=https://auth.example --token-endpoint=https://auth.example/oauth/token
	 *
	 * @param string[]             $args       Positional arguments: refused.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function set( array $args, array $assoc_args ): void {
		if ( array() !== $args || array_key_exists( 'secret', $assoc_args ) ) {
			Output::fail( __( 'A secret given as an argument stays in the shell history and shows in the process list: nothing was saved. Pipe it in with --secret-stdin, or name an environment variable with --secret-env.', 'causerie-connector' ) );
		}
		$body    = array();
		$options = array(
			'client-id'      => 'clientId',
			'api-url'        => 'apiUrl',
			'issuer'         => 'issuer',
			'token-endpoint' => 'tokenEndpoint',
			'environment'    => 'environment',
		);
		foreach ( $options as $option => $field ) {
			if ( isset( $assoc_args[ $option ] ) ) {
				$body[ $field ] = $assoc_args[ $option ];
			}
		}
		if ( isset( $assoc_args['scopes'] ) && is_string( $assoc_args['scopes'] ) ) {
			$body['scopes'] = array_values( array_filter( array_map( 'trim', explode( ',', $assoc_args['scopes'] ) ), static fn( string $scope ): bool => '' !== $scope ) );
		}
		$secret = self::secret( $assoc_args );
		if ( null !== $secret ) {
			$body['clientSecret'] = $secret;
		}

		$saved = Rest_Route::call( 'POST', '/' . Admin_Controller::NAMESPACE . '/' . Settings_Controller::REST_BASE, $body );
		if ( is_wp_error( $saved ) ) {
			Output::fail( $saved );
		}
		$saved = is_array( $saved ) ? $saved : array();
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( $saved );
			return;
		}
		$profile  = is_string( $saved['environment'] ?? null ) ? $saved['environment'] : '';
		$complete = '' !== ( $saved['clientId'] ?? '' ) && true === ( $saved['hasSecret'] ?? false ) && '' !== ( $saved['apiUrl'] ?? '' );
		WP_CLI::success(
			$complete
				/* translators: %s: an environment profile, such as production */
				? sprintf( __( 'The credentials of the %s profile were accepted by the API and saved.', 'causerie-connector' ), $profile )
				/* translators: %s: an environment profile, such as production */
				: sprintf( __( 'Saved. The credentials of the %s profile are not complete yet, so they were not tried.', 'causerie-connector' ), $profile )
		);
	}

	/**
	 * The secret from STDIN or the named environment variable, trimmed; null when neither was asked for. Messages never repeat what was given: a secret typed in the wrong place must not be echoed.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 */
	private static function secret( array $assoc_args ): ?string {
		$stdin = $assoc_args['secret-stdin'] ?? false;
		$name  = $assoc_args['secret-env'] ?? null;
		if ( ! is_bool( $stdin ) ) {
			Output::fail( __( '--secret-stdin takes no value: pipe the secret in. Nothing was saved.', 'causerie-connector' ) );
		}
		if ( $stdin && null !== $name ) {
			Output::fail( __( 'Use either --secret-stdin or --secret-env, not both.', 'causerie-connector' ) );
		}
		if ( null !== $name ) {
			$secret = is_string( $name ) && 1 === preg_match( '/^[A-Za-z_][A-Za-z0-9_]*$/', $name ) ? getenv( $name ) : false;
			if ( false === $secret || '' === trim( $secret ) ) {
				Output::fail( __( 'The environment variable named by --secret-env is not set, is empty, or is not a valid variable name. Nothing was saved.', 'causerie-connector' ) );
			}
			return trim( $secret );
		}
		if ( ! $stdin ) {
			return null;
		}
		// In a terminal, a prompt that does not echo; false means no default (php-cli-tools types it loosely).
		$secret = stream_isatty( STDIN )
			? \cli\prompt( __( 'Client secret (hidden)', 'causerie-connector' ), false, ': ', true ) // @phpstan-ignore argument.type
			: stream_get_contents( STDIN );
		if ( ! is_string( $secret ) || '' === trim( $secret ) ) {
			Output::fail( __( 'No secret came on STDIN. Nothing was saved.', 'causerie-connector' ) );
		}
		return trim( $secret );
	}
}
