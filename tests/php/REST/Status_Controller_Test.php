<?php
/**
 * Integration tests for GET /causerie/v1/status.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use WP_REST_Request;

/**
 * One state at a glance, with the diagnosis that matters most.
 */
final class Status_Controller_Test extends TestCase {

	/**
	 * The status as an administrator sees it.
	 *
	 * @return array<mixed>
	 */
	private function current_status(): array {
		$this->act_as( 'administrator' );
		$data = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	/**
	 * Stores sandbox credentials and runs the live checks.
	 */
	private function connect_and_check(): void {
		Sandbox::connect();
		$this->act_as( 'administrator' );
		rest_get_server()->dispatch( new WP_REST_Request( 'POST', '/causerie/v1/checks' ) );
	}

	public function test_an_unconfigured_site_says_so(): void {
		$status = $this->current_status();

		self::assertSame( 'attention', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'not_configured', $status['diagnosis']['code'] );
	}

	public function test_a_healthy_connection_is_connected_with_its_schedule(): void {
		Sandbox::reset();
		$this->connect_and_check();

		$status = $this->current_status();

		self::assertSame( 'connected', $status['state'] );
		self::assertNull( $status['diagnosis'] );
		self::assertIsString( $status['nextRefreshAt'] );
		self::assertIsString( $status['tokenExpiresAt'] );
		self::assertLessThan( strtotime( $status['tokenExpiresAt'] ), strtotime( $status['nextRefreshAt'] ) );
	}

	public function test_a_failed_check_makes_it_broken_and_names_the_cause(): void {
		Sandbox::reset();
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );
		$this->connect_and_check();

		$status = $this->current_status();

		self::assertSame( 'broken', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'environment_mismatch', $status['diagnosis']['code'] );
		self::assertNotSame( '', $status['diagnosis']['title'] );
	}

	public function test_a_broken_secret_s_status_names_the_server_s_page_for_people_from_the_cached_metadata_alone(): void {
		Sandbox::reset();
		$this->connect_and_check();
		Sandbox::break_secret();
		$this->act_as( 'administrator' );
		rest_get_server()->dispatch( new WP_REST_Request( 'POST', '/causerie/v1/checks' ) );
		$before = Sandbox::requests();

		$status = $this->current_status();

		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'invalid_client', $status['diagnosis']['code'] );
		self::assertIsArray( $status['server'] );
		self::assertSame( Sandbox::url() . '/docs/credentials', $status['server']['documentation'] );
		// The step that sends the owner to the dashboard is the one the page is linked from.
		self::assertSame( array( 0 ), $status['diagnosis']['dashboardSteps'] );
		self::assertSame( $before, Sandbox::requests(), 'reading the status asks the server nothing' );
	}

	public function test_a_clock_warning_needs_attention(): void {
		Sandbox::reset();
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 90 ) );
		$this->connect_and_check();

		$status = $this->current_status();

		self::assertSame( 'attention', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'clock_skew', $status['diagnosis']['code'] );
	}

	public function test_a_clock_check_shows_both_times_and_does_not_say_which_clock_is_wrong(): void {
		Sandbox::reset();
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 90 ) );
		Sandbox::connect();
		$this->act_as( 'administrator' );
		$run = rest_get_server()->dispatch( new WP_REST_Request( 'POST', '/causerie/v1/checks' ) )->get_data();

		self::assertIsArray( $run );
		self::assertIsArray( $run['checks'] );
		$clock = array_values( array_filter( $run['checks'], static fn( mixed $check ): bool => is_array( $check ) && 'clock' === $check['id'] ) )[0] ?? null;
		self::assertIsArray( $clock );
		$seen = (array) $clock['evidence'];
		self::assertIsString( $seen['siteTime'] ?? null );
		self::assertIsString( $seen['apiTime'] ?? null );
		$site = strtotime( $seen['siteTime'] );
		$api  = strtotime( $seen['apiTime'] );
		self::assertIsInt( $site );
		self::assertIsInt( $api );
		self::assertEqualsWithDelta( 90, $api - $site, 2, 'the API\'s time and this server\'s, as they were' );
		$texts = $this->current_status()['diagnosis'];
		self::assertIsArray( $texts );
		self::assertSame( 'clock_skew', $texts['code'] );
		self::assertIsString( $texts['explanation'] );
		self::assertStringContainsString( 'not which one is wrong', $texts['explanation'] );
		self::assertStringNotContainsString( 'NTP', (string) wp_json_encode( $texts['steps'] ) );
	}
}
