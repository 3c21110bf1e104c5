<?php
/**
 * A successful answer of the Causerie API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Api;

/**
 * The status and the JSON body of a 2xx answer.
 */
final class Api_Response {

	/**
	 * Constructor.
	 *
	 * @param int                       $status HTTP status.
	 * @param array<string, mixed>|null $data   JSON body; null for an empty one (204).
	 */
	public function __construct(
		public readonly int $status,
		public readonly ?array $data
	) {}
}
