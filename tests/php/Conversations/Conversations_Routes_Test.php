<?php
/**
 * Tests of the conversations and leads REST routes.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Conversations;

use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Through the REST server, against the real sandbox: the shapes of the shared contract, paging, the
 * transcript, a missing scope, and the lead emails' setting.
 */
final class Conversations_Routes_Test extends TestCase {

	private Visitor $visitor;

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		Visitor::connect_site();
		$this->visitor = Visitor::of( ( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->api );
		$this->act_as( 'administrator' );
	}

	/**
	 * A GET with a query.
	 *
	 * @param string               $route Under the namespace.
	 * @param array<string, mixed> $query Query.
	 */
	private function get( string $route, array $query = array() ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', '/' . Admin_Controller::NAMESPACE . '/' . $route );
		$request->set_query_params( $query );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * A successful answer's data.
	 *
	 * @param WP_REST_Response $response The answer.
	 * @return array<mixed>
	 */
	private static function data( WP_REST_Response $response ): array {
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		self::assertIsArray( $data );
		return $data;
	}

	public function test_conversations_come_newest_first_a_page_at_a_time(): void {
		$first  = $this->visitor->ask( 'How long does shipping take?' );
		$second = $this->visitor->ask( 'Do you ship abroad?' );
		$third  = $this->visitor->ask( 'What are your opening hours?' );

		$page = self::data( $this->get( 'conversations', array( 'limit' => 2 ) ) );
		self::assertIsString( $page['nextCursor'] );
		$rest = self::data( $this->get( 'conversations', array( 'cursor' => $page['nextCursor'] ) ) );

		self::assertIsArray( $page['conversations'] );
		self::assertIsArray( $rest['conversations'] );
		self::assertSame( array( $third, $second, $first ), array_column( array_merge( $page['conversations'], $rest['conversations'] ), 'id' ) );
		self::assertNull( $rest['nextCursor'] );
		$summary = $page['conversations'][0];
		self::assertIsArray( $summary );
		self::assertSame( array( 'id', 'startedAt', 'messages', 'firstQuestion', 'lead', 'origin', 'sources' ), array_keys( $summary ) );
		self::assertSame( 'What are your opening hours?', $summary['firstQuestion'] );
		self::assertSame( 2, $summary['messages'] );
		self::assertFalse( $summary['lead'] );
		self::assertSame( Visitor::ORIGIN, $summary['origin'] );
	}

	public function test_a_conversation_opens_to_its_messages_and_the_contact_it_left(): void {
		$id = $this->visitor->lead( 'jane@example.com' );

		$conversation = self::data( $this->get( 'conversations/' . $id ) );

		self::assertSame( $id, $conversation['id'] );
		self::assertTrue( $conversation['lead'] );
		self::assertIsArray( $conversation['transcript'] );
		self::assertSame( array( 'visitor', 'bot' ), array_column( $conversation['transcript'], 'role' ) );
		$question = $conversation['transcript'][0];
		$answer   = $conversation['transcript'][1];
		self::assertIsArray( $question );
		self::assertIsArray( $answer );
		self::assertSame( 'Can someone call me about an order?', $question['text'] );
		self::assertSame( array( 'id', 'role', 'text', 'sentAt', 'sources' ), array_keys( $answer ) );
		self::assertIsArray( $conversation['contact'] );
		self::assertSame( 'jane@example.com', $conversation['contact']['email'] );
		self::assertNull( $conversation['contact']['phone'] );
		self::assertSame( array( 'email', 'phone', 'capturedAt' ), array_keys( $conversation['contact'] ) );
	}

	public function test_an_unknown_conversation_is_404(): void {
		$response = $this->get( 'conversations/conv_nobody' );

		self::assertSame( 404, $response->get_status() );
		self::assertSame( 'causerie_not_found', $this->error_code( $response ) );
	}

	public function test_leads_come_oldest_first_with_a_cursor_that_is_never_null(): void {
		$first  = $this->visitor->lead( 'jane@example.com' );
		$second = $this->visitor->lead( 'joe@example.com' );

		$page = self::data( $this->get( 'leads', array( 'limit' => 1 ) ) );
		self::assertTrue( $page['hasMore'] );
		$rest = self::data( $this->get( 'leads', array( 'cursor' => $page['nextCursor'] ) ) );

		self::assertIsArray( $page['leads'] );
		self::assertIsArray( $rest['leads'] );
		self::assertSame( array( $first, $second ), array_column( array_merge( $page['leads'], $rest['leads'] ), 'conversationId' ) );
		self::assertFalse( $rest['hasMore'] );
		self::assertIsString( $rest['nextCursor'] );
		self::assertIsArray( $page['leads'][0] );
		self::assertSame( array( 'id', 'conversationId', 'email', 'phone', 'capturedAt', 'origin' ), array_keys( $page['leads'][0] ) );
	}

	/**
	 * The three reads.
	 *
	 * @return array<string, array{string}>
	 */
	public static function reads(): array {
		return array(
			'the conversations' => array( 'conversations' ),
			'one conversation'  => array( 'conversations/conv_any' ),
			'the leads'         => array( 'leads' ),
		);
	}

	/**
	 * A read without the scope.
	 *
	 * @param string $route Route.
	 */
	#[DataProvider( 'reads' )]
	public function test_without_read_conversations_a_read_is_403_causerie_missing_scope( string $route ): void {
		Visitor::connect_site( array( 'read:widget', 'write:knowledge' ) );
		( new Services( new Credential_Store( new Encryption(), new Overrides() ), new Encryption() ) )->store->clear();

		$response = $this->get( $route );

		self::assertSame( 403, $response->get_status() );
		self::assertSame( 'causerie_missing_scope', $this->error_code( $response ) );
		$error = $response->as_error();
		self::assertInstanceOf( \WP_Error::class, $error );
		$data = $error->get_error_data();
		self::assertIsArray( $data );
		self::assertSame( 403, $data['status'] );
		self::assertSame( Conversations_Api::SCOPE, $data['scope'] );
		self::assertIsArray( $data['diagnosis'] );
		self::assertSame( 'insufficient_scope', $data['diagnosis']['code'] );
	}

	public function test_lead_emails_are_off_by_default_to_the_alert_address(): void {
		self::assertSame(
			array(
				'mode'  => 'off',
				'email' => get_option( 'admin_email' ),
			),
			self::data( $this->get( 'leads/notifications' ) )
		);
	}

	public function test_lead_emails_keep_their_address_when_only_the_mode_changes(): void {
		$put = static function ( array $body ): WP_REST_Response {
			$request = new WP_REST_Request( 'PUT', '/' . Admin_Controller::NAMESPACE . '/leads/notifications' );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
			return rest_get_server()->dispatch( $request );
		};

		self::data(
			$put(
				array(
					'mode'  => 'instant',
					'email' => 'sales@example.org',
				)
			)
		);
		$daily = self::data( $put( array( 'mode' => 'daily' ) ) );

		self::assertSame(
			array(
				'mode'  => 'daily',
				'email' => 'sales@example.org',
			),
			$daily
		);
	}
}
