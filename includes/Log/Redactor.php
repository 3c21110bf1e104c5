<?php
/**
 * Removes secrets from what is logged or reported.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Log;

/**
 * Drops values under secret-looking keys and masks anything shaped like a JWT or a bearer credential, at any
 * depth, so a careless context can't leak a token into the event log or a support report.
 */
final class Redactor {

	// A token endpoint is an address, not a token: it stays readable.
	private const SECRET_KEYS = '/token(?!_?endpoint)|secret|password|authorization|cookie|nonce|^key$/i';
	private const JWT         = '/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/';
	private const BEARER      = '/(Bearer|Basic)\s+[A-Za-z0-9._~+\/=-]{8,}/i';

	/**
	 * A redacted copy.
	 *
	 * @param mixed $value Anything.
	 */
	public static function redact( mixed $value ): mixed {
		if ( is_array( $value ) ) {
			$clean = array();
			foreach ( $value as $key => $item ) {
				$clean[ $key ] = is_string( $key ) && 1 === preg_match( self::SECRET_KEYS, $key ) ? '[redacted]' : self::redact( $item );
			}
			return $clean;
		}
		if ( is_string( $value ) ) {
			return (string) preg_replace( array( self::JWT, self::BEARER ), array( '[redacted token]', '$1 [redacted]' ), $value );
		}
		return $value;
	}
}
