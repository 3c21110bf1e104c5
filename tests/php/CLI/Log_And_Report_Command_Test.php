<?php
/**
 * Tests of `wp causerie log` and `wp causerie report`.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;

/**
 * The event log filtered and limited; the support report, which holds no secret and no token.
 */
final class Log_And_Report_Command_Test extends Command_TestCase {

	public function test_the_log_lists_recent_events_of_a_kind_newest_first(): void {
		// Saving proves the credentials with a token, which is kept; both refreshes renew it.
		$this->connect();
		$this->wp( array( 'token', 'refresh' ) );
		$this->wp( array( 'token', 'refresh' ) );

		$all      = self::json( $this->wp( array( 'log', '--format=json' ) ) );
		$settings = self::json( $this->wp( array( 'log', '--kind=settings', '--format=json' ) ) );
		$one      = self::json( $this->wp( array( 'log', '--limit=1', '--format=json', '--fields=kind,code' ) ) );

		self::assertSame( array( 'renewed', 'renewed', 'issued', 'saved' ), array_column( $all, 'code' ) );
		self::assertSame( array( 'settings' ), array_column( $settings, 'kind' ) );
		self::assertIsArray( $settings[0] );
		self::assertIsArray( $settings[0]['context'] );
		self::assertSame( array( 'clientId', 'apiUrl', 'clientSecret' ), $settings[0]['context']['fields'] );
		self::assertSame(
			array(
				array(
					'kind' => 'token',
					'code' => 'renewed',
				),
			),
			$one
		);
	}

	public function test_the_log_refuses_an_unknown_kind_or_a_limit_out_of_range(): void {
		foreach ( array( '--kind=everything', '--limit=0', '--limit=201', '--limit=ten' ) as $option ) {
			$run = $this->wp( array( 'log', $option ) );

			self::assertSame( Exit_Code::FAILED, $run['status'], $option );
			self::assertSame( '', $run['stdout'], $option );
			self::assertStringStartsWith( 'Error: --', $run['stderr'], $option );
		}
	}

	public function test_the_report_holds_no_secret_and_no_token(): void {
		$this->connect();
		$this->wp( array( 'check' ) );

		$text = $this->wp( array( 'report' ) );
		$json = $this->wp( array( 'report', '--format=json' ) );

		self::assertSame( Exit_Code::OK, $text['status'] );
		self::assertStringStartsWith( "Causerie Connector support report\n", $text['stdout'] );
		self::assertStringContainsString( 'Client id: wp-development', $text['stdout'] );
		self::assertStringContainsString( 'Token held: yes', $text['stdout'] );
		self::assertSame( Exit_Code::OK, $json['status'] );
		$report = self::json( $json );
		self::assertIsArray( $report['report'] );
		self::assertIsArray( $report['report']['accessGrant'] );
		self::assertTrue( $report['report']['accessGrant']['held'] );
		self::assertIsString( $report['text'] );
		self::assertStringStartsWith( "Causerie Connector support report\n", $report['text'] );
		foreach ( array( $text, $json ) as $run ) {
			self::assertStringNotContainsString( self::SECRET, $run['stdout'] );
			// Nor the hint the settings screen shows of it.
			self::assertStringNotContainsString( '••••', $run['stdout'] );
			self::assertNoToken( $run );
		}
	}
}
