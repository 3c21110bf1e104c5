<?php
/**
 * Tests of `wp causerie token inspect`, `token refresh` and `regenerate`.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Sandbox;

/**
 * The token's claims and time left, never the token; renewal and regeneration, or a diagnosis and exit 1.
 */
final class Token_Command_Test extends Command_TestCase {

	/**
	 * The decoded token in use, as `token inspect --format=json` shows it.
	 *
	 * @return array<mixed>
	 */
	private function inspect(): array {
		$run = $this->wp( array( 'token', 'inspect', '--format=json' ) );
		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertNoToken( $run );
		return self::json( $run );
	}

	/**
	 * The token id (jti) of the token in use.
	 */
	private function token_id(): string {
		$claims = $this->inspect()['claims'];
		self::assertIsArray( $claims );
		self::assertIsString( $claims['jti'] );
		return $claims['jti'];
	}

	public function test_inspect_shows_the_claims_and_time_left_but_never_the_token(): void {
		$this->connect();

		$token = $this->inspect();
		$table = $this->wp( array( 'token', 'inspect' ) );
		$yaml  = $this->wp( array( 'token', 'inspect', '--format=yaml' ) );

		self::assertIsArray( $token['claims'] );
		self::assertSame( 'wp-development', $token['claims']['client_id'] );
		self::assertSame( Sandbox::url(), $token['claims']['iss'] );
		self::assertIsArray( $token['header'] );
		self::assertSame( 'at+jwt', $token['header']['typ'] );
		self::assertIsInt( $token['secondsLeft'] );
		self::assertGreaterThan( 3000, $token['secondsLeft'] );
		self::assertLessThanOrEqual( 3600, $token['secondsLeft'] );
		self::assertSame( 'local', $token['environment'] );
		self::assertArrayNotHasKey( 'token', $token );
		foreach ( array( $table, $yaml ) as $run ) {
			self::assertSame( Exit_Code::OK, $run['status'] );
			self::assertNoToken( $run );
			self::assertStringContainsString( 'secondsLeft', $run['stdout'] );
			self::assertStringContainsString( 'wp-development', $run['stdout'] );
		}
	}

	public function test_inspect_without_credentials_fails_with_the_diagnosis(): void {
		$run = $this->wp( array( 'token', 'inspect', '--format=json' ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertSame( "Error: The connection is not set up yet. [not_configured]\n", $run['stderr'] );
	}

	public function test_refresh_puts_a_new_token_in_use(): void {
		$this->connect();
		$before = $this->token_id();

		$run = $this->wp( array( 'token', 'refresh' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertStringStartsWith( 'Success: A new token is in use until ', $run['stdout'] );
		self::assertNoToken( $run );
		self::assertNotSame( $before, $this->token_id() );
	}

	public function test_refresh_refused_exits_1_and_keeps_the_token(): void {
		$this->connect();
		$before = $this->token_id();
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'new-secret-value' ) );

		$run = $this->wp( array( 'token', 'refresh', '--format=json' ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertStringEndsWith( "[invalid_client]\n", $run['stderr'] );
		self::assertSame( $before, $this->token_id() );
	}

	public function test_regenerate_swaps_in_a_new_token_and_revokes_the_old_one(): void {
		$this->connect();
		$before = $this->token_id();

		$run = $this->wp( array( 'regenerate', '--format=json' ) );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertNoToken( $run );
		$outcome = self::json( $run );
		self::assertTrue( $outcome['replaced'] );
		self::assertTrue( $outcome['previousRevoked'] );
		self::assertSame( array( 'read:widget', 'write:knowledge' ), $outcome['scopes'] );
		self::assertNotSame( $before, $this->token_id() );
		$log = self::json( $this->wp( array( 'log', '--kind=token', '--limit=1', '--format=json' ) ) );
		self::assertIsArray( $log[0] );
		self::assertSame( 'regenerated', $log[0]['code'] );
	}

	public function test_a_refused_regeneration_exits_1_and_leaves_the_old_token_in_place(): void {
		$this->connect();
		$before = $this->token_id();
		Sandbox::control( 'POST', '/clients/wp-development/secret', array( 'secret' => 'new-secret-value' ) );

		$run = $this->wp( array( 'regenerate' ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertSame( "Error: Causerie does not accept this client id and secret. The secret may have been regenerated. [invalid_client]\n", $run['stderr'] );
		self::assertSame( $before, $this->token_id() );
	}
}
