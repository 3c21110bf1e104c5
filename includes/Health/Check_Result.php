<?php
/**
 * The outcome of one live check.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Log\Redactor;

/**
 * One line of the health panel: a status, the diagnosis code when not good, and the evidence.
 */
final class Check_Result {

	public const OK      = 'ok';
	public const WARNING = 'warning';
	public const ERROR   = 'error';
	public const SKIPPED = 'skipped';

	/**
	 * Constructor.
	 *
	 * @param string               $id       Stable check id.
	 * @param string               $status   ok, warning, error or skipped.
	 * @param string               $code     Diagnosis code; empty when ok.
	 * @param array<string, mixed> $evidence What was measured.
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $status,
		public readonly string $code = '',
		public readonly array $evidence = array()
	) {}

	/**
	 * A failed check from a finding.
	 *
	 * @param string  $id      Check id.
	 * @param Finding $finding What went wrong.
	 * @param string  $status  error or warning.
	 */
	public static function failed( string $id, Finding $finding, string $status = self::ERROR ): self {
		return new self( $id, $status, $finding->code, $finding->evidence );
	}

	/**
	 * As the REST API sends it.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'id'       => $this->id,
			'status'   => $this->status,
			'code'     => $this->code,
			'message'  => '' === $this->code ? '' : Catalog::title( $this->code ),
			'evidence' => (object) Redactor::evidence( $this->evidence ),
		);
	}
}
