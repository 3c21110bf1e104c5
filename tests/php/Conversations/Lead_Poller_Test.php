<?php
/**
 * Tests of the lead poller.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Conversations;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Conversations\Lead_Feed;
use Causerie\Connector\Conversations\Lead_Poller;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * The poller reads the real sandbox's leads and fires `causerie_lead_captured` once per lead: across runs,
 * after a run killed before it kept its cursor, across pages, and never for the leads of before it started.
 */
final class Lead_Poller_Test extends TestCase {

	private Services $services;
	private Visitor $visitor;

	/**
	 * Ids of the leads the action carried, in order.
	 *
	 * @var list<string>
	 */
	private array $fired = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		$this->services = ( new Services() )->connect( Sandbox::credentials() + array( 'scopes' => Visitor::ALL_SCOPES ) );
		$this->visitor  = Visitor::of( $this->services->api );
		add_action( Lead_Poller::ACTION, array( $this, 'record' ), 10, 2 );
	}

	protected function tearDown(): void {
		remove_action( Lead_Poller::ACTION, array( $this, 'record' ), 10 );
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 0 ) );
		parent::tearDown();
	}

	/**
	 * Records a fired lead.
	 *
	 * @param mixed $lead    The lead.
	 * @param mixed $context Its context.
	 */
	public function record( $lead, $context ): void {
		self::assertIsArray( $lead );
		self::assertIsArray( $context );
		self::assertIsString( $lead['id'] );
		$this->fired[] = $lead['id'];
	}

	/**
	 * A poller over the test's services.
	 *
	 * @param int $page Leads a page.
	 */
	private function poller( int $page = Conversations_Api::MAX_LIMIT ): Lead_Poller {
		return new Lead_Poller( __FILE__, new Lead_Feed( new Conversations_Api( $this->services->api ), $page ), $this->services->store, new Site_Binding() );
	}

	public function test_each_lead_fires_once_across_runs_with_its_documented_keys(): void {
		$poller = $this->poller();
		$poller->state();
		$first = $this->visitor->lead( 'jane@example.com' );
		$lead  = array();
		add_action(
			Lead_Poller::ACTION,
			static function ( array $fired ) use ( &$lead ): void {
				$lead = $fired;
			}
		);

		self::assertSame( 1, $poller->run() );
		self::assertSame( 0, $poller->run() );
		$this->visitor->lead( 'joe@example.com' );
		self::assertSame( 1, $poller->run() );

		self::assertCount( 2, $this->fired );
		self::assertCount( 2, array_unique( $this->fired ) );
		self::assertSame( array( 'id', 'conversationId', 'email', 'phone', 'capturedAt', 'origin' ), array_keys( $lead ) );
		self::assertSame( 'joe@example.com', $lead['email'] );
		self::assertNotSame( $first, $lead['conversationId'] );
		self::assertSame( Visitor::ORIGIN, $lead['origin'] );
		self::assertContains( $this->autoload_of( Lead_Poller::OPTION ), array( 'no', 'off' ) );
	}

	public function test_a_run_killed_before_keeping_its_cursor_fires_nothing_twice(): void {
		$poller = $this->poller();
		$before = $poller->state();
		$this->visitor->lead( 'jane@example.com' );
		$this->visitor->lead( 'joe@example.com' );
		self::assertSame( 2, $poller->run() );

		// The crash: the leads were acted on and remembered, but the cursor of before is what was kept.
		update_option( Lead_Poller::OPTION, array( 'cursor' => $before['cursor'] ) + $poller->state(), false );
		$this->visitor->lead( 'ann@example.com' );

		self::assertSame( 1, $poller->run() );
		self::assertCount( 3, $this->fired );
		self::assertCount( 3, array_unique( $this->fired ) );
	}

	public function test_it_pages_through_more_leads_than_a_page_in_one_run(): void {
		$poller = $this->poller( 2 );
		$poller->state();
		foreach ( array( 'a', 'b', 'c', 'd', 'e' ) as $name ) {
			$this->visitor->lead( $name . '@example.com' );
		}

		self::assertSame( 5, $poller->run() );
		self::assertSame( 0, $poller->run() );
		self::assertCount( 5, array_unique( $this->fired ) );
	}

	public function test_the_first_run_walks_past_the_leads_of_before_polling_started(): void {
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => -3600 ) );
		$this->visitor->lead( 'old@example.com' );
		$this->visitor->lead( 'older@example.com' );
		Sandbox::control( 'PUT', '/clock', array( 'skewSeconds' => 0 ) );
		$poller = $this->poller();
		$poller->state();
		$this->visitor->lead( 'new@example.com' );

		self::assertSame( 1, $poller->run() );
		self::assertCount( 1, $this->fired );
	}

	public function test_a_paused_copy_does_not_poll(): void {
		$poller = $this->poller();
		$poller->state();
		$this->visitor->lead( 'jane@example.com' );
		( new Site_Binding() )->pause();
		$calls = Sandbox::requests()['api'];

		self::assertSame( 0, $poller->run() );
		self::assertSame( $calls, Sandbox::requests()['api'] );
		self::assertSame( array(), $this->fired );
	}

	public function test_a_token_without_the_scope_is_not_sent_to_be_refused_every_five_minutes(): void {
		$this->services->store->clear();
		$this->services = ( new Services() )->connect( Sandbox::credentials() + array( 'scopes' => array( 'read:widget', 'write:knowledge' ) ) );
		$token          = $this->services->tokens->token();
		self::assertInstanceOf( Cached_Token::class, $token );
		self::assertNotContains( Conversations_Api::SCOPE, $token->scopes );
		$calls = Sandbox::requests()['api'];

		self::assertSame( 0, $this->poller()->run() );
		self::assertSame( $calls, Sandbox::requests()['api'] );
	}
}
