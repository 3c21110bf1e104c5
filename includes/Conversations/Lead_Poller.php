<?php
/**
 * Picks up new leads by WP-Cron and announces each one.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;

/**
 * Every five minutes, reads `/v1/leads` from the kept cursor and fires `causerie_lead_captured` once per new
 * lead. The cursor is kept after acting; the ids acted on are kept too, one by one, so a run killed between
 * acting and keeping the cursor reads the same page again and fires nothing twice.
 *
 * The first run starts from the moment the poller was set up on the site (activation, or the first admin page
 * after an update): the leads of before are walked past. Replaying years of leads into a CRM or an inbox the
 * day the plugin is updated is worse than missing none of them, and the Leads view still lists them all.
 *
 * A paused copy of the site doesn't poll (it would act for the live site), nor does a site whose token lacks
 * `read:conversations`: every run would be refused and log the same failure every five minutes.
 *
 * @phpstan-import-type Lead from Conversations_Api
 * @phpstan-type State array{cursor: string, since: int, seen: list<string>}
 */
final class Lead_Poller {

	public const HOOK     = 'causerie_connector_lead_poll';
	public const OPTION   = 'causerie_connector_lead_poll';
	public const SCHEDULE = 'causerie_connector_five_minutes';

	/**
	 * The action fired for each new lead, with the lead and its context.
	 */
	public const ACTION = 'causerie_lead_captured';

	/**
	 * Seconds between polls, and the most one poll works.
	 */
	public const INTERVAL    = 300;
	public const RUN_SECONDS = 20.0;

	/**
	 * Lead ids remembered: far more than one run can read past its kept cursor.
	 */
	public const REMEMBER = 500;

	/**
	 * Constructor.
	 *
	 * @param string       $plugin_file Main plugin file, for the activation hooks.
	 * @param Lead_Feed    $feed        The leads after a cursor.
	 * @param Token_Store  $tokens      The token in hand, whose scopes say whether polling can work.
	 * @param Site_Binding $binding     Whether this copy is paused.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Lead_Feed $feed,
		private readonly Token_Store $tokens,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Hooks the job, its interval and its schedule.
	 */
	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_interval' ) ); // phpcs:ignore WordPress.WP.CronInterval -- five minutes (INTERVAL), the poll's rhythm.
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'admin_init', array( $this, 'schedule' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'schedule' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Adds the five-minute interval WP-Cron lacks.
	 *
	 * @param mixed $schedules WP-Cron's intervals.
	 * @return array<mixed>
	 */
	public function add_interval( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => self::INTERVAL,
			'display'  => __( 'Every five minutes (Causerie leads)', 'causerie-connector' ),
		);
		return $schedules;
	}

	/**
	 * Schedules the poll if it went missing, and notes when polling started.
	 */
	public function schedule(): void {
		// The cursor starts with the schedule; reading it on every admin page would cost a query.
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			$this->state();
			wp_schedule_event( time() + self::INTERVAL, self::SCHEDULE, self::HOOK );
		}
	}

	/**
	 * Removes the poll; the cursor stays, so reactivating goes on where it stopped.
	 */
	public function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * One poll: the number of leads announced, or why the API could not be read.
	 */
	public function run(): int|Finding {
		if ( $this->binding->is_paused() ) {
			return 0;
		}
		$token = $this->tokens->get();
		if ( null !== $token && ! in_array( Conversations_Api::SCOPE, $token->scopes, true ) ) {
			return 0;
		}
		$state = $this->state();
		$fired = 0;
		$read  = $this->feed->read(
			$state['cursor'],
			$state['since'],
			self::RUN_SECONDS,
			function ( array $leads, string $next ) use ( &$state, &$fired ): bool {
				foreach ( $leads as $lead ) {
					if ( in_array( $lead['id'], $state['seen'], true ) ) {
						continue;
					}
					/**
					 * A visitor left an email or a phone number in the chat. Fired once per lead, by WP-Cron.
					 *
					 * @param array $lead    id, conversationId, email (or null), phone (or null), capturedAt (ISO 8601), origin.
					 * @param array $context receivedAt (Unix time the site learned of it), siteUrl.
					 */
					do_action(
						'causerie_lead_captured', // The literal name, as in the documentation: self::ACTION.
						$lead,
						array(
							'receivedAt' => time(),
							'siteUrl'    => home_url(),
						)
					);
					++$fired;
					$state['seen'] = array_slice( array_merge( $state['seen'], array( $lead['id'] ) ), -self::REMEMBER );
					$this->save( $state );
				}
				$state['cursor'] = $next;
				$this->save( $state );
				return true;
			}
		);
		return $read instanceof Finding ? $read : $fired;
	}

	/**
	 * The kept state, created (polling starts now) when there is none.
	 *
	 * @phpstan-return State
	 */
	public function state(): array {
		$stored = get_option( self::OPTION );
		if ( ! is_array( $stored ) || ! is_int( $stored['since'] ?? null ) ) {
			$state = array(
				'cursor' => '',
				'since'  => time(),
				'seen'   => array(),
			);
			$this->save( $state );
			return $state;
		}
		$seen = is_array( $stored['seen'] ?? null ) ? array_values( array_filter( $stored['seen'], 'is_string' ) ) : array();
		return array(
			'cursor' => is_string( $stored['cursor'] ?? null ) ? $stored['cursor'] : '',
			'since'  => $stored['since'],
			'seen'   => $seen,
		);
	}

	/**
	 * Keeps the state, out of the autoloaded options: only the poll reads it.
	 *
	 * @param array<string, mixed> $state The state.
	 * @phpstan-param State $state
	 */
	private function save( array $state ): void {
		update_option( self::OPTION, $state, false );
	}
}
