<?php
/**
 * The widget's daily refresh, and what keeps its option and origin in place.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

use Causerie\Connector\Credentials\Site_Binding;

/**
 * Once a day WP-Cron registers the site origin again, fetches the bot (a changed greeting or theme reaches the
 * pages within a day) and removes the origins left to remove. When the owner says the site moved ("this is the
 * new address"), the new origin is registered and the old one removed at once. The option is made sure of on
 * activation and on admin pages, since a missing one would cost every page view a query. Scheduled on
 * activation, rescheduled on the next admin page if it went missing, removed on deactivation; uninstall.php
 * removes every causerie_ hook.
 */
final class Widget_Cron {

	public const HOOK = 'causerie_connector_widget_refresh';

	/**
	 * Constructor.
	 *
	 * @param string         $plugin_file Main plugin file, for the activation hooks.
	 * @param Widget_Options $options     The widget's option.
	 * @param Widget_Service $service     Refreshes the bot.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Widget_Options $options,
		private readonly Widget_Service $service
	) {}

	/**
	 * Hooks the job, its schedule, the option's creation and the site's move.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( Site_Binding::REBOUND, array( $this, 'run' ) );
		add_action( 'admin_init', array( $this, 'install' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'install' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Creates the option when missing and schedules the daily refresh unless it is; both cheap when done.
	 */
	public function install(): void {
		$this->options->ensure();
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::HOOK );
		}
	}

	/**
	 * Removes the daily refresh; the option stays for a reactivation.
	 */
	public function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * One refresh; what failed is tried again on the next.
	 */
	public function run(): void {
		$this->service->refresh();
	}
}
