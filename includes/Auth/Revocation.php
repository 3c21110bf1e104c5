<?php
/**
 * What came of asking to revoke a token.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * Revoked; not possible with this server (it offers no RFC 7009 endpoint, or refuses this type of token with
 * unsupported_token_type), so the token lives until it expires; or the request failed.
 */
enum Revocation: string {
	case Revoked     = 'revoked';
	case Unsupported = 'unsupported';
	case Failed      = 'failed';
}
