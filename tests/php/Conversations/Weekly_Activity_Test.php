<?php
/**
 * Tests of the week's conversations and leads, and of GET /activity.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Conversations;

use Causerie\Connector\Conversations\Lead_Poller;
use Causerie\Connector\Conversations\Weekly_Activity;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\REST\Activity_Controller;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * Against the real sandbox: the poll's cron event counts the last seven days, and the route answers from what it
 * kept, with no request of its own, and with the reason when the counts are unknown.
 */
final class Weekly_Activity_Test extends TestCase {

	/**
	 * Outbound requests seen, by URL.
	 *
	 * @var list<string>
	 */
	private array $requests = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->act_as( 'administrator' );
		add_filter( 'pre_http_request', array( $this, 'count_request' ), 10, 3 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_http_request', array( $this, 'count_request' ), 10 );
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 0 ) );
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
	 * GET /activity as the admin app sends it, asserting that answering called nothing.
	 *
	 * @return array<mixed>
	 */
	private function activity(): array {
		rest_get_server();
		$this->requests = array();
		$response       = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/' . Admin_Controller::NAMESPACE . '/' . Activity_Controller::REST_BASE ) );
		self::assertSame( array(), $this->requests, 'answering GET /activity made no outbound request' );
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		self::assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( array( 'conversations', 'leads', 'since', 'refreshedAt', 'reason' ), array_keys( $data ) );
		return $data;
	}

	/**
	 * The lead poll's cron event, as WP-Cron fires it, after the REST routes registered the jobs.
	 */
	private function cron(): void {
		rest_get_server();
		do_action( Lead_Poller::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own cron hook, by its constant.
	}

	public function test_the_poll_counts_the_last_seven_days_and_the_route_answers_from_the_count_kept(): void {
		Visitor::connect_site();
		$visitor = Visitor::of( ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->api );
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => -8 * DAY_IN_SECONDS ) );
		$visitor->lead( 'last-month@example.com' );
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 0 ) );
		$visitor->lead( 'jane@example.com' );
		$visitor->ask( 'Do you ship to Belgium?' );

		$before = $this->activity();
		self::assertSame(
			array(
				'conversations' => null,
				'leads'         => null,
				'refreshedAt'   => null,
				'reason'        => Weekly_Activity::UNAVAILABLE,
			),
			array_diff_key( $before, array( 'since' => true ) ),
			'before the first count'
		);

		$this->cron();
		$after = $this->activity();

		self::assertSame( 2, $after['conversations'] );
		self::assertSame( 1, $after['leads'] );
		self::assertNull( $after['reason'] );
		self::assertIsString( $after['since'] );
		self::assertIsString( $after['refreshedAt'] );
		self::assertEqualsWithDelta( time() - Weekly_Activity::WINDOW, strtotime( $after['since'] ), 60 );
		self::assertEqualsWithDelta( time(), strtotime( $after['refreshedAt'] ), 60 );
		self::assertContains( $this->autoload_of( Weekly_Activity::OPTION ), array( 'no', 'off' ), 'the counts are not autoloaded' );
	}

	/**
	 * Why the counts are unknown, by case.
	 *
	 * @return array<string, array{\Closure(): void, string, bool|null}>
	 */
	public static function unknowns(): array {
		return array(
			'no credentials: not connected, and nothing is asked' => array( static function (): void {}, Weekly_Activity::NOT_CONNECTED, false ),
			'a paused copy: not connected, and nothing is asked' => array(
				static function (): void {
					Visitor::connect_site();
					( new Site_Binding() )->pause();
				},
				Weekly_Activity::NOT_CONNECTED,
				false,
			),
			// The lead poll, on the same event, may get the token first; then the count sees its scopes and asks nothing.
			'credentials without read:conversations: the missing permission' => array( static fn() => Visitor::connect_site( array( 'read:widget', 'write:knowledge' ) ), Weekly_Activity::MISSING_SCOPE, null ),
			'the API failing: unavailable' => array(
				static function (): void {
					Visitor::connect_site();
					Sandbox::control(
						'POST',
						'/faults',
						array(
							'endpoint' => 'api',
							'mode'     => '503',
							'count'    => 20,
						)
					);
				},
				Weekly_Activity::UNAVAILABLE,
				true,
			),
		);
	}

	/**
	 * Null counts and the reason, whatever was counted before.
	 *
	 * @param \Closure  $arrange Puts the site in the case.
	 * @param string    $reason  The reason the route gives.
	 * @param bool|null $calls   Whether the cron run asks the API for the count; null when either may be.
	 */
	#[DataProvider( 'unknowns' )]
	public function test_unknown_counts_are_null_with_their_reason( \Closure $arrange, string $reason, ?bool $calls ): void {
		update_option(
			Weekly_Activity::OPTION,
			array(
				'conversations' => 5,
				'leads'         => 2,
				'since'         => time() - Weekly_Activity::WINDOW - 600,
				'refreshedAt'   => time() - 600,
				'reason'        => null,
			),
			false
		);
		$arrange();
		$this->requests = array();
		$this->cron();
		$asked = array_filter( $this->requests, static fn( string $url ): bool => str_contains( $url, '/v1/conversations' ) );
		if ( null !== $calls ) {
			self::assertSame( $calls, array() !== $asked, 'whether the cron run asked the API for the count' );
		}

		$activity = $this->activity();

		self::assertNull( $activity['conversations'] );
		self::assertNull( $activity['leads'] );
		self::assertSame( $reason, $activity['reason'] );
	}

	public function test_only_administrators_may_read_the_activity(): void {
		foreach ( self::refused_roles() as $case => list( $role, $status ) ) {
			$this->act_as( $role );
			$response = $this->dispatch( 'GET', '/' . Admin_Controller::NAMESPACE . '/' . Activity_Controller::REST_BASE );
			self::assertSame( $status, $response->get_status(), $case );
		}
	}
}
