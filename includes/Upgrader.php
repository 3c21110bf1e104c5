<?php
/**
 * What a site that ran an older version needs once.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Sync\Queue_Schema;

/**
 * Runs the upgrade steps a site has not run yet, on its first admin page after the update, as the tables'
 * schemas are installed. Beside the Uninstaller: both know every stored name.
 */
final class Upgrader {

	/**
	 * The last upgrade step the site ran; autoloaded, so checking it costs no query.
	 */
	public const OPTION = 'causerie_connector_upgrade';

	/**
	 * The current upgrade step.
	 */
	public const STEP = 1;

	/**
	 * The options every admin page reads. Older versions stored them with autoload off, and WordPress keeps
	 * a row's autoload when update_option() leaves its value alone, so each would cost a query on every
	 * admin page until it next changed.
	 *
	 * @var list<string>
	 */
	public const AUTOLOADED = array(
		Connection_State::OPTION,
		Event_Log::DB_VERSION,
		Queue_Schema::DB_VERSION,
		Lead_Notifications::OPTION,
	);

	/**
	 * Hooks the upgrade.
	 */
	public function register(): void {
		add_action( 'admin_init', array( $this, 'upgrade' ) );
	}

	/**
	 * Runs the steps the site has not run yet, once.
	 */
	public function upgrade(): void {
		$done = get_option( self::OPTION, 0 );
		if ( is_numeric( $done ) && self::STEP <= (int) $done ) {
			return;
		}
		// Step 1: autoload the options older versions stored without it; those not stored yet stay absent.
		wp_set_option_autoload_values( array_fill_keys( self::AUTOLOADED, true ) );
		update_option( self::OPTION, self::STEP, true );
	}
}
