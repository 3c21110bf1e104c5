<?php
/**
 * Registers the WP-CLI commands.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use WP_CLI;

/**
 * Adds `wp causerie …` when the plugin loads inside WP-CLI, and nothing otherwise. The commands are built
 * by the composition root, over the same services as the REST routes and the screen.
 */
final class Commands {

	/**
	 * The top-level command.
	 */
	public const NAME = 'causerie';

	/**
	 * Constructor.
	 *
	 * @param Command             $root        status, check, regenerate.
	 * @param Token_Command       $token       token inspect, token refresh.
	 * @param Credentials_Command $credentials credentials set.
	 * @param Log_Command         $log         log.
	 * @param Report_Command      $report      report.
	 * @param Sync_Command        $sync        sync status, start, run, cancel, retry, reconcile, remove.
	 * @param Widget_Command      $widget      widget status, enable, disable.
	 */
	public function __construct(
		private readonly Command $root,
		private readonly Token_Command $token,
		private readonly Credentials_Command $credentials,
		private readonly Log_Command $log,
		private readonly Report_Command $report,
		private readonly Sync_Command $sync,
		private readonly Widget_Command $widget
	) {}

	/**
	 * Adds the commands, when WP-CLI is running.
	 */
	public function register(): void {
		if ( ! defined( 'WP_CLI' ) || true !== constant( 'WP_CLI' ) ) {
			return;
		}
		WP_CLI::add_command( self::NAME, $this->root );
		WP_CLI::add_command( self::NAME . ' token', $this->token );
		WP_CLI::add_command( self::NAME . ' credentials', $this->credentials );
		WP_CLI::add_command( self::NAME . ' log', $this->log );
		WP_CLI::add_command( self::NAME . ' report', $this->report );
		WP_CLI::add_command( self::NAME . ' sync', $this->sync );
		WP_CLI::add_command( self::NAME . ' widget', $this->widget );
	}
}
