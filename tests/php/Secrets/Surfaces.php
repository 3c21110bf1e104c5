<?php
/**
 * Every page and payload a secret or a token could leak into, for Secret_Grep_Test.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Secrets;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\CLI\Wp_Cli;
use Causerie\Connector\Tests\Sandbox;

/**
 * Each surface renders itself to text, in this process (the test site, where the test connected) or through
 * WP-CLI (its own site). A feature that adds a page or a payload adds a line to all().
 */
final class Surfaces {

	/**
	 * Where the surface lives: this process's site.
	 */
	public const SITE = 'site';

	/**
	 * Where the surface lives: the WP-CLI site.
	 */
	public const CLI = 'cli';

	/**
	 * Every surface, by name: where it lives, and how to render it.
	 *
	 * @return array<string, array{string, \Closure(): string}>
	 */
	public static function all(): array {
		$get = static fn( string $route, array $query = array() ): array => array( self::SITE, static fn(): string => self::rest( $route, $query ) );
		$cli = static fn( string ...$args ): array => array( self::CLI, static fn(): string => self::cli( $args ) );
		return array(
			'front end: the home page, to a visitor'      => array( self::SITE, static fn(): string => self::front_end( '/', false ) ),
			'front end: a single post, to an administrator' => array( self::SITE, static fn(): string => self::front_end( '/?p=' . self::post(), true ) ),
			'admin: the Causerie screen and its preloads' => array( self::SITE, static fn(): string => self::settings_screen() ),
			'admin: the notice of a broken connection'    => array( self::SITE, static fn(): string => self::admin_notices() ),
			'admin: the dashboard widget'                 => array( self::SITE, static fn(): string => self::dashboard_widget() ),
			'Site Health: the debug data'                 => array( self::SITE, static fn(): string => (string) wp_json_encode( apply_filters( 'debug_information', array() ) ) ),
			'Site Health: the direct tests'               => array( self::SITE, static fn(): string => self::direct_tests() ),
			'event log: the stored rows'                  => array( self::SITE, static fn(): string => self::event_rows() ),
			'REST: GET site'                              => $get( 'site' ),
			'REST: GET setup'                             => $get( 'setup' ),
			'REST: GET settings'                          => $get( 'settings' ),
			'REST: GET status'                            => $get( 'status' ),
			'REST: GET checks'                            => $get( 'checks' ),
			'REST: GET token (without reveal)'            => $get( 'token' ),
			'REST: GET jwks'                              => $get( 'jwks' ),
			'REST: GET diagnoses'                         => $get( 'diagnoses' ),
			'REST: GET binding'                           => $get( 'binding' ),
			'REST: GET events (the event log)'            => $get( 'events', array( 'limit' => 200 ) ),
			'REST: GET report (the support report)'       => $get( 'report' ),
			'REST: GET alerts'                            => $get( 'alerts' ),
			'REST: GET site-health/connection'            => $get( 'site-health/connection' ),
			'REST: GET site-health/token'                 => $get( 'site-health/token' ),
			'REST: GET site-health/scopes'                => $get( 'site-health/scopes' ),
			'REST: GET site-health/environment'           => $get( 'site-health/environment' ),
			'REST: GET site-health/clock'                 => $get( 'site-health/clock' ),
			'REST: GET sync (the Knowledge tab)'          => $get( 'sync' ),
			'REST: GET conversations'                     => $get( 'conversations' ),
			'REST: GET conversations/conv_unknown'        => $get( 'conversations/conv_unknown' ),
			'REST: GET leads'                             => $get( 'leads' ),
			'REST: GET leads/notifications'               => $get( 'leads/notifications' ),
			'REST: GET activity (the week counted by cron)' => $get( 'activity' ),
			'REST: GET widget'                            => $get( 'widget' ),
			'REST: a post in the edit context (the editor panel)' => array( self::SITE, static fn(): string => self::rest_post( self::post() ) ),
			'CLI: status'                                 => $cli( 'status', '--format=json' ),
			'CLI: check'                                  => $cli( 'check', '--format=json' ),
			'CLI: token inspect'                          => $cli( 'token', 'inspect', '--format=json' ),
			'CLI: token refresh'                          => $cli( 'token', 'refresh', '--format=json' ),
			'CLI: regenerate'                             => $cli( 'regenerate', '--format=json' ),
			'CLI: log'                                    => $cli( 'log', '--limit=200', '--format=json' ),
			'CLI: report (the support report), as text'   => $cli( 'report' ),
			'CLI: report (the support report), as JSON'   => $cli( 'report', '--format=json' ),
			'CLI: credentials set, refused'               => $cli( 'credentials', 'set', '--client-id=no-such-client', '--format=json' ),
			'CLI: sync status'                            => $cli( 'sync', 'status', '--format=json' ),
			'CLI: sync status, as text'                   => $cli( 'sync', 'status' ),
			'CLI: widget status'                          => $cli( 'widget', 'status', '--format=json' ),
		);
	}

	/**
	 * The GET routes the list leaves out on purpose, with the reason.
	 *
	 * @return array<string, string>
	 */
	public static function excluded_routes(): array {
		return array(
			'network/settings' => 'on a network only, covered by Multisite\Network_Settings_Route_Test',
			'network/sync'     => 'on a network only, covered by Multisite\Network_Sync_Test',
		);
	}

	/**
	 * A REST answer, headers and data, as an administrator reads it.
	 *
	 * @param string       $route Route under the namespace.
	 * @param array<mixed> $query Query.
	 */
	private static function rest( string $route, array $query ): string {
		$request = new \WP_REST_Request( 'GET', '/' . Admin_Controller::NAMESPACE . '/' . $route );
		$request->set_query_params( $query );
		$response = rest_get_server()->dispatch( $request );
		return (string) wp_json_encode( array( $response->get_status(), $response->get_headers(), rest_get_server()->response_to_data( $response, false ) ) );
	}

