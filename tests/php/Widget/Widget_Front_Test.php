<?php
/**
 * Tests of the widget on visitors' pages.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\Tests\TestCase;
use Causerie\Connector\Widget\Consent;
use Causerie\Connector\Widget\Widget_Front;
use Causerie\Connector\Widget\Widget_Options;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Where the widget shows, a page gets one deferred script and its configuration as data; elsewhere nothing.
 */
final class Widget_Front_Test extends TestCase {

	protected function tearDown(): void {
		$GLOBALS['wp_scripts']     = null;
		$GLOBALS['current_screen'] = null;
		$GLOBALS['wp_query']       = $GLOBALS['wp_the_query'];
		remove_all_filters( Consent::CATEGORY_FILTER );
		parent::tearDown();
	}

	public function test_where_it_shows_the_page_defers_the_cdn_script_without_a_version(): void {
		$widget = new Widget_Fixture();
		$widget->show();

		$page = $widget->page_view();

		self::assertSame( array( Widget_Front::SCRIPT_HANDLE ), $page['scripts'] );
		ob_start();
		wp_scripts()->do_items( array( Widget_Front::SCRIPT_HANDLE ), 1 );
		$tag    = (string) ob_get_clean();
		$script = new \WP_HTML_Tag_Processor( $tag );
		self::assertTrue( $script->next_tag( array( 'tag_name' => 'script' ) ) );
		// No version: the CDN's address as it is, so every site shares its cached copy.
		self::assertSame( Widget_Fixture::SCRIPT_URL, $script->get_attribute( 'src' ) );
		self::assertTrue( $script->get_attribute( 'defer' ) );
		self::assertSame( 'bot_da0077d17ea6aebd9752', Widget_Fixture::config_in( $page['footer'] )['botId'] ?? null );
	}

	/**
	 * States where visitors must get nothing at all.
	 *
	 * @return array<string, array{\Closure(Widget_Fixture): void}>
	 */
	public static function hidden(): array {
		return array(
			'turned off'                        => array( static fn( Widget_Fixture $widget ) => $widget->show( array( 'enabled' => false ) ) ),
			'hidden by a broken connection'     => array(
				static function ( Widget_Fixture $widget ): void {
					$widget->show();
					$widget->options->set_health( false, 'token_revoked' );
				},
			),
			'on, but the bot was never fetched' => array(
				static function ( Widget_Fixture $widget ): void {
					$widget->show();
					$widget->options->save_bot( null );
				},
			),
			'manual, with no block on the page' => array( static fn( Widget_Fixture $widget ) => $widget->show( array( 'placement' => 'manual' ) ) ),
		);
	}

	/**
	 * Nothing where the widget doesn't show.
	 *
	 * @param \Closure $arrange Puts the widget in the state.
	 * @phpstan-param \Closure(Widget_Fixture): void $arrange
	 */
	#[DataProvider( 'hidden' )]
	public function test_where_it_does_not_show_the_page_gets_nothing( \Closure $arrange ): void {
		$widget = new Widget_Fixture();
		$arrange( $widget );

		self::assertSame(
			array(
				'scripts' => array(),
				'footer'  => '',
			),
			$widget->page_view()
		);
	}

	/**
	 * Requests that are no page view for a visitor.
	 *
	 * @return array<string, array{\Closure(): void}>
	 */
	public static function not_page_views(): array {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php'; // @phpstan-ignore requireOnce.fileNotFound
		require_once ABSPATH . 'wp-admin/includes/screen.php'; // @phpstan-ignore requireOnce.fileNotFound
		return array(
			'the admin'    => array(
				static function (): void {
					set_current_screen( 'dashboard' );
				},
			),
			'an AJAX call' => array(
				static function (): void {
					add_filter( 'wp_doing_ajax', '__return_true' );
				},
			),
			'a feed'       => array(
				static function (): void {
					$GLOBALS['wp_query']          = new \WP_Query();
					$GLOBALS['wp_query']->is_feed = true;
				},
			),
			'an embed'     => array(
				static function (): void {
					$GLOBALS['wp_query']           = new \WP_Query();
					$GLOBALS['wp_query']->is_embed = true;
				},
			),
		);
	}

	/**
	 * No work outside page views, even with the widget on everywhere.
	 *
	 * @param \Closure $arrange Makes the request one of them.
	 * @phpstan-param \Closure(): void $arrange
	 */
	#[DataProvider( 'not_page_views' )]
	public function test_nothing_is_added_outside_a_visitors_page_view( \Closure $arrange ): void {
		$widget = new Widget_Fixture();
		$widget->show();
		$arrange();

		$page = $widget->page_view();
		remove_filter( 'wp_doing_ajax', '__return_true' );

		self::assertSame( array(), $page['scripts'] );
		self::assertSame( '', $page['footer'] );
	}

	public function test_the_placement_rule_reads_the_main_query(): void {
		$excluded = $this->page( 'Checkout' );
		$other    = $this->page( 'About us' );
		$widget   = new Widget_Fixture();
		$widget->show(
			array(
				'placement' => 'except',
				'exclude'   => array( $excluded ),
			)
		);

		$this->visit( $excluded );
		self::assertSame( array(), $widget->page_view()['scripts'] );
		$widget = new Widget_Fixture();
		$this->visit( $other );
		self::assertSame( array( Widget_Front::SCRIPT_HANDLE ), $widget->page_view()['scripts'] );
	}

