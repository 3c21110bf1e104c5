<?php
/**
 * The connection's last known state, one small autoloaded option.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Call_Outcome;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Diagnosis\Finding;

/**
 * What the last live check or API call found, kept where every admin page reads it for free: the admin notice,
 * the status route, Site Health, the support report and `wp causerie status` all start here, so they agree.
 * The option is written only when what it says changes, and each write fires CHANGED for the alerts.
 *
 * Faults seen in local data (an unreadable secret, no credentials, a moved or paused copy) are never stored:
 * they are read again each time, so putting the key back ends the fault at once, without a check.
 *
 * @phpstan-type Record array{code: string, since: int, occurrence: string, checkedAt: int}
 * @phpstan-type Now array{state: string, code: string, since: int|null, occurrence: string, checkedAt: int|null}
 */
final class Connection_State {

	public const OPTION = 'causerie_connector_state';

	/**
	 * Action fired with the record before and after, and what found the change ("check" or "call"), each time
	 * the cause changes.
	 */
	public const CHANGED = 'causerie_connector_state_changed';

	/**
	 * When causes stack, the one that must be fixed first leads: nothing about a token can be fixed while the
	 * credentials are refused or belong to another environment, and a token is renewed by itself anyway.
	 */
	public const PRIORITY = array( 'configured', 'site', 'reachable', 'credentials', 'environment', 'scopes', 'token', 'api', 'clock' );

	/**
	 * Causes read from local data on every read, never stored.
	 */
	public const LOCAL = array( 'encryption_key_changed', 'secret_copied', 'not_configured', 'connection_paused', 'site_moved' );

	/**
	 * Whether a live check runs in this request: its own API call is one of its rows, not a call to record.
	 *
	 * @var bool
	 */
	private bool $checking = false;

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Site_Binding     $binding     Site address binding.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Listens to every call's outcome.
	 */
	public function register(): void {
		add_action( Call_Outcome::HOOK, array( $this, 'record_call' ) );
	}

	/**
	 * The state now: local faults first, read afresh, then what the last check or call found.
	 *
	 * @phpstan-return Now
	 */
	public function now(): array {
		$record = $this->stored();
		$local  = $this->local_code();
		$code   = $local ?? $record['code'];
		$state  = match ( '' === $code ? '' : Catalog::severity( $code ) ) {
			''      => 'connected',
			'error' => 'broken',
			default => 'attention',
		};
		return array(
			'state'      => $state,
			'code'       => $code,
			'since'      => null === $local && '' !== $code ? $record['since'] : null,
			// A local fault is its own problem: a notice dismissed for the remote one shows for it.
			'occurrence' => null === $local ? $record['occurrence'] : md5( $local . '@' . $record['occurrence'] ),
			'checkedAt'  => 0 === $record['checkedAt'] ? null : $record['checkedAt'],
		);
	}

	/**
	 * Seconds since the last live check, or null before the first.
	 *
	 * @param int $now Current Unix time.
	 */
	public function age( int $now ): ?int {
		$checked = $this->stored()['checkedAt'];
		return 0 === $checked ? null : max( 0, $now - $checked );
	}

	/**
	 * Marks a live check as running: the calls it makes are recorded with its results.
	 */
	public function begin_check(): void {
		$this->checking = true;
	}

	/**
	 * Records what a live check found: the row that matters most, local causes aside.
	 *
	 * @param Check_Result[] $results The check's rows.
	 * @param int            $now     Current Unix time.
	 *
	 * @phpstan-param list<Check_Result> $results
	 */
	public function record_check( array $results, int $now ): void {
		$this->checking = false;
		$problems       = array();
		foreach ( $results as $result ) {
			if ( in_array( $result->status, array( Check_Result::ERROR, Check_Result::WARNING ), true ) && '' !== $result->code && ! in_array( $result->code, self::LOCAL, true ) ) {
				$problems[ $result->id ] ??= $result->code;
			}
		}
		$code = '';
		foreach ( self::PRIORITY as $id ) {
			if ( isset( $problems[ $id ] ) ) {
				$code = $problems[ $id ];
				break;
			}
		}
		$this->write( $code, $now, $now, 'check' );
	}

	/**
	 * Records how an API call or a token request ended: a failure that says the connection is down breaks it,
	 * a success ends what it disproves. Anything else leaves the state as it is, unwritten.
	 *
	 * @param mixed $failure A Finding, or null for a success.
	 */
	public function record_call( mixed $failure ): void {
		if ( $this->checking ) {
			return;
		}
		$record = $this->stored();
		if ( $failure instanceof Finding ) {
			if ( Call_Outcome::breaks_connection( $failure->code ) ) {
				$this->write( $failure->code, time(), $record['checkedAt'], 'call' );
			}
			return;
		}
		if ( null === $failure && '' !== $record['code'] && Call_Outcome::cleared_by_success( $record['code'] ) ) {
			$this->write( '', time(), $record['checkedAt'], 'call' );
		}
	}

	/**
	 * The local fault, or null when local data shows none.
	 */
	private function local_code(): ?string {
		$credentials = $this->credentials->credentials();
		$unreadable  = Decryption_Failure::diagnosis( $credentials->secret_failure );
		if ( null !== $unreadable ) {
			return $unreadable;
		}
		if ( ! $credentials->is_complete() ) {
			return 'not_configured';
		}
		if ( $this->binding->is_paused() ) {
			return 'connection_paused';
		}
		return $this->binding->has_moved() ? 'site_moved' : null;
	}

	/**
	 * Writes the record when it changes, and tells who listens.
	 *
	 * @param string $code       The remote cause, or empty.
	 * @param int    $now        Current Unix time.
	 * @param int    $checked_at When the last check ran.
	 * @param string $found_by   What found it: "check" or "call".
	 */
	private function write( string $code, int $now, int $checked_at, string $found_by ): void {
		$before             = $this->stored();
		$after              = $before;
		$after['checkedAt'] = $checked_at;
		if ( $code !== $before['code'] ) {
			$after['code']  = $code;
			$after['since'] = $now;
			// Not a time: a cause that ends and comes back within a second is still a new occurrence.
			$after['occurrence'] = wp_generate_uuid4();
		}
		if ( $after === $before ) {
			return;
		}
		// Autoloaded: every admin page reads it, and it stays a few dozen bytes.
		update_option( self::OPTION, $after, true );
		if ( $after['code'] !== $before['code'] ) {
			do_action( self::CHANGED, $before, $after, $found_by ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the constant is prefixed.
		}
	}

	/**
	 * The record, read from the autoloaded options only: never a query, even before the first write.
	 *
	 * @phpstan-return Record
	 */
	private function stored(): array {
		$all    = wp_load_alloptions();
		$stored = isset( $all[ self::OPTION ] ) && is_string( $all[ self::OPTION ] ) ? maybe_unserialize( $all[ self::OPTION ] ) : null;
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'code'       => is_string( $stored['code'] ?? null ) && Catalog::exists( $stored['code'] ) ? $stored['code'] : '',
			'since'      => is_int( $stored['since'] ?? null ) ? $stored['since'] : 0,
			'occurrence' => is_string( $stored['occurrence'] ?? null ) ? $stored['occurrence'] : '',
			'checkedAt'  => is_int( $stored['checkedAt'] ?? null ) ? $stored['checkedAt'] : 0,
		);
	}
}
