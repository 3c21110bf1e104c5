<?php
/**
 * The `wp causerie` commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Regeneration;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Live_Checks;
use WP_CLI;

/**
 * Checks and repairs the connection to the Causerie API.
 *
 * Every command speaks for the site given by --path or --url, or for each site of an alias group. Data goes to STDOUT (nothing else in the json and csv formats); errors go to STDERR as "Error: <message> [<code>]".
 *
 * ## EXIT STATUS
 *
 *     0  done; for check and status: connected, nothing to fix
 *     1  the command failed: bad usage, refused credentials, no token, the plugin not active
 *     2  check and status: the connection works but needs attention (a warning)
 *     3  check and status: the connection is broken (a check failed)
 *
 * ## EXAMPLES
 *
 *     # Which sites need attention?
 *     $ wp @all causerie status
 *
 *     # Run the live checks, as JSON for a script.
 *     $ wp causerie check --format=json
 */
final class Command {

	/**
	 * Constructor.
	 *
	 * @param Connection_Status $status      The status at a glance.
	 * @param Live_Checks       $checks      The live checks.
	 * @param Api_Client        $api         Proven, atomic replacement of the token.
	 */
	public function __construct(
		private readonly Connection_Status $status,
		private readonly Live_Checks $checks,
		private readonly Api_Client $api
	) {}

