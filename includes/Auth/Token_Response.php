<?php
/**
 * A successful answer of the token endpoint.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * RFC 6749 §5.1, plus when it arrived by both clocks.
 */
final class Token_Response {

	/**
	 * Constructor.
	 *
	 * @param string      $access_token  The bearer token. Never logged, never sent to the browser unasked.
	 * @param int|null    $expires_in    Lifetime in seconds, when the server said.
	 * @param string[]    $scopes        Granted scopes (the requested ones when the answer omits scope).
	 * @param string|null $refresh_token Refresh token, when issued.
	 * @param int         $received_at   Local Unix time of the answer.
	 * @param int|null    $server_time   The server's Unix time from its Date header.
	 * @param int|null    $secret_expires_at When the client secret expires, if the server said (RFC 7591's
	 *                                       client_secret_expires_at; the contract does not promise it).
	 * @param string[]    $requested_scopes  The scopes asked for.
	 *
	 * @phpstan-param list<string> $scopes
	 * @phpstan-param list<string> $requested_scopes
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly ?int $expires_in,
		public readonly array $scopes,
		public readonly ?string $refresh_token,
		public readonly int $received_at,
		public readonly ?int $server_time,
		public readonly ?int $secret_expires_at = null,
		public readonly array $requested_scopes = array()
	) {}
}
