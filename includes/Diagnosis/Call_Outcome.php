<?php
/**
 * How a call to Causerie ended, told to whoever keeps the connection's state.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * The API client and the token renewal report each outcome here, so the connection's last known state follows
 * every call a feature makes (sync, widget, leads, the token renewal) and not only the live checks. An action,
 * like the event log's: the transport reports, features above it listen.
 */
final class Call_Outcome {

	public const HOOK = 'causerie_connector_call_outcome';

	/**
	 * Sources of the failures that say the connection itself is down, whatever was asked. Local causes (storage,
	 * site) are read from local data instead; an answer about one request (a missing document, a full list of
	 * origins, the account's quota) says nothing about the connection.
	 */
	private const CONNECTION_SOURCES = array( 'transport', 'token_endpoint', 'api', 'token' );

	/**
	 * Failures of the http source that no request can succeed through.
	 */
	private const CONNECTION_HTTP = array( 'server_error', 'not_json', 'response_too_large', 'metadata_invalid', 'signing_keys_invalid' );

	/**
	 * Failures an answer to another request does not disprove: a scope one route lacks, an environment only the
	 * live check compares.
	 */
	private const SURVIVES_SUCCESS = array( 'insufficient_scope', 'environment_mismatch' );

	/**
	 * Reports an outcome.
	 *
	 * @param Finding|null $failure What went wrong; null when the API answered with a success.
	 */
	public static function report( ?Finding $failure ): void {
		do_action( self::HOOK, $failure ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
	}

	/**
	 * Whether a failure says the connection is down, rather than one request failed.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function breaks_connection( string $code ): bool {
		if ( ! Catalog::exists( $code ) || 'error' !== Catalog::severity( $code ) ) {
			return false;
		}
		$source = Catalog::source( $code );
		return in_array( $source, self::CONNECTION_SOURCES, true ) || ( 'http' === $source && in_array( $code, self::CONNECTION_HTTP, true ) );
	}

	/**
	 * Whether a successful answer from the API proves a failure over.
	 *
	 * @param string $code Diagnosis code of the failure known.
	 */
	public static function cleared_by_success( string $code ): bool {
		return self::breaks_connection( $code ) && ! in_array( $code, self::SURVIVES_SUCCESS, true );
	}
}
