<?php
/**
 * Something that went wrong, with its evidence.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * A diagnosis code from the Catalog and the facts behind it: HTTP status, challenge parameters, OAuth error,
 * timings. Never a token or a secret. The vocabulary every layer speaks; it depends on nothing.
 */
final class Finding {

	/**
	 * Constructor.
	 *
	 * @param string               $code     A code of the Catalog.
	 * @param array<string, mixed> $evidence What was observed.
	 */
	public function __construct(
		public readonly string $code,
		public readonly array $evidence = array()
	) {}
}
