<?php
/**
 * Emails new leads, at once or in a daily digest.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Lead_Emails;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Instant emails act on `causerie_lead_captured` like any other plugin would. The daily digest keeps no lead
 * on the site: it keeps its own cursor and reads the leads again from the API when it is due, and moves its
 * cursor only once the email is handed to wp_mail, so a failed send or a run cut short loses no lead.
 *
 * @phpstan-import-type Lead from Conversations_Api
 * @phpstan-type Digest_State array{cursor: string, since: int}
 */
final class Lead_Mail {

	public const DIGEST_HOOK   = 'causerie_connector_lead_digest';
	public const DIGEST_OPTION = 'causerie_connector_lead_digest';

	/**
	 * Seconds one digest reads the API at most; what is left goes in the next one.
	 */
	public const DIGEST_SECONDS = 20.0;

	/**
	 * Constructor.
	 *
	 * @param string             $plugin_file   Main plugin file, for the deactivation hook.
	 * @param Lead_Notifications $notifications The owner's choice.
	 * @param Lead_Feed          $feed          The leads after a cursor.
	 * @param Lead_Poller        $poller        Where the poll stands, where a new digest starts.
	 * @param Alerter            $alerter       Sends through wp_mail.
	 * @param Lead_Emails        $emails        What the emails say.
	 * @param Site_Binding       $binding       Whether this copy is paused.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Lead_Notifications $notifications,
		private readonly Lead_Feed $feed,
		private readonly Lead_Poller $poller,
		private readonly Alerter $alerter,
		private readonly Lead_Emails $emails,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Hooks the emails and the digest's schedule, which follows the setting.
	 */
	public function register(): void {
		add_action( Lead_Poller::ACTION, array( $this, 'instant' ) );
		add_action( self::DIGEST_HOOK, array( $this, 'digest' ) );
		add_action( 'admin_init', array( $this, 'schedule' ) );
		add_action( 'add_option_' . Lead_Notifications::OPTION, array( $this, 'schedule' ) );
		add_action( 'update_option_' . Lead_Notifications::OPTION, array( $this, 'schedule' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Emails one lead when the owner asked for instant emails.
	 *
	 * @param mixed $lead The lead the action carries.
	 */
	public function instant( $lead ): void {
		$lead = self::lead( $lead );
		if ( Lead_Notifications::INSTANT !== $this->notifications->mode() || null === $lead ) {
			return;
		}
		$this->alerter->send( $this->emails->instant( $lead ), $this->notifications->settings()['email'] );
	}

	/**
	 * Schedules the daily digest while the owner wants one; otherwise removes it and its cursor, so a digest
	 * turned on later starts from that day.
	 */
	public function schedule(): void {
		// Looked up among the autoloaded options (the choice is saved autoloaded): asking for an option never
		// saved would cost a query on every admin page.
		$daily = array_key_exists( Lead_Notifications::OPTION, wp_load_alloptions() )
			&& Lead_Notifications::DAILY === $this->notifications->mode();
		if ( ! $daily ) {
			// Asked first: this runs on every admin page, and writing nothing should cost nothing.
			if ( false !== wp_next_scheduled( self::DIGEST_HOOK ) ) {
				wp_unschedule_hook( self::DIGEST_HOOK );
				delete_option( self::DIGEST_OPTION );
			}
			return;
		}
		if ( false === wp_next_scheduled( self::DIGEST_HOOK ) ) {
			// The digest starts from now: its cursor is set when it is scheduled, not read on every admin page.
			$this->state();
			wp_schedule_event( time() + DAY_IN_SECONDS, 'daily', self::DIGEST_HOOK );
		}
	}

	/**
	 * Removes the digest's event; the setting and the cursor stay.
	 */
	public function unschedule(): void {
		wp_unschedule_hook( self::DIGEST_HOOK );
	}

	/**
	 * The day's digest: the leads after its cursor, in one email. The number of leads emailed, or why the API
	 * could not be read.
	 */
	public function digest(): int|Finding {
		if ( Lead_Notifications::DAILY !== $this->notifications->mode() || $this->binding->is_paused() ) {
			return 0;
		}
		$state  = $this->state();
		$leads  = array();
		$cursor = $state['cursor'];
		$read   = $this->feed->read(
			$cursor,
			$state['since'],
			self::DIGEST_SECONDS,
			static function ( array $page, string $next ) use ( &$leads, &$cursor ): bool {
				$leads  = array_merge( $leads, $page );
				$cursor = $next;
				return true;
			}
		);
		if ( $read instanceof Finding ) {
			return $read;
		}
		if ( array() !== $leads && ! $this->alerter->send( $this->emails->digest( $leads ), $this->notifications->settings()['email'] ) ) {
			return 0;
		}
		update_option(
			self::DIGEST_OPTION,
			array(
				'cursor' => $cursor,
				'since'  => $state['since'],
			),
			false
		);
		if ( false === $read ) {
			// Cut short by its budget: the rest goes in a digest of its own, soon.
			wp_schedule_single_event( time() + 60, self::DIGEST_HOOK );
		}
		return count( $leads );
	}

	/**
	 * The digest's cursor, created when the digest starts: from where the poll stands, for the leads from now on.
	 *
	 * @phpstan-return Digest_State
	 */
	private function state(): array {
		$stored = get_option( self::DIGEST_OPTION );
		if ( is_array( $stored ) && is_string( $stored['cursor'] ?? null ) && is_int( $stored['since'] ?? null ) ) {
			return array(
				'cursor' => $stored['cursor'],
				'since'  => $stored['since'],
			);
		}
		$state = array(
			'cursor' => $this->poller->state()['cursor'],
			'since'  => time(),
		);
		update_option( self::DIGEST_OPTION, $state, false );
		return $state;
	}

	/**
	 * A lead as the poller fires it; another plugin may fire the action with anything.
	 *
	 * @param mixed $lead The action's argument.
	 * @phpstan-return Lead|null
	 */
	private static function lead( mixed $lead ): ?array {
		if ( ! is_array( $lead ) || ! is_string( $lead['id'] ?? null ) ) {
			return null;
		}
		$text = static fn( string $key ): string => is_string( $lead[ $key ] ?? null ) ? $lead[ $key ] : '';
		return array(
			'id'             => $lead['id'],
			'conversationId' => $text( 'conversationId' ),
			'email'          => is_string( $lead['email'] ?? null ) ? $lead['email'] : null,
			'phone'          => is_string( $lead['phone'] ?? null ) ? $lead['phone'] : null,
			'capturedAt'     => $text( 'capturedAt' ),
			'origin'         => $text( 'origin' ),
		);
	}
}
