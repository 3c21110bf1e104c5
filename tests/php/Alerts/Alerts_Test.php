<?php
/**
 * Tests of the alert emails.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Alerts;

use Causerie\Connector\Alerts\Alert_Emails;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * One email when the connection breaks, none more that day for the same cause while the break lasts, one when it
 * recovers or is paused; wherever the break or the recovery is seen; to the admin email or the address chosen;
 * never with a secret or a token.
 *
 * @phpstan-import-type Status from \Causerie\Connector\Health\Connection_Status
 */
final class Alerts_Test extends TestCase {

	private const NEW_SECRET = 'regenerated-in-the-dashboard';

	/**
	 * Emails sent, as wp_mail received them.
	 *
	 * @var list<array<string, mixed>>
	 */
	private array $mails = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Sandbox::connect();
		add_filter( 'pre_wp_mail', array( $this, 'capture' ), 5, 2 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', array( $this, 'capture' ), 5 );
		parent::tearDown();
	}

	/**
	 * Keeps the email instead of sending it.
	 *
	 * @param mixed                $short_circuit Null to send.
	 * @param array<string, mixed> $atts         The email.
	 */
	public function capture( $short_circuit, array $atts ): bool {
		$this->mails[] = $atts;
		return true;
	}

	/**
	 * The daily check, as WP-Cron runs it.
	 */
	private function daily_check(): void {
		do_action( Health_Check::HOOK );
	}

	/**
	 * Regenerates the client's secret at Causerie, so the stored one is refused.
	 */
	private function break_the_secret(): void {
		Sandbox::break_secret( 'wp-development', self::NEW_SECRET );
	}

	/**
	 * Undoes the break as sandbox:fix does: the seeded secret is back, and the tokens held stay valid.
	 */
	private function fix(): void {
		Sandbox::control( 'POST', '/reset' );
	}

