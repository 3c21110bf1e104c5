<?php
/**
 * Integration tests for the admin notice of a broken connection.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * Administrators see why the chatbot is disconnected on every other admin screen, until they dismiss it; nobody
 * else ever does.
 */
final class Connection_Notice_Test extends TestCase {

	private const DISMISS = '/causerie/v1/notice/dismiss';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		// An admin page: wp-admin's files are loaded there.
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );
		// As on every admin page: the plugin registers its admin services on the first admin hook.
		do_action( 'admin_init' );
	}

	protected function tearDown(): void {
		$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		parent::tearDown();
	}

	/**
	 * Runs the live checks as an administrator, as the screen does, and comes back as the user before.
	 */
	private function run_checks(): void {
		$user = get_current_user_id();
		$this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		wp_set_current_user( $user );
	}

	/**
	 * Regenerates the client's secret at Causerie, so the stored one is refused, and runs the checks.
	 */
	private function break_the_secret(): void {
		Sandbox::break_secret();
		$this->run_checks();
	}

	/**
	 * What the plugin's own notice, as the plugin hooked it, prints for the current user on the current screen.
	 *
	 * @phpstan-impure
	 */
	private function notice_html(): string {
		$filters = $GLOBALS['wp_filter'] ?? null;
		self::assertIsArray( $filters );
		$hook = $filters['admin_notices'] ?? null;
		self::assertInstanceOf( \WP_Hook::class, $hook );
		foreach ( $hook->callbacks as $callbacks ) {
			foreach ( is_array( $callbacks ) ? $callbacks : array() as $callback ) {
				$function = is_array( $callback ) ? ( $callback['function'] ?? null ) : null;
				if ( is_array( $function ) && ( $function[0] ?? null ) instanceof Connection_Notice ) {
					ob_start();
					$function[0]->render();
					return (string) ob_get_clean();
				}
			}
		}
		self::fail( 'The plugin hooks no notice' );
	}

	/**
	 * The key the notice carries, for its dismiss button.
	 *
	 * @param string $html The notice.
	 */
	private function key_of( string $html ): string {
		self::assertSame( 1, preg_match( '/data-key="([a-f0-9]{32})"/', $html, $matches ) );
		return $matches[1] ?? '';
	}

	/**
	 * Dismisses the notice with the key as the current user.
	 *
	 * @param string $key Notice key.
	 */
	private function dismiss( string $key ): \WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::DISMISS );
		$request->set_param( 'key', $key );
		return rest_get_server()->dispatch( $request );
	}

	public function test_administrators_see_the_cause_and_the_fix_link_on_other_screens(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );

		$html = $this->notice_html();

		self::assertStringContainsString( 'id="' . Connection_Notice::ID . '"', $html );
		self::assertStringContainsString( 'notice-error', $html );
		self::assertStringContainsString( 'is-dismissible', $html );
		self::assertStringContainsString( esc_html( Catalog::title( 'invalid_client' ) ), $html );
		self::assertStringContainsString( '>Fix it</a>', $html );
		self::assertStringContainsString( 'href="' . esc_url( admin_url( 'options-general.php?page=causerie-connector#fix' ) ) . '"', $html );
		self::assertStringNotContainsString( 'sandbox-development-secret', $html );
		self::assertStringNotContainsString( 'regenerated-in-the-dashboard', $html );
	}

	public function test_the_dismiss_script_comes_with_the_notice_and_names_the_route_and_nonce(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );

		$html = $this->notice_html();

		self::assertStringContainsString( 'data-url="' . esc_url( rest_url( 'causerie/v1/notice/dismiss' ) ) . '"', $html );
		self::assertStringContainsString( 'data-nonce="' . wp_create_nonce( 'wp_rest' ) . '"', $html );
		self::assertMatchesRegularExpression( '#<script[^>]*>.*notice-dismiss.*X-WP-Nonce.*</script>#s', $html );
	}

	public function test_editors_never_see_it(): void {
		$this->break_the_secret();
		$this->act_as( 'editor' );

		self::assertSame( '', $this->notice_html() );
	}

	public function test_it_is_left_to_the_app_on_the_plugins_own_screen(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		set_current_screen( 'settings_page_causerie-connector' );

		self::assertSame( '', $this->notice_html() );
	}

	public function test_site_health_shows_the_connection_itself_so_the_notice_stays_off_it(): void {
		// Site Health's own tests check the connection live on that page, after the notices were printed: a notice
		// there told the last state while the tests below it told the new one.
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		set_current_screen( 'site-health' );

		self::assertSame( '', $this->notice_html() );
	}

	public function test_a_healthy_connection_and_a_site_not_set_up_yet_show_nothing(): void {
		$this->run_checks();
		$this->act_as( 'administrator' );
		self::assertSame( '', $this->notice_html() );

		delete_option( Credential_Store::OPTION );
		self::assertSame( '', $this->notice_html() );
	}

	public function test_a_warning_shows_as_needing_attention(): void {
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 90 ) );
		$this->run_checks();
		$this->act_as( 'administrator' );

		$html = $this->notice_html();

		self::assertStringContainsString( 'notice-warning', $html );
		self::assertStringContainsString( 'needs attention', $html );
		self::assertStringContainsString( esc_html( Catalog::title( 'clock_skew' ) ), $html );
	}

	public function test_a_dismissed_notice_stays_away_until_the_diagnosis_changes(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		$first = $this->notice_html();

		$response = $this->dismiss( $this->key_of( $first ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( array( 'dismissed' => $this->key_of( $first ) ), $response->get_data() );
		self::assertSame( '', $this->notice_html() );
		$this->run_checks();
		self::assertSame( '', $this->notice_html(), 'The same problem found again stays dismissed' );

		Sandbox::reset();
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );
		$this->run_checks();
		$second = $this->notice_html();

		self::assertStringContainsString( esc_html( Catalog::title( 'environment_mismatch' ) ), $second );
		self::assertNotSame( $this->key_of( $first ), $this->key_of( $second ) );
	}

	public function test_the_same_problem_shows_again_after_the_connection_recovered(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		$this->dismiss( $this->key_of( $this->notice_html() ) );

		Sandbox::reset();
		$this->run_checks();
		self::assertSame( '', $this->notice_html() );
		$this->break_the_secret();

		self::assertStringContainsString( esc_html( Catalog::title( 'invalid_client' ) ), $this->notice_html() );
	}

	public function test_dismissing_is_per_administrator(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		$this->dismiss( $this->key_of( $this->notice_html() ) );

		$this->act_as( 'administrator' );

		self::assertNotSame( '', $this->notice_html() );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_dismiss( string $role, int $status ): void {
		$user = $this->act_as( $role );

		$response = $this->dismiss( str_repeat( 'a', 32 ) );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		if ( 0 !== $user ) {
			self::assertFalse( get_user_option( Connection_Notice::DISMISSED, $user ) );
		}
	}

	public function test_a_key_that_is_not_a_notice_key_is_refused(): void {
		$this->act_as( 'administrator' );

		$response = $this->dismiss( '<script>' );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'rest_invalid_param', $this->error_code( $response ) );
	}

	public function test_it_says_when_wp_cron_does_not_run_the_jobs(): void {
		$this->run_checks();
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		wp_schedule_event( time() - 2 * HOUR_IN_SECONDS, Token_Refresh::INTERVAL, Token_Refresh::HOOK );
		// First seen overdue eleven minutes ago, and the same run is still waiting.
		( new Cron_Monitor( false, array( Token_Refresh::HOOK ) ) )->report( time() - 11 * MINUTE_IN_SECONDS );
		$this->act_as( 'administrator' );

		$html = $this->notice_html();

		self::assertStringContainsString( 'notice-warning', $html );
		self::assertStringContainsString( 'Scheduled tasks (WP-Cron) are not running.', $html );
		self::assertStringNotContainsString( 'Fix it', $html );
	}
}
