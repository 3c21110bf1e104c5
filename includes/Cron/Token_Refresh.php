<?php
/**
 * Proactive token renewal by WP-Cron.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Cron;

use Causerie\Connector\Auth\Token_Manager;

/**
 * Every five minutes WP-Cron asks for the token; the manager renews it only when it is due, so a token
 * rarely expires inside a visitor's request. Scheduled on activation, removed on deactivation, and
 * rescheduled on the next admin page if it went missing.
 */
final class Token_Refresh {

	public const HOOK     = 'causerie_connector_refresh_token';
	public const INTERVAL = 'causerie_five_minutes';

	/**
	 * Constructor.
	 *
	 * @param string        $plugin_file Main plugin file, for the activation hooks.
	 * @param Token_Manager $tokens      The token lifecycle.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Token_Manager $tokens
	) {}

	/**
	 * Hooks the job, its schedule and the plugin's activation and deactivation.
	 */
	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_interval' ) ); // phpcs:ignore WordPress.WP.CronInterval.CronSchedulesInterval -- tokens can live 15 minutes; renewal must run more often.
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'admin_init', array( $this, 'schedule' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'schedule' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Adds the five-minute interval.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules Known intervals.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_interval( $schedules ): array {
		$schedules[ self::INTERVAL ] = array(
			'interval' => 300,
			'display'  => __( 'Every five minutes (Causerie token renewal)', 'causerie-connector' ),
		);
		return $schedules;
	}

	/**
	 * Schedules the job unless it is.
	 */
	public function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + 60, self::INTERVAL, self::HOOK );
		}
	}

	/**
	 * Removes the job; the settings stay.
	 */
	public function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Renews the token if it is due; failures are left for the health checks to report.
	 */
	public function run(): void {
		$this->tokens->token();
	}
}