	/**
	 * A post as the block editor reads it, with its knowledge state.
	 *
	 * @param int $post_id The post.
	 */
	private static function rest_post( int $post_id ): string {
		$request = new \WP_REST_Request( 'GET', '/wp/v2/posts/' . $post_id );
		$request->set_param( 'context', 'edit' );
		return (string) wp_json_encode( rest_get_server()->response_to_data( rest_get_server()->dispatch( $request ), false ) );
	}

	/**
	 * A front-end page as the theme renders it, with the canonical redirect left out (it would exit).
	 *
	 * @param string $uri   Path and query.
	 * @param bool   $admin Whether an administrator views it (with the toolbar), else a visitor.
	 */
	private static function front_end( string $uri, bool $admin ): string {
		$user = get_current_user_id();
		if ( ! $admin ) {
			wp_set_current_user( 0 );
		}
		$server                 = $_SERVER;
		$_SERVER['REQUEST_URI'] = $uri;
		parse_str( (string) wp_parse_url( $uri, PHP_URL_QUERY ), $_GET ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- sets the query of the page rendered, as a request would; reads no form.
		remove_action( 'template_redirect', 'redirect_canonical' );
		add_filter( 'wp_using_themes', '__return_true' );
		ob_start();
		wp();
		require ABSPATH . 'wp-includes/template-loader.php'; // @phpstan-ignore require.fileNotFound
		$html    = (string) ob_get_clean();
		$_SERVER = $server;
		$_GET    = array();
		remove_filter( 'wp_using_themes', '__return_true' );
		add_action( 'template_redirect', 'redirect_canonical' );
		wp_set_current_user( $user );
		\PHPUnit\Framework\Assert::assertStringContainsString( '</html>', $html );
		return $html;
	}

	/**
	 * A published post, for the single post's page.
	 */
	private static function post(): int {
		$id = wp_insert_post(
			array(
				'post_title'   => 'A post',
				'post_content' => 'Hello.',
				'post_status'  => 'publish',
			)
		);
		\PHPUnit\Framework\Assert::assertIsInt( $id );
		return $id;
	}

	/**
	 * The plugin's screen with everything printed for it: the container and the scripts, preloads included.
	 */
	private static function settings_screen(): string {
		$GLOBALS['admin_page_hooks'] = array( 'options-general.php' => 'settings' );
		$page                        = new Settings_Page( WP_PLUGIN_DIR . '/causerie-connector/causerie-connector.php' );
		$page->add_page();
		$page->enqueue_assets( 'settings_page_' . Settings_Page::SLUG );
		ob_start();
		$page->render();
		wp_scripts()->do_items( array( Settings_Page::SCRIPT_HANDLE ) );
		$html                  = (string) ob_get_clean();
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		return $html;
	}

	/**
	 * What the admin notices print on any admin screen, once the API refused the stored secret: the notice
	 * then carries a diagnosis with the server's evidence.
	 */
	private static function admin_notices(): string {
		Sandbox::break_secret();
		rest_do_request( new \WP_REST_Request( 'POST', '/' . Admin_Controller::NAMESPACE . '/checks' ) );
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );
		// As on every admin page: the plugin registers its admin services on the first admin hook.
		do_action( 'admin_init' );
		ob_start();
		do_action( 'admin_notices' );
		$html = (string) ob_get_clean();
		\PHPUnit\Framework\Assert::assertStringContainsString( 'notice', $html );
		// is_admin() reads the screen: the tests after this one run outside the admin again.
		$GLOBALS['current_screen'] = null;
		return $html;
	}

	/**
	 * The plugin's box on the dashboard, as the dashboard prints it.
	 */
	private static function dashboard_widget(): string {
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		require_once ABSPATH . 'wp-admin/includes/dashboard.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );
		do_action( 'admin_init' );
		do_action( 'wp_dashboard_setup' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, fired as the dashboard fires it.
		ob_start();
		do_meta_boxes( 'dashboard', 'normal', '' );
		$html = (string) ob_get_clean();
		\PHPUnit\Framework\Assert::assertStringContainsString( 'causerie-dashboard', $html );
		$GLOBALS['current_screen'] = null;
		return $html;
	}

	/**
	 * The results of the plugin's direct Site Health tests.
	 */
	private static function direct_tests(): string {
		$tests   = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$results = array();
		foreach ( is_array( $tests ) && is_array( $tests['direct'] ?? null ) ? $tests['direct'] : array() as $name => $test ) {
			$results[ $name ] = is_array( $test ) && is_callable( $test['test'] ?? null ) ? call_user_func( $test['test'] ) : null;
		}
		return (string) wp_json_encode( $results );
	}

	/**
	 * Every row of the event log's table, every column.
	 */
	private static function event_rows(): string {
		global $wpdb;
		\PHPUnit\Framework\Assert::assertInstanceOf( \wpdb::class, $wpdb );
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- a table name of the plugin's; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT * FROM %i', Event_Log::table() ), 'ARRAY_A' );
		\PHPUnit\Framework\Assert::assertNotEmpty( $rows, 'the log is empty: nothing was checked' );
		return (string) wp_json_encode( $rows );
	}

	/**
	 * Both outputs of a command on the WP-CLI site.
	 *
	 * @param string[] $args Arguments after `wp causerie`.
	 */
	private static function cli( array $args ): string {
		$run = Wp_Cli::run( $args );
		return $run['stdout'] . "\n" . $run['stderr'];
	}
}
