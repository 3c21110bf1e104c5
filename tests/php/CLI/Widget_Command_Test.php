<?php
/**
 * Tests of `wp causerie widget`, against the sandbox, in real processes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Sandbox;

/**
 * The commands go through the same service as the screen: enable registers the WP-CLI site's origin at the
 * sandbox, disable removes it, status says what visitors get with the exit code a script can test.
 */
final class Widget_Command_Test extends Command_TestCase {

	/**
	 * The WP-CLI site's origin.
	 */
	private const ORIGIN = Wp_Cli::URL;

	/**
	 * The origins the sandbox holds for the development client.
	 *
	 * @return list<string>
	 */
	private static function origins(): array {
		$held = Sandbox::control( 'GET', '/conversations' );
		$all  = is_array( $held['origins'] ?? null ) ? $held['origins'] : array();
		return is_array( $all['wp-development'] ?? null ) ? array_values( array_filter( $all['wp-development'], 'is_string' ) ) : array();
	}

	public function test_enable_registers_the_origin_status_says_on_and_disable_removes_it(): void {
		$this->connect();

		$off = $this->wp( array( 'widget', 'status' ) );
		self::assertSame( Exit_Code::OK, $off['status'], $off['stderr'] );
		self::assertSame( "state=off problem=- placement=everywhere bot=- origin=- fetched_at=-\n", $off['stdout'] );

		$enable = $this->wp( array( 'widget', 'enable' ) );
		self::assertSame( Exit_Code::OK, $enable['status'], $enable['stderr'] );
		self::assertStringContainsString( 'Success: The chat widget is on.', $enable['stdout'] );
		self::assertSame( array( self::ORIGIN ), self::origins() );

		$status = $this->wp( array( 'widget', 'status', '--format=json' ) );
		self::assertSame( Exit_Code::OK, $status['status'], $status['stderr'] );
		$data = self::json( $status );
		self::assertSame( array( 'on', null, self::ORIGIN ), array( $data['state'], $data['problem'], $data['origin'] ) );
		self::assertIsString( $data['botId'] );
		self::assertMatchesRegularExpression( '/^bot_[0-9a-f]{20}$/', $data['botId'] );
		self::assertNoToken( $status );

		$disable = $this->wp( array( 'widget', 'disable' ) );
		self::assertSame( Exit_Code::OK, $disable['status'], $disable['stderr'] );
		self::assertStringContainsString( 'Success: The chat widget is off.', $disable['stdout'] );
		self::assertSame( array(), self::origins() );
		self::assertSame( 'off', self::json( $this->wp( array( 'widget', 'status', '--format=json' ) ) )['state'] );
	}

	public function test_enable_with_a_broken_connection_fails_with_the_diagnosis_and_leaves_the_widget_off(): void {
		$this->connect();
		Sandbox::break_secret();

		$enable = $this->wp( array( 'widget', 'enable' ) );

		self::assertSame( Exit_Code::FAILED, $enable['status'] );
		self::assertSame( '', $enable['stdout'] );
		self::assertStringContainsString( '[invalid_client]', $enable['stderr'] );
		self::assertSame( array(), self::origins() );
		self::assertSame( 'off', self::json( $this->wp( array( 'widget', 'status', '--format=json' ) ) )['state'] );
	}

	public function test_status_exits_3_with_the_diagnosis_when_a_broken_connection_hides_the_widget(): void {
		$this->connect();
		self::assertSame( Exit_Code::OK, $this->wp( array( 'widget', 'enable' ) )['status'] );
		Sandbox::break_secret();
		$this->wp( array( 'check' ) );

		$status = $this->wp( array( 'widget', 'status' ) );

		self::assertSame( Exit_Code::BROKEN, $status['status'] );
		self::assertStringStartsWith( 'state=hidden problem=invalid_client placement=everywhere bot=bot_', $status['stdout'] );
		self::assertStringContainsString( 'message="Causerie does not accept this client id and secret.', $status['stdout'] );
	}
}
