<?php
/**
 * The `wp causerie token` commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Auth\Token_Manager;
use WP_CLI;

/**
 * Inspects and renews the access token the site uses.
 *
 * The token itself is never printed.
 */
final class Token_Command {

	/**
	 * Constructor.
	 *
	 * @param Token_Manager $tokens The token lifecycle.
	 */
	public function __construct( private readonly Token_Manager $tokens ) {}

	/**
	 * Shows the access token's decoded header and claims, and the time it has left.
	 *
	 * Gets a token first when the site holds none or it is due for renewal, as the plugin's token inspector does. The token and its refresh token are never printed.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Fields: format (jwt, or opaque for a token that can't be decoded), environment, scopes, issuedAt, expiresAt, expiryKnown (false when the server did not say and it is assumed), renewAt, secondsLeft, clockSkew (API clock minus this server's, in seconds), header and claims (empty for an opaque token).
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 shown, 1 no token could be had (the diagnosis is on STDERR).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie token inspect --format=json
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function inspect( array $args, array $assoc_args ): void {
		$token = $this->tokens->token();
		if ( ! $token instanceof Cached_Token ) {
			Output::fail( $token );
		}
		Output::item( self::describe( $token ), $assoc_args );
	}

	/**
	 * Renews the access token now, even if it is not due.
	 *
	 * Uses the refresh token when there is one, else the client credentials, under the lock every renewal takes. The replaced token is not revoked: other requests may still hold it, and it expires on its own (`wp causerie regenerate` revokes it).
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: a sentence; json: the fields of `wp causerie token inspect`.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 renewed, 1 refused (the diagnosis is on STDERR).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie token refresh
	 *     Success: A new token is in use until 2026-05-04T10:00:00+00:00.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function refresh( array $args, array $assoc_args ): void {
		$token = $this->tokens->token( true );
		if ( ! $token instanceof Cached_Token ) {
			Output::fail( $token );
		}
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( self::describe( $token ) );
			return;
		}
		/* translators: %s: date and time the new token expires */
		WP_CLI::success( sprintf( __( 'A new token is in use until %s.', 'causerie-connector' ), gmdate( 'c', $token->expires_at ) ) );
	}

	/**
	 * What may be shown of a token: its schedule and decoded segments, never the token.
	 *
	 * @param Cached_Token $token The token.
	 * @return array<string, mixed>
	 */
	private static function describe( Cached_Token $token ): array {
		$header = Jwt_Segments::decode( $token->access_token, Jwt_Segments::HEADER );
		return array(
			'format'      => null === $header ? 'opaque' : 'jwt',
			'environment' => $token->environment,
			'scopes'      => $token->scopes,
			'issuedAt'    => gmdate( 'c', $token->issued_at ),
			'expiresAt'   => gmdate( 'c', $token->expires_at ),
			'expiryKnown' => $token->expiry_known,
			'renewAt'     => gmdate( 'c', $token->renew_at() ),
			'secondsLeft' => $token->expires_at - time(),
			'clockSkew'   => $token->clock_skew,
			'header'      => $header ?? new \stdClass(),
			'claims'      => Jwt_Segments::decode( $token->access_token, Jwt_Segments::CLAIMS ) ?? new \stdClass(),
		);
	}
}
