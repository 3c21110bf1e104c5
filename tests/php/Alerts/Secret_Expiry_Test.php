<?php
/**
 * Tests of the reminder before the client secret expires.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Alerts;

use Causerie\Connector\Alerts\Alert_Emails;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The contract names no expiry for client secrets; a token endpoint that adds RFC 7591's
 * client_secret_expires_at gets a reminder a day before. The sandbox's answers are given one here.
 */
final class Secret_Expiry_Test extends TestCase {

	/**
	 * The expiry the token endpoint announces; null to leave its answers as they are.
	 *
	 * @var int|null
	 */
	private ?int $announced = null;

	/**
	 * Emails sent, as wp_mail received them.
	 *
	 * @var list<array<string, mixed>>
	 */
	private array $mails = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		// A client without refresh tokens: every new token comes from the client credentials grant.
		Sandbox::connect( 'wp-production' );
		( new Token_Store( new Encryption() ) )->clear();
		add_filter( 'http_response', array( $this, 'announce_expiry' ), 10, 3 );
		add_filter( 'pre_wp_mail', array( $this, 'capture' ), 5, 2 );
		$this->act_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_filter( 'http_response', array( $this, 'announce_expiry' ) );
		remove_filter( 'pre_wp_mail', array( $this, 'capture' ), 5 );
		parent::tearDown();
	}

	/**
	 * Adds client_secret_expires_at to the token endpoint's successful answers.
	 *
	 * @param array<string, mixed> $response HTTP response.
	 * @param array<string, mixed> $args     Request arguments.
	 * @param string               $url      Request URL.
	 * @return array<string, mixed>
	 */
	public function announce_expiry( $response, $args, $url ): array {
		if ( null === $this->announced || ! str_ends_with( $url, '/auth/token' ) || 200 !== wp_remote_retrieve_response_code( $response ) ) {
			return $response;
		}
		$body                             = (array) json_decode( wp_remote_retrieve_body( $response ), true );
		$body['client_secret_expires_at'] = $this->announced;
		$response['body']                 = (string) wp_json_encode( $body );
		return $response;
	}

	/**
	 * Keeps the email instead of sending it.
	 *
	 * @param mixed                $short_circuit Null to send.
	 * @param array<string, mixed> $atts          The email.
	 */
	public function capture( $short_circuit, array $atts ): bool {
		$this->mails[] = $atts;
		return true;
	}

	/**
	 * Forgets the emails captured so far.
	 */
	private function forget_mails(): void {
		$this->mails = array();
	}

	/**
	 * Gets a new token, as the checks do.
	 */
	private function new_token(): void {
		( new Token_Store( new Encryption() ) )->clear();
		self::assertSame( 200, $this->dispatch( 'POST', '/causerie/v1/checks' )->get_status() );
		self::assertNotNull( ( new Token_Store( new Encryption() ) )->get() );
	}

	/**
	 * The expiry service with its own alerter.
	 */
	private function expiry(): Secret_Expiry {
		return new Secret_Expiry( WP_PLUGIN_DIR . '/causerie-connector/causerie-connector.php', new Alerter( new Alert_Recipient(), new Alert_Emails() ) );
	}

	public function test_an_expiry_the_api_announces_is_kept_and_its_reminder_scheduled_a_day_before(): void {
		$expires         = time() + 3 * DAY_IN_SECONDS;
		$this->announced = $expires;

		$this->new_token();

		self::assertSame( $expires, $this->expiry()->known() );
		self::assertSame( $expires - DAY_IN_SECONDS, wp_next_scheduled( Secret_Expiry::HOOK ) );
	}

	public function test_the_reminder_goes_once_within_the_day_before(): void {
		$expires         = time() + 3 * DAY_IN_SECONDS;
		$this->announced = $expires;
		$this->new_token();
		// The check emailed at once what it found wrong with these production credentials: only reminders count here.
		$this->forget_mails();
		$expiry = $this->expiry();

		self::assertFalse( $expiry->remind( $expires - DAY_IN_SECONDS - 60 ) );
		self::assertTrue( $expiry->remind( $expires - DAY_IN_SECONDS + 60 ) );
		self::assertFalse( $expiry->remind( $expires - 60 ) );

		self::assertCount( 1, $this->mails );
		self::assertSame( get_option( 'admin_email' ), $this->mails[0]['to'] );
		self::assertIsString( $this->mails[0]['subject'] );
		self::assertIsString( $this->mails[0]['message'] );
		self::assertStringContainsString( 'expires tomorrow', $this->mails[0]['subject'] );
		self::assertStringContainsString( admin_url( 'options-general.php?page=causerie-connector' ), $this->mails[0]['message'] );
		self::assertStringNotContainsString( 'sandbox-production-secret', $this->mails[0]['message'] );
	}

	public function test_the_scheduled_reminder_and_the_daily_check_both_send_it_but_only_once(): void {
		// Credentials for this site's environment, so the daily check finds nothing else to report.
		Sandbox::connect();
		$this->announced = time() + DAY_IN_SECONDS - 60;
		$this->new_token();

		do_action( Secret_Expiry::HOOK );
		do_action( Health_Check::HOOK );

		self::assertCount( 1, $this->mails );
	}

	public function test_an_answer_without_an_expiry_forgets_it(): void {
		$this->announced = time() + 3 * DAY_IN_SECONDS;
		$this->new_token();

		$this->announced = null;
		$this->new_token();

		self::assertNull( $this->expiry()->known() );
		self::assertFalse( wp_next_scheduled( Secret_Expiry::HOOK ) );
	}

	public function test_zero_means_the_secret_does_not_expire(): void {
		$this->announced = 0;

		$this->new_token();

		self::assertNull( $this->expiry()->known() );
	}
}
