<?php
/**
 * Tests of the lead emails.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Conversations;

use Causerie\Connector\Alerts\Alert_Emails;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Lead_Emails;
use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Conversations\Lead_Feed;
use Causerie\Connector\Conversations\Lead_Mail;
use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Conversations\Lead_Poller;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * Instant emails follow the poll's action, one per lead; the daily digest reads the leads again from its own
 * cursor, sends them in one email, and loses none when wp_mail fails.
 */
final class Lead_Mail_Test extends TestCase {

	private Services $services;
	private Visitor $visitor;
	private Lead_Poller $poller;
	private Lead_Mail $mail;

	/**
	 * Emails wp_mail received.
	 *
	 * @var list<array<string, mixed>>
	 */
	private array $mails = array();

	/**
	 * Whether wp_mail fails.
	 *
	 * @var bool
	 */
	private bool $failing = false;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->services = ( new Services() )->connect( Sandbox::credentials() + array( 'scopes' => Visitor::ALL_SCOPES ) );
		$this->visitor  = Visitor::of( $this->services->api );
		$feed           = new Lead_Feed( new Conversations_Api( $this->services->api ) );
		$recipient      = new Alert_Recipient();
		$this->poller   = new Lead_Poller( __FILE__, $feed, $this->services->store, new Site_Binding() );
		$this->mail     = new Lead_Mail( __FILE__, new Lead_Notifications( $recipient ), $feed, $this->poller, new Alerter( $recipient, new Alert_Emails() ), new Lead_Emails(), new Site_Binding() );
		$this->poller->state();
		// After the offline sites' own filter (10), which logs every email and answers true.
		add_filter( 'pre_wp_mail', array( $this, 'capture' ), 20, 2 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', array( $this, 'capture' ), 20 );
		parent::tearDown();
	}

	/**
	 * Keeps the email instead of sending it, or fails as a broken mailer would.
	 *
	 * @param mixed                $short_circuit Null.
	 * @param array<string, mixed> $atts          The email.
	 */
	public function capture( $short_circuit, array $atts ): bool {
		if ( $this->failing ) {
			return false;
		}
		$this->mails[] = $atts;
		return true;
	}

	/**
	 * A field of an email as a string.
	 *
	 * @param int    $index Which email.
	 * @param string $field to, subject or message.
	 */
	private function field( int $index, string $field ): string {
		$value = $this->mails[ $index ][ $field ] ?? null;
		self::assertIsString( $value );
		return $value;
	}

	/**
	 * Chooses the mode, as the settings route does.
	 *
	 * @param string $mode  off, instant or daily.
	 * @param string $email Address.
	 */
	private function choose( string $mode, string $email = 'sales@example.org' ): void {
		( new Lead_Notifications( new Alert_Recipient() ) )->save( $mode, $email );
	}

	public function test_no_email_by_default(): void {
		$this->visitor->lead( 'jane@example.com' );

		self::assertSame( 1, $this->poller->run() );
		self::assertSame( 0, $this->mail->digest() );
		self::assertSame( array(), $this->mails );
	}

	public function test_instant_emails_go_once_per_lead_to_the_chosen_address(): void {
		$this->choose( Lead_Notifications::INSTANT );
		$this->visitor->lead( 'jane@example.com' );
		$this->visitor->lead( 'joe@example.com' );

		$this->poller->run();
		$this->poller->run();

		self::assertCount( 2, $this->mails );
		self::assertSame( 'sales@example.org', $this->field( 0, 'to' ) );
		self::assertStringContainsString( 'jane@example.com', $this->field( 0, 'subject' ) );
		self::assertStringContainsString( 'Email: joe@example.com', $this->field( 1, 'message' ) );
		self::assertStringContainsString( 'On: ' . Visitor::ORIGIN, $this->field( 1, 'message' ) );
	}

	public function test_the_daily_digest_sends_the_days_leads_in_one_email_and_then_nothing(): void {
		$this->choose( Lead_Notifications::DAILY );
		self::assertNotFalse( wp_next_scheduled( Lead_Mail::DIGEST_HOOK ) );
		$this->visitor->lead( 'jane@example.com' );
		$this->visitor->lead( 'joe@example.com' );
		$this->poller->run();
		self::assertSame( array(), $this->mails, 'no instant email in daily mode' );

		self::assertSame( 2, $this->mail->digest() );
		self::assertSame( 0, $this->mail->digest() );

		self::assertCount( 1, $this->mails );
		self::assertStringContainsString( '2 new leads', $this->field( 0, 'subject' ) );
		self::assertStringContainsString( 'jane@example.com', $this->field( 0, 'message' ) );
		self::assertStringContainsString( 'joe@example.com', $this->field( 0, 'message' ) );
	}

	public function test_a_digest_that_wp_mail_refused_loses_no_lead(): void {
		$this->choose( Lead_Notifications::DAILY );
		$this->visitor->lead( 'jane@example.com' );
		$this->failing = true;
		self::assertSame( 0, $this->mail->digest() );
		$this->failing = false;
		$this->visitor->lead( 'joe@example.com' );

		self::assertSame( 2, $this->mail->digest() );

		self::assertCount( 1, $this->mails );
		self::assertStringContainsString( 'jane@example.com', $this->field( 0, 'message' ) );
		self::assertStringContainsString( 'joe@example.com', $this->field( 0, 'message' ) );
	}

	public function test_turning_the_digest_off_removes_its_event_and_cursor(): void {
		$this->choose( Lead_Notifications::DAILY );
		self::assertNotFalse( get_option( Lead_Mail::DIGEST_OPTION ) );

		$this->choose( Lead_Notifications::OFF );

		self::assertFalse( wp_next_scheduled( Lead_Mail::DIGEST_HOOK ) );
		self::assertFalse( get_option( Lead_Mail::DIGEST_OPTION ) );
	}
}
