<?php
/**
 * The widget's small rules: the site origin, what hides it, and what keeps its option and job in place.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Widget\Site_Origin;
use Causerie\Connector\Widget\Widget_Cron;
use Causerie\Connector\Widget\Widget_Health;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The origin is what a browser sends in `Origin` (docs/causerie-api.md §8); a failed check hides the widget only
 * when it stops the widget; the option exists after activation and on any admin page.
 */
final class Widget_Rules_Test extends TestCase {

	private const PLUGIN = 'causerie-connector/causerie-connector.php';

	/**
	 * Home URLs and their origins.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function origins(): array {
		return array(
			'the path and trailing slash are dropped' => array( 'https://shop.example.test/blog/', 'https://shop.example.test' ),
			'scheme and host are lowercased'          => array( 'HTTPS://Shop.Example.TEST', 'https://shop.example.test' ),
			'the default https port is dropped'       => array( 'https://shop.example.test:443', 'https://shop.example.test' ),
			'the default http port is dropped'        => array( 'http://127.0.0.1:80/', 'http://127.0.0.1' ),
			'another port is kept'                    => array( 'http://127.0.0.1:8890', 'http://127.0.0.1:8890' ),
			'an international name is in punycode'    => array( 'https://café.example.test', 'https://xn--caf-dma.example.test' ),
			'not http: no origin'                     => array( 'ftp://shop.example.test', '' ),
			'no host: no origin'                      => array( 'https:///path', '' ),
		);
	}

	/**
	 * The origin of a home URL.
	 *
	 * @param string $url    Home URL.
	 * @param string $origin Its origin.
	 */
	#[DataProvider( 'origins' )]
	public function test_the_site_origin_is_the_home_url_as_a_browser_sends_it( string $url, string $origin ): void {
		self::assertSame( $origin, Site_Origin::of( $url ) );
	}

	/**
	 * Results of the checks, and what hides the widget.
	 *
	 * @return array<string, array{list<Check_Result>, string|null}>
	 */
	public static function checks(): array {
		$ok  = static fn( string $id ): Check_Result => new Check_Result( $id, Check_Result::OK );
		$api = array( $ok( 'configured' ), $ok( 'site' ), $ok( 'reachable' ), $ok( 'credentials' ), $ok( 'token' ), $ok( 'api' ) );
		return array(
			'every check passed'                   => array( $api, null ),
			'the secret was refused'               => array( array( $ok( 'configured' ), $ok( 'site' ), $ok( 'reachable' ), new Check_Result( 'credentials', Check_Result::ERROR, 'invalid_client' ) ), 'invalid_client' ),
			'the site moved'                       => array( array( $ok( 'configured' ), new Check_Result( 'site', Check_Result::ERROR, 'site_moved' ) ), 'site_moved' ),
			'a paused copy'                        => array( array( $ok( 'configured' ), new Check_Result( 'site', Check_Result::ERROR, 'connection_paused' ) ), 'connection_paused' ),
			'no credentials'                       => array( array( new Check_Result( 'configured', Check_Result::ERROR, 'not_configured' ) ), 'not_configured' ),
			'another environment\'s credentials'   => array( array_merge( $api, array( new Check_Result( 'environment', Check_Result::ERROR, 'environment_mismatch' ) ) ), 'environment_mismatch' ),
			'the widget\'s own scope is missing'   => array(
				array_merge(
					$api,
					array(
						new Check_Result(
							'scopes',
							Check_Result::ERROR,
							'insufficient_scope',
							array(
								'missing' => array( 'read:widget' ),
								'granted' => array( 'write:knowledge' ),
							)
						),
					)
				),
				'insufficient_scope',
			),
			'only another scope is missing'        => array(
				array_merge(
					$api,
					array(
						new Check_Result(
							'scopes',
							Check_Result::ERROR,
							'insufficient_scope',
							array(
								'missing' => array( 'read:conversations' ),
								'granted' => array( 'read:widget' ),
							)
						),
					)
				),
				null,
			),
			'the clock is off but the API answers' => array( array_merge( $api, array( new Check_Result( 'clock', Check_Result::ERROR, 'clock_skew' ) ) ), null ),
			'a warning only'                       => array( array( $ok( 'configured' ), $ok( 'site' ), new Check_Result( 'reachable', Check_Result::WARNING, 'rate_limited' ) ), null ),
		);
	}

	/**
	 * What the checks found, and the code that hides the widget.
	 *
	 * @param Check_Result[] $results The checks.
	 * @param string|null    $problem The code, or null when the widget shows.
	 *
	 * @phpstan-param list<Check_Result> $results
	 */
	#[DataProvider( 'checks' )]
	public function test_only_a_failure_that_stops_the_widget_hides_it( array $results, ?string $problem ): void {
		self::assertSame( $problem, Widget_Health::problem_of( $results ) );
	}

	public function test_an_admin_page_creates_the_missing_option_autoloaded_and_schedules_the_daily_refresh(): void {
		delete_option( Widget_Options::OPTION );
		wp_unschedule_hook( Widget_Cron::HOOK );
		require_once ABSPATH . 'wp-admin/includes/admin.php'; // @phpstan-ignore requireOnce.fileNotFound
		set_current_screen( 'dashboard' );

		try {
			do_action( 'admin_init' );
		} finally {
			$GLOBALS['current_screen'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- back to a front-end request.
		}

		self::assertSame( array( 'settings' => Widget_Options::defaults() ), get_option( Widget_Options::OPTION ) );
		self::assertContains( $this->autoload_of( Widget_Options::OPTION ), array( 'on', 'yes' ) );
		self::assertSame( 'daily', wp_get_schedule( Widget_Cron::HOOK ) );
	}

	public function test_activation_creates_the_option_and_the_job_and_deactivation_removes_the_job_only(): void {
		delete_option( Widget_Options::OPTION );
		wp_unschedule_hook( Widget_Cron::HOOK );

		do_action( 'activate_' . self::PLUGIN, false );

		self::assertIsArray( get_option( Widget_Options::OPTION ) );
		self::assertNotFalse( wp_next_scheduled( Widget_Cron::HOOK ) );

		do_action( 'deactivate_' . self::PLUGIN, false );

		self::assertFalse( wp_next_scheduled( Widget_Cron::HOOK ) );
		self::assertIsArray( get_option( Widget_Options::OPTION ), 'the owner\'s choices stay for a reactivation' );
	}
}
