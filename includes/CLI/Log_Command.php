<?php
/**
 * The `wp causerie log` command.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Log\Event_Log;

/**
 * Lists the connection's recent events.
 */
final class Log_Command {

	/**
	 * The most events one call lists, as on the REST route.
	 */
	private const MAX = 200;

	/**
	 * Constructor.
	 *
	 * @param Event_Log $log The event log.
	 */
	public function __construct( private readonly Event_Log $log ) {}

	/**
	 * Lists the connection's recent events, newest first, already redacted.
	 *
	 * Token renewals and failures, API failures, regenerations, settings and site changes, kept 30 days.
	 *
	 * ## OPTIONS
	 *
	 * [--kind=<kind>]
	 * : Only events of this kind: token, api, settings, site or sync.
	 *
	 * [--limit=<limit>]
	 * : How many events, from 1 to 200.
	 * ---
	 * default: 20
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Columns: id, createdAt, kind, code, context. All by default.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 listed (even none), 1 a bad --kind or --limit.
	 *
	 * ## EXAMPLES
	 *
	 *     # The last five token events.
	 *     $ wp causerie log --kind=token --limit=5 --fields=createdAt,code
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$kind = $assoc_args['kind'] ?? '';
		// WP-CLI hands over the documented default as a number and a typed value as a string.
		$limit = $assoc_args['limit'] ?? 20;
		$limit = is_int( $limit ) ? (string) $limit : $limit;
		if ( ! is_string( $kind ) || ( '' !== $kind && ! in_array( $kind, Event_Log::KINDS, true ) ) ) {
			/* translators: %s: the kinds of event, separated by commas */
			Output::fail( sprintf( __( '--kind must be one of: %s.', 'causerie-connector' ), implode( ', ', Event_Log::KINDS ) ) );
		}
		if ( ! is_string( $limit ) || ! ctype_digit( $limit ) || (int) $limit < 1 || (int) $limit > self::MAX ) {
			/* translators: %d: the largest number of events */
			Output::fail( sprintf( __( '--limit must be a whole number from 1 to %d.', 'causerie-connector' ), self::MAX ) );
		}
		Output::items( $this->log->recent( $kind, (int) $limit ), $assoc_args, array( 'id', 'createdAt', 'kind', 'code', 'context' ) );
	}
}
