<?php
/**
 * When the client secret expires, if the API says.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Alerts;

use Causerie\Connector\Log\Event_Log;

/**
 * The contract names no expiry for client secrets, so this is a hook point: a token endpoint that adds
 * RFC 7591's client_secret_expires_at to its answer gets it remembered (the token manager reports it with the
 * token it stored), and a reminder is sent a day before. An answer to the client credentials grant without it
 * means the secret no longer has a known expiry.
 */
final class Secret_Expiry {

	public const OPTION = 'causerie_connector_secret_expiry';
	public const HOOK   = 'causerie_connector_secret_expiry_reminder';

	/**
	 * Constructor.
	 *
	 * @param string  $plugin_file Main plugin file, for the deactivation hook.
	 * @param Alerter $alerter     Sends the reminder.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Alerter $alerter
	) {}

	/**
	 * Listens for new tokens and runs the reminder when it is due.
	 */
	public function register(): void {
		add_action( Event_Log::HOOK, array( $this, 'record' ), 10, 3 );
		add_action( self::HOOK, array( $this, 'remind_now' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Reads the expiry from a token event.
	 *
	 * @param mixed $kind    Event kind.
	 * @param mixed $code    What happened.
	 * @param mixed $context Details, with secretExpiresAt (ISO 8601) when the API gave one.
	 */
	public function record( $kind, $code, $context = array() ): void {
		if ( 'token' !== $kind || ! in_array( $code, array( 'issued', 'renewed' ), true ) || ! is_array( $context ) ) {
			return;
		}
		$expires_at = is_string( $context['secretExpiresAt'] ?? null ) ? strtotime( $context['secretExpiresAt'] ) : false;
		if ( is_int( $expires_at ) && $expires_at > 0 ) {
			$this->remember( $expires_at );
		} elseif ( 'client_credentials' === ( $context['grant'] ?? null ) ) {
			// Refresh answers may leave it out; an answer to the secret itself that doesn't name it means none.
			$this->forget();
		}
	}

	/**
	 * Remembers the expiry and schedules the reminder a day before it.
	 *
	 * @param int $expires_at Unix time.
	 */
	public function remember( int $expires_at ): void {
		if ( $this->known() === $expires_at ) {
			return;
		}
		update_option( self::OPTION, $expires_at, false );
		wp_clear_scheduled_hook( self::HOOK );
		if ( $expires_at > time() ) {
			wp_schedule_single_event( max( time(), $expires_at - Alerter::QUIET_SECONDS ), self::HOOK );
		}
	}

	/**
	 * Forgets the expiry and its reminder.
	 */
	public function forget(): void {
		if ( null !== $this->known() ) {
			delete_option( self::OPTION );
		}
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * The known expiry, as Unix time.
	 */
	public function known(): ?int {
		$expires_at = get_option( self::OPTION );
		return is_numeric( $expires_at ) && (int) $expires_at > 0 ? (int) $expires_at : null;
	}

	/**
	 * Sends the reminder if it is due.
	 *
	 * @param int $now Current Unix time.
	 */
	public function remind( int $now ): bool {
		$expires_at = $this->known();
		return null !== $expires_at && $this->alerter->remind_expiry( $expires_at, $now );
	}

	/**
	 * The scheduled reminder.
	 */
	public function remind_now(): void {
		$this->remind( time() );
	}

	/**
	 * Removes the reminder; the known expiry stays.
	 */
	public function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