	/**
	 * Shows the connection's state in one line, without calling the API.
	 *
	 * The state comes from the settings, the site address, the cached token and the last live checks, as on the plugin's screen. Run `wp causerie check` to measure it afresh.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: key=value pairs on one line (state, diagnosis, site, token_expires_at, next_refresh_at, checked_at, last_success_at, and message when something is wrong); json: the object GET /causerie/v1/status answers, with siteUrl.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 connected, 2 needs attention (or not set up yet), 3 broken.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie status
	 *     state=connected diagnosis=- site=https://example.org token_expires_at=2026-05-04T10:00:00+00:00 next_refresh_at=2026-05-04T09:48:00+00:00 checked_at=2026-05-04T09:00:00+00:00 last_success_at=2026-05-04T09:00:00+00:00
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function status( array $args, array $assoc_args ): void {
		$status = $this->status->current();
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( $status + array( 'siteUrl' => home_url() ) );
		} else {
			$value = static fn( ?string $text ): string => null === $text || '' === $text ? '-' : $text;
			$pairs = array(
				'state'            => $status['state'],
				'diagnosis'        => $value( $status['diagnosis']['code'] ?? null ),
				'site'             => $value( home_url() ),
				'token_expires_at' => $value( $status['tokenExpiresAt'] ),
				'next_refresh_at'  => $value( $status['nextRefreshAt'] ),
				'checked_at'       => $value( $status['checkedAt'] ),
				'last_success_at'  => $value( $status['lastSuccessAt'] ),
			);
			if ( null !== $status['diagnosis'] ) {
				$pairs['message'] = '"' . addcslashes( $status['diagnosis']['title'], '"\\' ) . '"';
			}
			WP_CLI::line( implode( ' ', array_map( static fn( string $key, string $text ): string => $key . '=' . $text, array_keys( $pairs ), $pairs ) ) );
		}
		$code = Exit_Code::of_state( $status['state'] );
		if ( Exit_Code::OK !== $code ) {
			WP_CLI::halt( $code );
		}
	}

	/**
	 * Runs the live checks against the API and lists their results.
	 *
	 * In order: configured, site, reachable, clock, credentials, token, api, scopes, environment. A check that can't run because an earlier one failed is not listed. The results are kept for the plugin's screen and for `wp causerie status`.
	 *
	 * The connection is proven with the token in hand, in one call to the API: no token is requested while it works. A token the API refuses is replaced there and then, as on any call, and the token row says what was wrong with it (evidence.healed). The environment row is skipped when the API does not state one.
	 *
	 * ## OPTIONS
	 *
	 * [--fields=<fields>]
	 * : Columns: id, status (ok, warning, error or skipped), code (the diagnosis), message, evidence. By default all but evidence, which json and yaml include.
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
	 * 0 every check passed, 2 a warning and no failure, 3 a check failed. The first warning or failure is also named on STDERR.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie check --fields=id,status,code
	 *     +-------------+--------+------+
	 *     | id          | status | code |
	 *     +-------------+--------+------+
	 *     | configured  | ok     |      |
	 *     ...
	 *
	 *     # Only the failures, for every site of an alias group.
	 *     $ wp @clients causerie check --format=csv --fields=id,code | grep -v ',$'
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function check( array $args, array $assoc_args ): void {
		$results  = $this->checks->run();
		$document = in_array( Output::format( $assoc_args, 'table' ), array( 'json', 'yaml' ), true );
		$fields   = array( 'id', 'status', 'code', 'message' );
		Output::items(
			array_map( static fn( Check_Result $result ): array => $result->to_array(), $results ),
			$assoc_args,
			$document ? array_merge( $fields, array( 'evidence' ) ) : $fields
		);

		$code = Exit_Code::of_checks( $results );
		if ( Exit_Code::OK === $code ) {
			return;
		}
		$status = Exit_Code::BROKEN === $code ? Check_Result::ERROR : Check_Result::WARNING;
		$first  = current( array_filter( $results, static fn( Check_Result $result ): bool => $status === $result->status ) );
		$id     = false === $first ? '' : $first->id;
		$why    = Output::describe( new Finding( false === $first ? '' : $first->code ) );
		if ( Exit_Code::BROKEN === $code ) {
			/* translators: 1: a check id, such as credentials; 2: what went wrong, with its code */
			Output::fail( sprintf( __( 'The connection is broken. %1$s: %2$s', 'causerie-connector' ), $id, $why ), $code );
		}
		/* translators: 1: a check id, such as clock; 2: what needs attention, with its code */
		WP_CLI::warning( sprintf( __( 'The connection needs attention. %1$s: %2$s', 'causerie-connector' ), $id, $why ) );
		WP_CLI::halt( $code );
	}

	/**
	 * Replaces the access token, proving the new one works first.
	 *
	 * The same flow as "Get a new token" on the plugin's screen: a new token is requested and used for one API call; only then is it swapped in and the old token and refresh token revoked. When any step fails, the old token stays in place.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: a sentence; json: expiresAt, renewAt, scopes, replaced (whether there was a token before) and previousRevoked. Never the token.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 a new token is in use, 1 it was refused (the old one stays).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie regenerate
	 *     Success: A new token is in use until 2026-05-04T10:00:00+00:00.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function regenerate( array $args, array $assoc_args ): void {
		$outcome = $this->api->regenerate();
		if ( $outcome instanceof Finding ) {
			Output::fail( $outcome );
		}
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( self::regeneration( $outcome ) );
			return;
		}
		if ( ! $outcome->previous_revoked ) {
			WP_CLI::warning( __( 'The previous token could not be revoked; it stays valid until it expires.', 'causerie-connector' ) );
		}
		/* translators: %s: date and time the new token expires */
		WP_CLI::success( sprintf( __( 'A new token is in use until %s.', 'causerie-connector' ), gmdate( 'c', $outcome->token->expires_at ) ) );
	}

	/**
	 * What a regeneration did, without the token.
	 *
	 * @param Regeneration $outcome The regeneration.
	 * @return array<string, mixed>
	 */
	private static function regeneration( Regeneration $outcome ): array {
		return array(
			'expiresAt'       => gmdate( 'c', $outcome->token->expires_at ),
			'renewAt'         => gmdate( 'c', $outcome->token->renew_at() ),
			'scopes'          => $outcome->token->scopes,
			'replaced'        => $outcome->replaced,
			'previousRevoked' => $outcome->previous_revoked,
		);
	}
}
