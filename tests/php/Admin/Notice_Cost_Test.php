<?php
/**
 * What the admin notice costs on every admin page.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Conversations\Lead_Mail;
use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use Causerie\Connector\Upgrader;

/**
 * Every admin page but the plugin's own renders the notice, so it must be nearly free: at most one database
 * query on a fresh request, counted after the options WordPress autoloads at boot.
 */
final class Notice_Cost_Test extends TestCase {

	/**
	 * Queries the notice may cost on a page.
	 */
	private const BUDGET = 1;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );
		do_action( 'admin_init' );
	}

	protected function tearDown(): void {
		$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		parent::tearDown();
	}

	/**
	 * Renders the notice as a fresh request would: the non-persistent caches emptied, the autoloaded options
	 * and the administrator loaded as WordPress does before any admin page, then only the notice counted.
	 *
	 * @param int $user_id The administrator.
	 * @return array{html: string, queries: int}
	 */
	private function fresh_render( int $user_id ): array {
		wp_cache_flush();
		wp_load_alloptions();
		wp_set_current_user( 0 );
		wp_set_current_user( $user_id );
		get_user_option( Connection_Notice::DISMISSED, $user_id );
		current_user_can( 'manage_options' );
		$wpdb   = $this->wpdb();
		$before = $wpdb->num_queries;
		$html   = $this->notice_html();
		return array(
			'html'    => $html,
			'queries' => $wpdb->num_queries - $before,
		);
	}

	/**
	 * What the plugin's own notice prints, as the plugin hooked it.
	 *
	 * @phpstan-impure
	 */
	private function notice_html(): string {
		global $wp_filter;
		self::assertIsArray( $wp_filter );
		$hook = $wp_filter['admin_notices'] ?? null;
		self::assertInstanceOf( \WP_Hook::class, $hook );
		foreach ( $hook->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				if ( is_array( $function ) && $function[0] instanceof Connection_Notice ) {
					ob_start();
					$function[0]->render();
					return (string) ob_get_clean();
				}
			}
		}
		self::fail( 'The plugin hooks no notice' );
	}

	public function test_a_healthy_connection_costs_at_most_one_query_per_admin_page(): void {
		$user = $this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );

		$render = $this->fresh_render( $user );

		self::assertSame( '', $render['html'] );
		self::assertLessThanOrEqual( self::BUDGET, $render['queries'] );
	}

	public function test_a_broken_connection_is_told_for_at_most_one_query_per_admin_page(): void {
		$user = $this->act_as( 'administrator' );
		Sandbox::break_secret();
		$this->dispatch( 'POST', '/causerie/v1/checks' );

		$render = $this->fresh_render( $user );

		self::assertStringContainsString( esc_html( Catalog::title( 'invalid_client' ) ), $render['html'] );
		self::assertLessThanOrEqual( self::BUDGET, $render['queries'] );
	}

	public function test_the_plugins_own_admin_init_work_costs_no_query_once_installed(): void {
		$user = $this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );

		self::assertSame( 0, $this->admin_init_queries( $user ) );
	}

	public function test_a_daily_lead_digest_costs_no_query_on_admin_pages_once_scheduled(): void {
		$user = $this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		update_option(
			Lead_Notifications::OPTION,
			array(
				'mode'  => Lead_Notifications::DAILY,
				'email' => '',
			),
			true
		);
		do_action( 'admin_init' );
		self::assertNotFalse( wp_next_scheduled( Lead_Mail::DIGEST_HOOK ) );

		self::assertSame( 0, $this->admin_init_queries( $user ) );
	}

	public function test_an_upgraded_site_autoloads_the_options_older_versions_stored_without_autoload(): void {
		$user = $this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		update_option(
			Lead_Notifications::OPTION,
			array(
				'mode'  => Lead_Notifications::INSTANT,
				'email' => '',
			)
		);
		// As an older version left them: every row there, none autoloaded, and no upgrade run yet.
		self::assertSame( array_fill_keys( Upgrader::AUTOLOADED, true ), wp_set_option_autoload_values( array_fill_keys( Upgrader::AUTOLOADED, false ) ) );
		delete_option( Upgrader::OPTION );
		self::assertSame( array(), self::autoloaded() );

		do_action( 'admin_init' );

		self::assertSame( Upgrader::AUTOLOADED, self::autoloaded() );
		self::assertSame( 0, $this->admin_init_queries( $user ) );
	}

	/**
	 * Which of the options the upgrade autoloads a fresh request loads with the others.
	 *
	 * @phpstan-impure
	 * @return list<string>
	 */
	private static function autoloaded(): array {
		wp_cache_flush();
		$loaded = wp_load_alloptions();
		return array_values( array_filter( Upgrader::AUTOLOADED, static fn( string $option ): bool => array_key_exists( $option, $loaded ) ) );
	}

	/**
	 * What the plugin's own admin_init callbacks cost on a fresh request, after the autoloaded options.
	 *
	 * @param int $user_id The administrator.
	 */
	private function admin_init_queries( int $user_id ): int {
		wp_cache_flush();
		wp_load_alloptions();
		wp_set_current_user( $user_id );
		$wpdb   = $this->wpdb();
		$before = $wpdb->num_queries;

		// Only the plugin's callbacks: the tables' versions and the schedules are read from autoloaded options.
		global $wp_filter;
		self::assertIsArray( $wp_filter );
		$hook = $wp_filter['admin_init'] ?? null;
		self::assertInstanceOf( \WP_Hook::class, $hook );
		$ran = 0;
		foreach ( $hook->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				if ( is_array( $function ) && is_object( $function[0] ) && str_starts_with( get_class( $function[0] ), 'Causerie\\Connector\\' ) ) {
					call_user_func( $function );
					++$ran;
				}
			}
		}

		self::assertGreaterThan( 0, $ran );
		return $wpdb->num_queries - $before;
	}
}
