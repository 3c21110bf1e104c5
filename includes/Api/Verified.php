<?php
/**
 * Credentials the API accepted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Token_Response;
use Causerie\Connector\Credentials\Credentials;

/**
 * The token that proved them, and where it came from: saving takes it in as the token in use.
 */
final class Verified {

	/**
	 * Constructor.
	 *
	 * @param Credentials    $credentials The credentials tried.
	 * @param Endpoints      $endpoints   Their server.
	 * @param Token_Response $response    The token they were granted, which the API accepted.
	 */
	public function __construct(
		public readonly Credentials $credentials,
		public readonly Endpoints $endpoints,
		public readonly Token_Response $response
	) {}
}
