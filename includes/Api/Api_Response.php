<?php
/**
 * A successful answer of the Causerie API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

use Causerie\Connector\Diagnosis\Finding;

/**
 * The status and the JSON body of a 2xx answer, how long it took and the API's clock, and what was wrong with
 * the token that had to be replaced on the way, if one was.
 */
final class Api_Response {

	/**
	 * Constructor.
	 *
	 * @param int                       $status      HTTP status.
	 * @param array<string, mixed>|null $data        JSON body; null for an empty one (204).
	 * @param float                     $elapsed_ms  Time from request to full answer.
	 * @param int|null                  $server_time The API's clock from its Date header.
	 * @param Finding|null              $healed      Why the token in use was refused before a new one worked.
	 */
	public function __construct(
		public readonly int $status,
		public readonly ?array $data,
		public readonly float $elapsed_ms = 0.0,
		public readonly ?int $server_time = null,
		public readonly ?Finding $healed = null
	) {}
}
