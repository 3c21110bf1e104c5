<?php
/**
 * The outcome of a successful regeneration.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * The new token, and whether the one it replaced was revoked.
 */
final class Regeneration {

	/**
	 * Constructor.
	 *
	 * @param Cached_Token $token           The token now in use.
	 * @param bool         $replaced        Whether a previous token existed.
	 * @param bool         $previous_revoked Whether the server confirmed revoking it (true when there was none).
	 */
	public function __construct(
		public readonly Cached_Token $token,
		public readonly bool $replaced,
		public readonly bool $previous_revoked
	) {}
}
