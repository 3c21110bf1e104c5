<?php
/**
 * A diagnosis as a REST error.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Redactor;
use WP_Error;

/**
 * One shape for every route: a stable error code, the plain-language title, and the diagnosis with its
 * evidence for the admin app to switch on.
 */
final class Diagnosis_Error {

	/**
	 * The error for a finding.
	 *
	 * @param string  $code    Stable error code of the route.
	 * @param Finding $finding What went wrong.
	 */
	public static function from( string $code, Finding $finding ): WP_Error {
		$source = Catalog::source( $finding->code );
		$status = match ( true ) {
			'storage' === $source => 409,
			in_array( $source, array( 'transport', 'http' ), true ) => 502,
			default => 422,
		};
		return new WP_Error(
			$code,
			Catalog::title( $finding->code ),
			array(
				// 409: fix the settings first; 422: the API refused; 502: the API could not be asked.
				'status'    => $status,
				'diagnosis' => array(
					'code'     => $finding->code,
					'severity' => Catalog::severity( $finding->code ),
					// What an upstream server said is shown bounded, without control characters or credentials.
					'evidence' => Redactor::evidence( $finding->evidence ),
				) + Catalog::describe( $finding->code ),
			)
		);
	}
}
