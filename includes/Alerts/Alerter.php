<?php
/**
 * Emails the site owner when the connection breaks, recovers, or its secret is about to expire.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Alerts;

use Causerie\Connector\Diagnosis\Catalog;

/**
 * Decides which email a status calls for and sends it through wp_mail, per episode: a break opens one with its
 * email, and its end closes it with another (connected again, or paused on this copy). Within an episode the
 * same diagnosis is emailed at most once a day; a new episode owes nothing to the last one, so the same cause
 * breaking again a minute after a recovery is emailed at once. A recovery email only ever answers a break that
 * was announced.
 *
 * @phpstan-import-type Status from \Causerie\Connector\Health\Connection_Status
 * @phpstan-type State array{open: string, sent: array<string, int>, reminded: int}
 */
final class Alerter {

	public const OPTION = 'causerie_connector_alerts';

	/**
	 * Seconds before the same diagnosis is emailed again within an episode, and before a known expiry the
	 * reminder goes.
	 */
	public const QUIET_SECONDS = 86400;

	/**
	 * Constructor.
	 *
	 * @param Alert_Recipient $recipient Where the emails go.
	 * @param Alert_Emails    $emails    What they say.
	 */
	public function __construct(
		private readonly Alert_Recipient $recipient,
		private readonly Alert_Emails $emails
	) {}

	/**
	 * Sends what the status calls for.
	 *
	 * @param array<string, mixed> $status From Connection_Status::current().
	 * @param int                  $now    Current Unix time.
	 *
	 * @phpstan-param Status $status
	 */
	public function evaluate( array $status, int $now ): void {
		$state     = $this->state();
		$before    = $state;
		$diagnosis = $status['diagnosis'];
		if ( 'broken' === $status['state'] && null !== $diagnosis ) {
			$code = $diagnosis['code'];
			if ( $now - ( $state['sent'][ $code ] ?? 0 ) >= self::QUIET_SECONDS && $this->send( $this->emails->broken( $diagnosis ) ) ) {
				$state['sent'][ $code ] = $now;
				$state['open']          = $code;
			}
		} elseif ( '' !== $state['open'] ) {
			$closing = $this->closing( $state['open'], $diagnosis['code'] ?? '' );
			if ( null === $closing || $this->send( $closing ) ) {
				// The episode is over: its once-a-day limit ends with it.
				$state['open'] = '';
				$state['sent'] = array();
			}
		}
		$state['sent'] = array_filter( $state['sent'], static fn( int $sent_at ): bool => $now - $sent_at < self::QUIET_SECONDS );
		if ( $state !== $before ) {
			update_option( self::OPTION, $state, false );
		}
	}

	/**
	 * The email that closes an announced episode, or null when it ends without one: credentials removed on
	 * purpose leave nothing to watch or announce. A copy paused on purpose is said so, never left silent.
	 *
	 * @param string $open The diagnosis announced.
	 * @param string $now  The diagnosis now, or empty when the connection works.
	 * @return array{subject: string, body: string}|null
	 */
	private function closing( string $open, string $now ): ?array {
		if ( 'connection_paused' === $now ) {
			return $this->emails->paused( $open );
		}
		return '' !== $now && 'info' === Catalog::severity( $now ) ? null : $this->emails->recovered( $open );
	}

	/**
	 * Sends the reminder once, within the day before a known expiry of the client secret.
	 *
	 * @param int $expires_at Unix time the API gave for the expiry.
	 * @param int $now        Current Unix time.
	 * @return bool Whether the reminder was sent now.
	 */
	public function remind_expiry( int $expires_at, int $now ): bool {
		$state = $this->state();
		if ( $state['reminded'] === $expires_at || $now < $expires_at - self::QUIET_SECONDS || $now >= $expires_at ) {
			return false;
		}
		if ( ! $this->send( $this->emails->expiring( $expires_at ) ) ) {
			return false;
		}
		$state['reminded'] = $expires_at;
		update_option( self::OPTION, $state, false );
		return true;
	}

	/**
	 * Sends one email as plain text: to the alert recipient, or to another address a feature chose (the lead
	 * emails).
	 *
	 * @param array{subject: string, body: string} $email Subject and body.
	 * @param string                               $to    Address; the alert recipient when empty.
	 */
	public function send( array $email, string $to = '' ): bool {
		$to = '' === $to ? $this->recipient->address() : $to;
		if ( '' === $to ) {
			return false;
		}
		return wp_mail( $to, $email['subject'], $email['body'], array( 'Content-Type: text/plain; charset=UTF-8' ) );
	}

	/**
	 * What was sent, as stored.
	 *
	 * @phpstan-return State
	 */
	private function state(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$sent   = isset( $stored['sent'] ) && is_array( $stored['sent'] ) ? $stored['sent'] : array();
		return array(
			'open'     => isset( $stored['open'] ) && is_string( $stored['open'] ) ? $stored['open'] : '',
			'sent'     => array_filter(
				$sent,
				static fn( $sent_at, $key ): bool => is_string( $key ) && is_int( $sent_at ),
				ARRAY_FILTER_USE_BOTH
			),
			'reminded' => isset( $stored['reminded'] ) && is_int( $stored['reminded'] ) ? $stored['reminded'] : 0,
		);
	}
}
