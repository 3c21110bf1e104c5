<?php
/**
 * Tests of the Causerie box on the admin dashboard.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Admin;

use Causerie\Connector\Admin\Dashboard_Widget;
use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Conversations\Weekly_Activity;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * Through the hooks the plugin adds on an admin page: administrators get the widget, others don't; it says the
 * connection, the week and the knowledge in plain words, with links into the plugin's screen, and loading it
 * sends no request.
 */
final class Dashboard_Widget_Test extends TestCase {

	/**
	 * Outbound requests seen, by URL.
	 *
	 * @var list<string>
	 */
	private array $requests = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		require_once ABSPATH . 'wp-admin/includes/dashboard.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );
		do_action( 'admin_init' );
		add_filter( 'pre_http_request', array( $this, 'count_request' ), 10, 3 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_http_request', array( $this, 'count_request' ), 10 );
		$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		$GLOBALS['wp_meta_boxes']  = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- the dashboard's boxes, emptied for the next test.
		parent::tearDown();
	}

	/**
	 * Counts an outbound request and lets it go.
	 *
	 * @param mixed  $pre  Short-circuit value.
	 * @param mixed  $args Request arguments.
	 * @param string $url  URL.
	 * @return mixed
	 */
	public function count_request( $pre, $args, $url ) {
		$this->requests[] = $url;
		return $pre;
	}

	/**
	 * The dashboard's boxes for the current user, as wp-admin/index.php sets them up.
	 *
	 * @return array<string, mixed>
	 */
	private function boxes(): array {
		$GLOBALS['wp_meta_boxes'] = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- a fresh dashboard.
		do_action( 'wp_dashboard_setup' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, fired as the dashboard fires it.
		$all = $GLOBALS['wp_meta_boxes'] ?? null;
		self::assertIsArray( $all );
		$boxes     = array();
		$dashboard = $all['dashboard'] ?? array();
		foreach ( is_array( $dashboard ) ? $dashboard : array() as $priorities ) {
			foreach ( is_array( $priorities ) ? $priorities : array() as $boxes_at ) {
				foreach ( is_array( $boxes_at ) ? $boxes_at : array() as $id => $box ) {
					$boxes[ (string) $id ] = $box;
				}
			}
		}
		return $boxes;
	}

	/**
	 * The widget as the dashboard prints it, asserting that nothing was asked of the API meanwhile.
	 */
	private function widget_html(): string {
		$this->requests = array();
		$box            = $this->boxes()[ Dashboard_Widget::ID ] ?? null;
		self::assertIsArray( $box, 'the widget is on the dashboard' );
		self::assertIsCallable( $box['callback'] );
		ob_start();
		call_user_func( $box['callback'] );
		$html = (string) ob_get_clean();
		self::assertSame( array(), $this->requests, 'setting up and printing the widget made no outbound request' );
		return $html;
	}

	/**
	 * Counts kept as the cron refresh keeps them.
	 *
	 * @param int|null    $conversations Conversations.
	 * @param int|null    $leads         Leads.
	 * @param string|null $reason        Why unknown.
	 */
	private static function keep_week( ?int $conversations, ?int $leads, ?string $reason ): void {
		update_option(
			Weekly_Activity::OPTION,
			array(
				'conversations' => $conversations,
				'leads'         => $leads,
				'since'         => time() - Weekly_Activity::WINDOW,
				'refreshedAt'   => time(),
				'reason'        => $reason,
			),
			false
		);
	}

	public function test_administrators_get_the_widget_and_editors_do_not(): void {
		$this->act_as( 'editor' );
		self::assertArrayNotHasKey( Dashboard_Widget::ID, $this->boxes(), 'an editor' );
		$this->act_as( 'administrator' );
		self::assertArrayHasKey( Dashboard_Widget::ID, $this->boxes(), 'an administrator' );
	}

	public function test_a_healthy_site_shows_connected_the_week_and_the_knowledge_with_links_into_the_screen_and_no_request(): void {
		$this->act_as( 'administrator' );
		self::keep_week( 4, 1, null );
		wp_insert_post(
			array(
				'post_title'   => 'Opening hours',
				'post_content' => 'Open every day.',
				'post_status'  => 'publish',
			)
		);

		$html   = $this->widget_html();
		$screen = esc_url( admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) );

		self::assertStringContainsString( 'Connected.', $html );
		self::assertStringContainsString( '4 conversations and 1 lead in the last 7 days.', $html );
		self::assertMatchesRegularExpression( '/0 of [1-9]\d* posts are in the chatbot&#039;s knowledge\./', $html );
		self::assertStringContainsString( '<a href="' . $screen . '">Open Causerie settings</a>', $html );
		self::assertStringContainsString( '<a href="' . $screen . Dashboard_Widget::CONVERSATIONS_FRAGMENT . '">See the conversations</a>', $html );
		self::assertStringContainsString( '<a href="' . $screen . Dashboard_Widget::KNOWLEDGE_FRAGMENT . '">See the knowledge</a>', $html );
	}

	public function test_a_site_that_is_not_set_up_offers_the_fix_and_says_why_nothing_is_counted(): void {
		$this->act_as( 'administrator' );
		delete_option( Credential_Store::OPTION );
		self::keep_week( 4, 1, null );

		$html = $this->widget_html();

		self::assertStringContainsString( 'Needs attention: The connection is not set up yet.', $html );
		self::assertStringContainsString( '>Fix the connection</a>', $html );
		self::assertStringContainsString( Dashboard_Widget::FIX_FRAGMENT . '"', $html );
		self::assertStringContainsString( 'Counted once the chatbot is connected.', $html );
		self::assertStringNotContainsString( '4 conversations', $html );
	}

	public function test_a_missing_permission_is_told_in_plain_words_without_its_identifier(): void {
		$this->act_as( 'administrator' );
		self::keep_week( null, null, Weekly_Activity::MISSING_SCOPE );

		$html = $this->widget_html();

		self::assertStringContainsString( 'not allowed to read conversations', $html );
		self::assertStringNotContainsString( 'read:conversations', $html );
		self::assertStringNotContainsString( 'missing_scope', $html );
	}

	public function test_counts_not_made_yet_say_so(): void {
		$this->act_as( 'administrator' );
		delete_option( Weekly_Activity::OPTION );

		self::assertStringContainsString( 'Not counted yet: the first count comes within a few minutes.', $this->widget_html() );
	}
}
