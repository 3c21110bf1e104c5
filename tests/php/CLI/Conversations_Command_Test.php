<?php
/**
 * Tests of `wp causerie conversations list`.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Conversations\Visitor;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;

/**
 * The conversations and leads as data on STDOUT, in each format, and a missing permission named on STDERR.
 */
final class Conversations_Command_Test extends Command_TestCase {

	private Visitor $visitor;

	protected function setUp(): void {
		parent::setUp();
		// The bot is the client's: any site connected as wp-development talks to the same one.
		$this->visitor = Visitor::of( ( new Services() )->connect( Sandbox::credentials() + array( 'scopes' => Visitor::ALL_SCOPES ) )->api );
	}

	/**
	 * Saves the development client through `credentials set` with the scopes asked for.
	 *
	 * @param string $scopes Comma-separated scopes.
	 */
	private function connect_with( string $scopes ): void {
		$run = $this->wp( array( 'credentials', 'set', '--client-id=wp-development', '--api-url=' . Sandbox::url(), '--scopes=' . $scopes, '--secret-stdin' ), self::SECRET . "\n" );
		self::assertSame( 0, $run['status'], $run['stderr'] );
	}

	public function test_json_lists_the_conversations_newest_first_with_their_sources(): void {
		$this->connect_with( implode( ',', Visitor::ALL_SCOPES ) );
		$first  = $this->visitor->ask( 'How long does shipping take?' );
		$second = $this->visitor->lead( 'jane@example.com' );

		$run  = $this->wp( array( 'conversations', 'list', '--format=json' ) );
		$list = self::json( $run );

		self::assertSame( Exit_Code::OK, $run['status'] );
		self::assertSame( array( $second, $first ), array_column( $list, 'id' ) );
		self::assertIsArray( $list[0] );
		self::assertTrue( $list[0]['lead'] );
		self::assertIsArray( $list[0]['sources'] );
		self::assertNoToken( $run );
	}

	public function test_csv_lists_the_leads_oldest_first_up_to_the_limit(): void {
		$this->connect_with( implode( ',', Visitor::ALL_SCOPES ) );
		$this->visitor->lead( 'jane@example.com' );
		$this->visitor->lead( 'joe@example.com' );
		$this->visitor->lead( 'ann@example.com' );

		$run = $this->wp( array( 'conversations', 'list', '--leads', '--limit=2', '--format=csv' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		$lines = explode( "\n", trim( $run['stdout'] ) );
		self::assertSame( 'id,capturedAt,email,phone,conversationId,origin', $lines[0] );
		self::assertCount( 3, $lines );
		self::assertStringContainsString( ',jane@example.com,', $lines[1] );
		self::assertStringContainsString( ',joe@example.com,', $lines[2] );
		self::assertSame( '', $run['stderr'] );
	}

	public function test_without_the_permission_it_fails_naming_the_missing_scope(): void {
		$this->connect_with( 'read:widget,write:knowledge' );

		$run = $this->wp( array( 'conversations', 'list', '--format=json' ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertStringContainsString( '[insufficient_scope]', $run['stderr'] );
	}

	public function test_a_limit_out_of_range_is_refused(): void {
		$run = $this->wp( array( 'conversations', 'list', '--limit=0' ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertStringContainsString( '--limit must be a whole number from 1 to 1000.', $run['stderr'] );
	}
}