	/**
	 * A call to the API, as a feature (the sync, the widget, the lead poll) makes it on a REST request.
	 *
	 * @return \Causerie\Connector\Api\Api_Response|Finding
	 */
	private function feature_call() {
		// The plugin's services listen once a REST request has started, as on any request that calls the API.
		rest_get_server();
		$services = new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() );
		return $services->api->request( 'GET', Api_Client::ME );
	}

	/**
	 * A field of an email as a string.
	 *
	 * @param int    $index Which email.
	 * @param string $field to, subject, message or headers.
	 */
	private function mail( int $index, string $field ): string {
		$value = $this->mails[ $index ][ $field ] ?? null;
		return is_array( $value ) ? implode( "\n", array_filter( $value, 'is_string' ) ) : ( is_string( $value ) ? $value : '' );
	}

	/**
	 * The status as the REST API gives it.
	 *
	 * @phpstan-return Status
	 */
	private function connection_status(): array {
		$user = get_current_user_id();
		$this->act_as( 'administrator' );
		$status = $this->dispatch( 'GET', '/causerie/v1/status' )->get_data();
		wp_set_current_user( $user );
		self::assertIsArray( $status );
		unset( $status['cronRunning'] );
		return $status; // @phpstan-ignore return.type
	}

	/**
	 * Sends POST /alerts as an administrator.
	 *
	 * @param string $email The address.
	 */
	private function choose_address( string $email ): \WP_REST_Response {
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/alerts' );
		$request->set_param( 'alertEmail', $email );
		return rest_get_server()->dispatch( $request );
	}

	public function test_a_healthy_connection_sends_nothing(): void {
		$this->daily_check();

		self::assertSame( array(), $this->mails );
	}

	public function test_a_break_is_emailed_once_that_day_and_the_recovery_once(): void {
		$this->daily_check();
		$this->break_the_secret();

		$this->daily_check();

		self::assertCount( 1, $this->mails );
		self::assertSame( get_option( 'admin_email' ), $this->mail( 0, 'to' ) );
		self::assertStringContainsString( 'disconnected', $this->mail( 0, 'subject' ) );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 0, 'subject' ) );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 0, 'message' ) );
		self::assertStringContainsString( admin_url( 'options-general.php?page=causerie-connector#fix' ), $this->mail( 0, 'message' ) );
		self::assertStringContainsString( 'text/plain', $this->mail( 0, 'headers' ) );

		$this->daily_check();
		self::assertCount( 1, $this->mails, 'The same cause, the same day: no second email' );

		$this->fix();
		$this->daily_check();
		self::assertCount( 2, $this->mails );
		self::assertStringContainsString( 'connected again', $this->mail( 1, 'subject' ) );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 1, 'message' ) );

		$this->daily_check();
		self::assertCount( 2, $this->mails, 'One recovery email' );
	}

	public function test_no_email_holds_the_secret_or_a_token(): void {
		$this->act_as( 'administrator' );
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$token = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $token );
		$this->break_the_secret();
		$this->daily_check();
		$this->fix();
		$this->daily_check();

		self::assertCount( 2, $this->mails );
		foreach ( array_keys( $this->mails ) as $index ) {
			$text = $this->mail( $index, 'subject' ) . $this->mail( $index, 'message' );
			self::assertStringNotContainsString( 'sandbox-development-secret', $text );
			self::assertStringNotContainsString( self::NEW_SECRET, $text );
			self::assertStringNotContainsString( $token->access_token, $text );
			self::assertStringNotContainsString( 'eyJ', $text );
		}
	}

	public function test_another_cause_the_same_day_is_emailed(): void {
		$this->break_the_secret();
		$this->daily_check();

		$this->fix();
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );
		$this->daily_check();

		self::assertCount( 2, $this->mails );
		self::assertStringContainsString( Catalog::title( 'environment_mismatch' ), $this->mail( 1, 'subject' ) );
	}

	public function test_a_break_that_lasts_is_emailed_again_the_next_day(): void {
		$this->break_the_secret();
		$this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$alerter = new Alerter( new Alert_Recipient(), new Alert_Emails() );
		$now     = time();

		$alerter->evaluate( $this->connection_status(), $now );
		$alerter->evaluate( $this->connection_status(), $now + Alerter::QUIET_SECONDS - 1 );
		self::assertCount( 1, $this->mails );

		$alerter->evaluate( $this->connection_status(), $now + Alerter::QUIET_SECONDS );
		self::assertCount( 2, $this->mails );
		self::assertSame( $this->mail( 0, 'subject' ), $this->mail( 1, 'subject' ) );
	}

	public function test_pausing_a_copy_closes_the_open_break_with_an_email_that_says_so(): void {
		$this->break_the_secret();
		$this->daily_check();
		$this->act_as( 'administrator' );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/binding' );
		$request->set_param( 'action', 'pause' );
		rest_get_server()->dispatch( $request );

		self::assertCount( 2, $this->mails, 'The pause is told at once, not at the next check' );
		self::assertStringContainsString( 'paused on this copy', $this->mail( 1, 'subject' ) );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 1, 'message' ) );

		$this->fix();
		$this->daily_check();

		self::assertCount( 2, $this->mails, 'A paused copy announces no recovery' );
	}

	public function test_the_same_cause_breaking_again_after_a_recovery_is_a_new_episode_with_both_emails(): void {
		$this->break_the_secret();
		$this->daily_check();
		$this->fix();
		$this->daily_check();
		self::assertCount( 2, $this->mails );

		// A minute later, the same cause again: within the day, yet a new episode.
		$this->break_the_secret();
		$this->daily_check();
		$this->fix();
		$this->daily_check();

		self::assertCount( 4, $this->mails );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 2, 'subject' ) );
		self::assertStringContainsString( 'connected again', $this->mail( 3, 'subject' ) );
	}

	public function test_a_break_a_feature_call_meets_is_emailed_without_waiting_for_a_check(): void {
		$this->act_as( 'administrator' );
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$this->break_the_secret();

		$failed = $this->feature_call();

		self::assertInstanceOf( Finding::class, $failed );
		self::assertCount( 1, $this->mails );
		self::assertStringContainsString( Catalog::title( 'invalid_client' ), $this->mail( 0, 'subject' ) );

		$this->fix();
		self::assertNotInstanceOf( Finding::class, $this->feature_call() );

		self::assertCount( 2, $this->mails );
		self::assertStringContainsString( 'connected again', $this->mail( 1, 'subject' ) );
	}

	public function test_the_address_chosen_gets_the_emails(): void {
		$response = $this->choose_address( 'ops@example.com' );

		self::assertSame( 200, $response->get_status() );
		self::assertSame(
			array(
				'alertEmail' => 'ops@example.com',
				'recipient'  => 'ops@example.com',
			),
			$this->dispatch( 'GET', '/causerie/v1/alerts' )->get_data()
		);

		$this->break_the_secret();
		$this->daily_check();

		self::assertCount( 1, $this->mails );
		self::assertSame( 'ops@example.com', $this->mail( 0, 'to' ) );
	}

	public function test_an_empty_address_goes_back_to_the_admin_email(): void {
		$this->choose_address( 'ops@example.com' );

		$response = $this->choose_address( '' );

		self::assertSame(
			array(
				'alertEmail' => '',
				'recipient'  => get_option( 'admin_email' ),
			),
			$response->get_data()
		);
	}

	public function test_an_address_that_is_not_one_is_refused_and_nothing_changes(): void {
		$this->choose_address( 'ops@example.com' );

		$response = $this->choose_address( 'not an address' );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'causerie_invalid_email', $this->error_code( $response ) );
		self::assertSame( 'ops@example.com', get_option( Alert_Recipient::OPTION ) );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_see_or_change_the_address( string $role, int $status ): void {
		$this->act_as( $role );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/alerts' );
		$request->set_param( 'alertEmail', 'attacker@example.com' );

		self::assertSame( $status, $this->dispatch( 'GET', '/causerie/v1/alerts' )->get_status() );
		self::assertSame( $status, rest_get_server()->dispatch( $request )->get_status() );
		self::assertSame( '', get_option( Alert_Recipient::OPTION, '' ) );
	}
}