	public function test_the_configuration_is_the_bots_theme_with_the_owners_appearance_winning(): void {
		update_option( 'blogname', 'Shop & Co' );
		$widget = new Widget_Fixture();
		$widget->show(
			array(
				'appearance' => array(
					'color'        => '#aa3300',
					'position'     => 'bottom-left',
					'greeting'     => '',
					'launcherText' => 'Questions?',
				),
			)
		);

		self::assertSame(
			array(
				'botId'        => 'bot_da0077d17ea6aebd9752',
				'chatUrl'      => 'https://chat.causerie.example/chat/v1',
				'greeting'     => 'Bonjour ! How can I help?',
				'color'        => '#aa3300',
				'textColor'    => '#ffffff',
				'position'     => 'bottom-left',
				'launcherText' => 'Questions?',
				'title'        => 'Shop & Co',
			),
			Widget_Fixture::config_in( $widget->page_view()['footer'] )
		);
	}

	public function test_the_page_holds_the_public_bot_id_and_chat_address_only(): void {
		$widget = new Widget_Fixture();
		$widget->show();

		$footer = $widget->page_view()['footer'];

		// The bot's origin and fetch time, and anything of the connection, stay on the server.
		self::assertSame( array( 'botId', 'chatUrl', 'greeting', 'color', 'textColor', 'position', 'title' ), array_keys( Widget_Fixture::config_in( $footer ) ) );
		self::assertStringNotContainsString( '127.0.0.1:8890', $footer );
	}

	public function test_no_value_can_close_the_configuration_element(): void {
		$hostile = '</script><script>alert(1)</script><!-- \' " &amp;';
		$widget  = new Widget_Fixture();
		$widget->show( array(), array( 'greeting' => $hostile ) );

		$footer = $widget->page_view()['footer'];

		self::assertSame( 1, substr_count( strtolower( $footer ), '</script' ) );
		self::assertStringNotContainsString( '<!--', $footer );
		self::assertSame( $hostile, Widget_Fixture::config_in( $footer )['greeting'] ?? null );
	}

	public function test_a_page_view_costs_no_query_and_no_remote_call(): void {
		$widget = new Widget_Fixture();
		$widget->show();
		$remote = 0;
		$count  = static function ( $answer ) use ( &$remote ) {
			++$remote;
			return $answer;
		};
		add_filter( 'pre_http_request', $count );
		$queries = $this->wpdb()->num_queries;

		$page = $widget->page_view();

		remove_filter( 'pre_http_request', $count );
		self::assertNotSame( '', $page['footer'] );
		self::assertSame( 0, $this->wpdb()->num_queries - $queries, $this->wpdb()->last_query );
		self::assertSame( 0, $remote );
	}

	public function test_with_the_consent_api_a_loader_waits_for_the_marketing_category(): void {
		$widget = new Widget_Fixture( consent_api: true );
		$widget->show();

		$page = $widget->page_view();

		self::assertSame( array( Widget_Front::LOADER_HANDLE ), $page['scripts'] );
		self::assertSame( 'defer', wp_scripts()->get_data( Widget_Front::LOADER_HANDLE, 'strategy' ) );
		self::assertSame(
			array(
				'src'      => Widget_Fixture::SCRIPT_URL,
				'category' => 'marketing',
			),
			Widget_Fixture::config_in( $page['footer'] )['loader'] ?? null
		);
	}

	public function test_a_site_may_choose_another_consent_category(): void {
		add_filter( Consent::CATEGORY_FILTER, static fn(): string => 'functional' );
		$widget = new Widget_Fixture( consent_api: true );
		$widget->show();

		$config = Widget_Fixture::config_in( $widget->page_view()['footer'] );

		self::assertSame( 'functional', is_array( $config['loader'] ?? null ) ? $config['loader']['category'] : null );
	}

	public function test_without_the_consent_api_the_signal_setting_waits_for_the_page(): void {
		$widget = new Widget_Fixture();
		$widget->show( array( 'consent' => 'signal' ) );

		$page = $widget->page_view();

		self::assertSame( array( Widget_Front::LOADER_HANDLE ), $page['scripts'] );
		self::assertSame(
			array(
				'src'      => Widget_Fixture::SCRIPT_URL,
				'category' => null,
			),
			Widget_Fixture::config_in( $page['footer'] )['loader'] ?? null
		);
	}

	public function test_the_plugin_declares_itself_compliant_to_the_consent_api(): void {
		// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound, WordPress.NamingConventions.ValidHookName.UseUnderscores -- the Consent API's hook, named after the plugin's basename.
		self::assertTrue( apply_filters( Consent::REGISTERED_FILTER . 'causerie-connector/causerie-connector.php', false ) );
	}

	public function test_the_widget_option_stays_autoloaded(): void {
		( new Widget_Fixture() )->show();

		self::assertContains( $this->autoload_of( Widget_Options::OPTION ), array( 'on', 'yes', 'auto-on' ) );
	}

	/**
	 * A published page.
	 *
	 * @param string $title Its title.
	 */
	private function page( string $title ): int {
		$id = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_title'  => $title,
				'post_status' => 'publish',
			)
		);
		self::assertIsInt( $id );
		return $id;
	}

	/**
	 * Makes the main query the single view of a page, as a visit to it does.
	 *
	 * @param int $id The page.
	 */
	private function visit( int $id ): void {
		$GLOBALS['wp_query'] = new \WP_Query(
			array(
				'page_id'   => $id,
				'post_type' => 'page',
			)
		);
	}
}
