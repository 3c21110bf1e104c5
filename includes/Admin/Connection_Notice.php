<?php
/**
 * The admin notice of a broken connection.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Plugin;
use Causerie\Connector\REST\Admin_Controller;

/**
 * On every admin screen but the plugin's own (whose app shows the state itself), administrators see why the
 * chatbot is disconnected or needs attention, with a link to the fix, and whether WP-Cron runs the plugin's
 * jobs. Each administrator can dismiss it until the problem changes; a small inline script tells the server,
 * so the notice works without the admin app. It reads the last known state (Connection_State), as the screen
 * does, from autoloaded options: a page pays at most the one query that re-reads the credentials.
 *
 * @phpstan-import-type Diagnosis from Connection_Status
 * @phpstan-type Notice array{key: string, state: string, diagnosis: Diagnosis|null, cronStopped: bool, cronDisabled: bool}
 */
final class Connection_Notice {

	public const ID = 'causerie-connection-notice';

	/**
	 * User option (per site on a network) holding the key of the notice the user dismissed.
	 */
	public const DISMISSED = 'causerie_connector_dismissed_notice';

	public const DISMISS_ROUTE = 'notice/dismiss';

	/**
	 * Screens that show the connection's state themselves: the plugin's app, and Site Health, whose own tests
	 * check the connection live on that page, after a notice would have been printed.
	 */
	private const OWN_SCREENS = array( 'settings_page_' . Settings_Page::SLUG, 'site-health' );

	/**
	 * Constructor.
	 *
	 * @param Connection_State $state The last known state.
	 * @param Cron_Monitor     $cron  Whether WP-Cron runs the jobs.
	 */
	public function __construct(
		private readonly Connection_State $state,
		private readonly Cron_Monitor $cron
	) {}

	/**
	 * Hooks the notice.
	 */
	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	/**
	 * What the notice would say now, whoever looks; null when there is nothing to say. A problem is a break or
	 * a warning; informational states (not set up yet, paused on purpose) are not.
	 *
	 * @param int $now Current Unix time.
	 * @phpstan-return Notice|null
	 */
	public function current( int $now ): ?array {
		$state   = $this->state->now();
		$problem = 'broken' === $state['state'] || ( 'attention' === $state['state'] && 'warning' === Catalog::severity( $state['code'] ) );
		$cron    = $this->cron->report( $now );
		if ( ! $problem && $cron['running'] ) {
			return null;
		}
		// A new key for each occurrence of a problem: a dismissed notice shows again when the problem changes.
		$connection = $problem ? $state['code'] . '@' . $state['occurrence'] : '';
		$stopped    = $cron['running'] ? '' : 'cron@' . $cron['overdueSince'];
		return array(
			'key'          => md5( $connection . '|' . $stopped ),
			'state'        => $problem ? $state['state'] : 'attention',
			'diagnosis'    => $problem ? Connection_Status::diagnosis( $state['code'] ) : null,
			'cronStopped'  => ! $cron['running'],
			'cronDisabled' => $cron['disabled'],
		);
	}

	/**
	 * Prints the notice for administrators, unless dismissed or on the plugin's own screen.
	 */
	public function render(): void {
		if ( ! current_user_can( Plugin::CAPABILITY ) ) {
			return;
		}
		$screen = get_current_screen();
		if ( null !== $screen && in_array( $screen->id, self::OWN_SCREENS, true ) ) {
			return;
		}
		$notice = $this->current( time() );
		if ( null === $notice || self::is_dismissed( get_current_user_id(), $notice['key'] ) ) {
			return;
		}
		$this->print_notice( $notice );
	}

	/**
	 * Dismisses a notice for a user until the problem changes.
	 *
	 * @param int    $user_id User.
	 * @param string $key     The notice's key.
	 */
	public static function dismiss( int $user_id, string $key ): void {
		update_user_option( $user_id, self::DISMISSED, $key );
	}

	/**
	 * Whether the user dismissed this notice.
	 *
	 * @param int    $user_id User.
	 * @param string $key     The notice's key.
	 */
	public static function is_dismissed( int $user_id, string $key ): bool {
		return get_user_option( self::DISMISSED, $user_id ) === $key;
	}

	/**
	 * Prints the notice and the script that remembers its dismissal.
	 *
	 * @param array<string, mixed> $notice From current().
	 * @phpstan-param Notice $notice
	 */
	private function print_notice( array $notice ): void {
		$diagnosis = $notice['diagnosis'];
		printf(
			'<div id="%1$s" class="notice %2$s is-dismissible" data-key="%3$s" data-url="%4$s" data-nonce="%5$s">',
			esc_attr( self::ID ),
			esc_attr( 'broken' === $notice['state'] ? 'notice-error' : 'notice-warning' ),
			esc_attr( $notice['key'] ),
			esc_url( rest_url( Admin_Controller::NAMESPACE . '/' . self::DISMISS_ROUTE ) ),
			esc_attr( wp_create_nonce( 'wp_rest' ) )
		);
		if ( null !== $diagnosis ) {
			$headline = 'broken' === $notice['state']
				? __( 'The Causerie chatbot is disconnected.', 'causerie-connector' )
				: __( 'The Causerie connection needs attention.', 'causerie-connector' );
			printf(
				'<p><strong>%1$s</strong> %2$s</p><p><a class="button button-primary" href="%3$s">%4$s</a></p>',
				esc_html( $headline ),
				esc_html( $diagnosis['title'] ),
				esc_url( admin_url( 'options-general.php?page=' . Settings_Page::SLUG . '#fix' ) ),
				esc_html__( 'Fix it', 'causerie-connector' )
			);
		}
		if ( $notice['cronStopped'] ) {
			$why = $notice['cronDisabled']
				? __( 'DISABLE_WP_CRON is set in wp-config.php and no system cron job runs them, so the Causerie token is not renewed in the background and the daily check does not run. Ask your host to run wp-cron.php from a system cron job every few minutes.', 'causerie-connector' )
				: __( 'They are more than an hour late, so the Causerie token is not renewed in the background and the daily check does not run. Ask your host why the site can\'t call its own wp-cron.php, or to run it from a system cron job.', 'causerie-connector' );
			printf(
				'<p><strong>%1$s</strong> %2$s</p>',
				esc_html__( 'Scheduled tasks (WP-Cron) are not running.', 'causerie-connector' ),
				esc_html( $why )
			);
		}
		echo '</div>';
		// Core's script adds the dismiss button and hides the notice; this one tells the server.
		wp_print_inline_script_tag(
			'( function () {
	var notice = document.getElementById( ' . wp_json_encode( self::ID ) . ' );
	if ( ! notice || ! window.fetch ) {
		return;
	}
	notice.addEventListener( "click", function ( event ) {
		if ( ! event.target.closest || ! event.target.closest( ".notice-dismiss" ) ) {
			return;
		}
		window.fetch( notice.dataset.url, {
			method: "POST",
			credentials: "same-origin",
			headers: { "Content-Type": "application/json", "X-WP-Nonce": notice.dataset.nonce },
			body: JSON.stringify( { key: notice.dataset.key } )
		} );
	} );
} )();'
		);
	}
}
