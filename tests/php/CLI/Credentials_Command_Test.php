<?php
/**
 * Tests of `wp causerie credentials set`.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Listener;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The secret comes from STDIN or the environment, never an argument; credentials are saved only once the
 * API accepted them, and refused ones leave the stored ones alone.
 */
final class Credentials_Command_Test extends Command_TestCase {

	/**
	 * The saved settings, as the support report shows them.
	 *
	 * @return array<mixed>
	 */
	private function settings(): array {
		$report = self::json( $this->wp( array( 'report', '--format=json' ) ) );
		self::assertIsArray( $report['report'] );
		self::assertIsArray( $report['report']['settings'] );
		return $report['report']['settings'];
	}

	/**
	 * Checks that the development client is still the one saved, and still works.
	 */
	private function assert_still_connected(): void {
		$settings = $this->settings();
		self::assertSame( 'wp-development', $settings['clientId'] );
		self::assertSame( 'set', $settings['clientCredential'] );
		self::assertSame( Exit_Code::OK, $this->wp( array( 'check' ) )['status'] );
	}

	public function test_a_secret_piped_in_is_verified_and_saved(): void {
		$run = $this->wp( array( 'credentials', 'set', '--client-id=wp-development', '--api-url=' . Sandbox::url(), '--secret-stdin' ), self::SECRET . "\n" );

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertSame( "Success: The credentials of the local profile were accepted by the API and saved.\n", $run['stdout'] );
		self::assertSame( '', $run['stderr'] );
		$this->assert_still_connected();
		$saved = self::json( $this->wp( array( 'log', '--kind=settings', '--limit=1', '--format=json' ) ) );
		self::assertIsArray( $saved[0] );
		self::assertSame( 'saved', $saved[0]['code'] );
	}

	public function test_credentials_set_from_the_command_line_skip_the_guided_first_run(): void {
		$before = $this->first_run();

		$this->connect();

		self::assertSame( array( 'needed' => true ), $before );
		self::assertSame( array( 'needed' => false ), $this->first_run() );
	}

	/**
	 * What GET /causerie/v1/setup answers an administrator of the WP-CLI site.
	 *
	 * @return array<mixed>
	 */
	private function first_run(): array {
		$run = Wp_Cli::fixture( array( 'setup' ) );
		self::assertSame( 0, $run['status'], $run['stderr'] );
		return self::json( $run );
	}

	public function test_a_secret_from_an_environment_variable_is_verified_and_saved(): void {
		$run = $this->wp(
			array( 'credentials', 'set', '--client-id=wp-development', '--api-url=' . Sandbox::url(), '--secret-env=CAUSERIE_TEST_SECRET', '--format=json' ),
			'',
			array( 'CAUSERIE_TEST_SECRET' => self::SECRET )
		);

		self::assertSame( Exit_Code::OK, $run['status'], $run['stderr'] );
		self::assertStringNotContainsString( self::SECRET, $run['stdout'] );
		$profile = self::json( $run );
		self::assertSame( 'wp-development', $profile['clientId'] );
		self::assertTrue( $profile['hasSecret'] );
		self::assertSame( 'ok', $profile['secretStatus'] );
		$this->assert_still_connected();
	}

	/**
	 * Ways of passing a secret on the command line.
	 *
	 * @return array<string, array{list<string>}>
	 */
	public static function secret_arguments(): array {
		return array(
			'--secret'              => array( array( '--client-id=wp-staging', '--secret=sandbox-staging-secret' ) ),
			'a positional argument' => array( array( '--client-id=wp-staging', 'sandbox-staging-secret' ) ),
			'--secret-stdin=value'  => array( array( '--client-id=wp-staging', '--secret-stdin=sandbox-staging-secret' ) ),
		);
	}

	/**
	 * A secret given as an argument is refused, not echoed, and nothing changes.
	 *
	 * @param string[] $args Arguments after `credentials set`.
	 *
	 * @phpstan-param list<string> $args
	 */
	#[DataProvider( 'secret_arguments' )]
	public function test_a_secret_given_as_an_argument_is_refused( array $args ): void {
		$this->connect();

		$run = $this->wp( array_merge( array( 'credentials', 'set' ), $args ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertStringStartsWith( 'Error: ', $run['stderr'] );
		self::assertStringContainsString( '--secret-stdin', $run['stderr'] );
		self::assertStringNotContainsString( 'sandbox-staging-secret', $run['stderr'] );
		$this->assert_still_connected();
	}

	/**
	 * Input the settings route refuses, and the code it refuses it with.
	 *
	 * @return array<string, array{list<string>, string, string}>
	 */
	public static function refused_credentials(): array {
		return array(
			'a wrong secret'         => array( array( '--client-id=wp-staging', '--secret-stdin' ), "not-the-staging-secret\n", 'secret_mismatch' ),
			'a secret too short'     => array( array( '--secret-stdin' ), "short\n", 'rest_invalid_param' ),
			'an insecure API URL'    => array( array( '--api-url=http://api.example.org' ), '', 'causerie_url_insecure' ),
			'an unknown profile'     => array( array( '--environment=moon', '--client-id=wp-staging' ), '', 'rest_invalid_param' ),
			'nothing to change'      => array( array(), '', 'causerie_nothing_to_save' ),
			'an empty STDIN'         => array( array( '--secret-stdin' ), "\n", '' ),
			'an unset variable'      => array( array( '--secret-env=CAUSERIE_UNSET_VARIABLE' ), '', '' ),
			'both sources of secret' => array( array( '--secret-stdin', '--secret-env=HOME' ), self::SECRET, '' ),
		);
	}

	/**
	 * Refused credentials exit 1 with the reason, and the stored ones stay and still work.
	 *
	 * @param string[] $args  Arguments after `credentials set`.
	 * @param string   $stdin What is piped in.
	 * @param string   $code  The error code named on STDERR, if any.
	 *
	 * @phpstan-param list<string> $args
	 */
	#[DataProvider( 'refused_credentials' )]
	public function test_refused_credentials_keep_the_stored_ones( array $args, string $stdin, string $code ): void {
		$this->connect();

		$run = $this->wp( array_merge( array( 'credentials', 'set' ), $args ), $stdin );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertStringStartsWith( 'Error: ', $run['stderr'] );
		if ( '' !== $code ) {
			self::assertStringEndsWith( '[' . $code . "]\n", $run['stderr'] );
		}
		$this->assert_still_connected();
	}

	public function test_another_api_address_without_the_secret_is_refused_and_the_listener_gets_nothing(): void {
		$this->connect();
		$listener = Listener::url();

		$run = $this->wp( array( 'credentials', 'set', '--api-url=' . $listener ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertSame( '', $run['stdout'] );
		self::assertSame( "Error: clientSecret: Enter the client secret again to use it with the new address. [causerie_secret_required]\n", $run['stderr'] );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
		self::assertSame( 0, Listener::count() );
		$this->assert_still_connected();
	}

	public function test_a_secret_set_in_the_environment_is_not_sent_to_an_address_set_here(): void {
		$this->connect();
		$listener = Listener::url();

		$run = $this->wp( array( 'credentials', 'set', '--api-url=' . $listener ), '', array( 'CAUSERIE_CLIENT_SECRET' => self::SECRET ) );

		self::assertSame( Exit_Code::FAILED, $run['status'] );
		self::assertStringContainsString( 'CAUSERIE_API_URL', $run['stderr'] );
		self::assertStringEndsWith( "[causerie_secret_locked]\n", $run['stderr'] );
		self::assertSame( array(), Listener::received( self::SECRET ), 'the secret reached the listener' );
		$this->assert_still_connected();
	}
}
