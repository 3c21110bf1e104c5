<?php
/**
 * Tests of the connection's last known state.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Health;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * The notice and the status come from one state, which any API call keeps fresh: a break a feature meets shows
 * on the next admin page, a later success ends it, both without a check; faults in local data are read afresh.
 */
final class Connection_State_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		$this->act_as( 'administrator' );
	}

	/**
	 * The status as the REST API, the screen and `wp causerie status` give it.
	 *
	 * @return array<mixed>
	 */
	private function connection_status(): array {
		$status = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		self::assertIsArray( $status );
		return $status;
	}

	/**
	 * The code of the status' diagnosis, or empty.
	 */
	private function status_code(): string {
		$diagnosis = $this->connection_status()['diagnosis'];
		return is_array( $diagnosis ) && is_string( $diagnosis['code'] ?? null ) ? $diagnosis['code'] : '';
	}

	/**
	 * The diagnosis code the admin notice tells, or empty when it says nothing about the connection.
	 */
	private function notice_code(): string {
		$notice = ( new Connection_Notice( new Connection_State( $this->credentials(), new Site_Binding() ), new Cron_Monitor( false, array() ) ) )->current( time() );
		return $notice['diagnosis']['code'] ?? '';
	}

	/**
	 * The site's credentials, with the site's key.
	 */
	private function credentials(): Credential_Store {
		return new Credential_Store( new Encryption(), new Overrides() );
	}

	/**
	 * A call to the API, as a feature makes it on a request where the plugin runs.
	 *
	 * @return \Causerie\Connector\Api\Api_Response|Finding
	 */
	private function feature_call() {
		rest_get_server();
		return ( new Services( $this->credentials(), new Encryption() ) )->api->request( 'GET', Api_Client::ME );
	}

	public function test_a_break_a_feature_call_meets_shows_in_the_notice_and_the_status_without_a_check(): void {
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$checked_at = $this->connection_status()['checkedAt'];
		Sandbox::break_secret();

		self::assertInstanceOf( Finding::class, $this->feature_call() );

		self::assertSame( 'invalid_client', $this->notice_code() );
		self::assertSame( 'invalid_client', $this->status_code() );
		self::assertSame( 'broken', $this->connection_status()['state'] );
		self::assertSame( $checked_at, $this->connection_status()['checkedAt'], 'No check ran' );
	}

	public function test_a_later_successful_call_ends_the_break_without_a_check(): void {
		Sandbox::break_secret();
		self::assertInstanceOf( Finding::class, $this->feature_call() );
		Sandbox::control( 'POST', '/reset' );

		self::assertNotInstanceOf( Finding::class, $this->feature_call() );

		self::assertSame( '', $this->notice_code() );
		self::assertSame( 'connected', $this->connection_status()['state'] );
		self::assertNull( $this->connection_status()['checkedAt'], 'No check ran' );
	}

	public function test_an_answer_about_one_request_leaves_the_connection_as_it_is(): void {
		rest_get_server();
		$services = new Services( $this->credentials(), new Encryption() );

		$missing = $services->api->request( 'GET', '/v1/no-such-route' );

		self::assertInstanceOf( Finding::class, $missing );
		self::assertSame( 'not_found', $missing->code );
		self::assertSame( 'connected', $this->connection_status()['state'] );
	}

	public function test_an_encryption_key_put_back_ends_the_fault_on_the_next_read_without_a_check(): void {
		// As after a migration to new salts: the stored secret was encrypted with a key this site no longer has.
		( new Credential_Store( new Encryption( 'the-old-site-key' ), new Overrides() ) )->save( wp_get_environment_type(), array( 'clientSecret' => 'sandbox-development-secret' ) );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		self::assertSame( 'encryption_key_changed', $this->status_code() );

		// The key is back: the secret reads again, and nothing has checked since.
		Sandbox::connect();

		self::assertSame( '', $this->status_code() );
		self::assertSame( 'connected', $this->connection_status()['state'] );
	}

	public function test_a_paused_copy_reads_as_paused_at_once_and_as_before_when_resumed(): void {
		Sandbox::break_secret();
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$binding = new Site_Binding();

		$binding->pause();
		self::assertSame( 'connection_paused', $this->status_code() );
		self::assertSame( '', $this->notice_code(), 'Paused on purpose is no problem to notify' );

		$binding->bind();
		self::assertSame( 'invalid_client', $this->status_code() );
	}

	public function test_the_state_is_one_small_autoloaded_option_written_only_when_it_changes(): void {
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$written = 0;
		$count   = static function () use ( &$written ): void {
			++$written;
		};
		add_action( 'update_option_' . Connection_State::OPTION, $count );

		$this->feature_call();
		$this->feature_call();
		remove_action( 'update_option_' . Connection_State::OPTION, $count );

		self::assertSame( 0, $written, 'Successful calls on a working connection write nothing' );
		self::assertContains( $this->autoload_of( Connection_State::OPTION ), array( 'yes', 'on' ) );
		$stored = maybe_serialize( get_option( Connection_State::OPTION ) );
		self::assertIsString( $stored );
		self::assertLessThan( 200, strlen( $stored ) );
	}

	public function test_the_status_tells_the_age_of_the_last_check(): void {
		self::assertNull( $this->connection_status()['checkAgeSeconds'] );

		$this->dispatch( 'POST', '/causerie/v1/checks' );

		self::assertIsInt( $this->connection_status()['checkAgeSeconds'] );
		self::assertGreaterThanOrEqual( 0, $this->connection_status()['checkAgeSeconds'] );
	}
}
