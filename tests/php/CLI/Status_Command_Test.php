<?php
/**
 * Tests of `wp causerie status`.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Sandbox;

/**
 * One line, or the REST route's object, with the same exit codes as check.
 */
final class Status_Command_Test extends Command_TestCase {

	public function test_a_connected_site_is_one_line_of_pairs_and_exits_0(): void {
		$this->connect();
		$this->wp( array( 'check' ) );

		$run = $this->wp( array( 'status' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertMatchesRegularExpression(
			'/^state=connected diagnosis=- site=' . preg_quote( Wp_Cli::URL, '/' ) . ' token_expires_at=\S+\+00:00 next_refresh_at=\S+\+00:00 checked_at=\S+\+00:00 last_success_at=\S+\+00:00\n$/',
			$run['stdout']
		);
		self::assertSame( '', $run['stderr'] );
	}

	public function test_after_a_failed_check_the_state_is_broken_with_its_cause_and_exits_3(): void {
		$this->connect();
		Sandbox::break_secret();
		$this->wp( array( 'check' ) );

		$line = $this->wp( array( 'status' ) );
		$json = $this->wp( array( 'status', '--format=json' ) );

		self::assertSame( Exit_Code::BROKEN, $line['status'] );
		self::assertStringStartsWith( 'state=broken diagnosis=invalid_client ', $line['stdout'] );
		self::assertStringContainsString( ' message="Causerie does not accept', $line['stdout'] );
		self::assertSame( Exit_Code::BROKEN, $json['status'] );
		$status = self::json( $json );
		self::assertSame( 'broken', $status['state'] );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'invalid_client', $status['diagnosis']['code'] );
		self::assertNotEmpty( $status['diagnosis']['steps'] );
		self::assertSame( Wp_Cli::URL, $status['siteUrl'] );
	}

	public function test_a_site_not_set_up_needs_attention_and_exits_2(): void {
		$run = $this->wp( array( 'status', '--format=json' ) );

		self::assertSame( Exit_Code::ATTENTION, $run['status'] );
		$status = self::json( $run );
		self::assertSame( 'attention', $status['state'] );
		self::assertNull( $status['tokenExpiresAt'] );
		self::assertNull( $status['checkedAt'] );
	}
}
