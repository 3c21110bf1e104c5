<?php
/**
 * Integration tests of the plugin's section of Site Health's Info tab.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Health;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Health\Debug_Information;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The section says what support needs (version, settings, locks, token schedule and scopes, last success and
 * diagnosis, WP-Cron), never a secret or a token, and keeps the API address and client id out of copies.
 */
final class Debug_Information_Test extends TestCase {

	private const SECRET = 'sandbox-development-secret';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		( new Token_Store( new Encryption() ) )->clear();
		require_once ABSPATH . 'wp-admin/includes/class-wp-debug-data.php'; // @phpstan-ignore requireOnce.fileNotFound
	}

	protected function tearDown(): void {
		putenv( 'CAUSERIE_API_URL' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- undoes the override a test set.
		parent::tearDown();
	}

	/**
	 * Every section, as the Info tab gets them.
	 *
	 * @return array<mixed>
	 */
	private static function info(): array {
		$info = apply_filters( 'debug_information', array() );
		self::assertIsArray( $info );
		return $info;
	}

	/**
	 * The plugin's fields.
	 *
	 * @return array<string, array<mixed>>
	 */
	private static function fields(): array {
		$section = self::info()[ Debug_Information::SECTION ] ?? null;
		self::assertIsArray( $section );
		self::assertSame( 'Causerie Connector', $section['label'] );
		self::assertIsArray( $section['fields'] );
		$fields = array();
		foreach ( $section['fields'] as $name => $field ) {
			self::assertIsArray( $field );
			self::assertIsString( $field['label'] );
			self::assertIsString( $field['value'] );
			$fields[ (string) $name ] = $field;
		}
		return $fields;
	}

	/**
	 * What a field gives "Copy site info to clipboard".
	 *
	 * @param array<string, array<mixed>> $fields Fields.
	 * @param string                      $name   Field name.
	 */
	private static function debug( array $fields, string $name ): mixed {
		self::assertArrayHasKey( $name, $fields );
		return $fields[ $name ]['debug'] ?? $fields[ $name ]['value'];
	}

	/**
	 * Stores the sandbox's credentials and runs the live checks, which fetches a real token.
	 */
	private function connect_and_check(): void {
		Sandbox::connect();
		$this->act_as( 'administrator' );
		self::assertSame( 200, $this->dispatch( 'POST', '/causerie/v1/checks' )->get_status() );
	}

	public function test_a_connected_site_reports_its_settings_token_schedule_and_last_success(): void {
		$this->connect_and_check();
		$token = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $token );

		$fields = self::fields();

		self::assertSame( \Causerie\Connector\VERSION, self::debug( $fields, 'version' ) );
		self::assertSame( Sandbox::url(), $fields['api_url']['value'] );
		self::assertSame( 'wp-development', $fields['client_id']['value'] );
		self::assertSame( 'ok', self::debug( $fields, 'client_secret' ) );
		self::assertSame( wp_get_environment_type(), self::debug( $fields, 'environment' ) );
		self::assertSame( 'Credentials used when this site runs as', $fields['environment']['label'], 'the screen\'s words, not "Environment profile"' );
		self::assertSame( 'none', self::debug( $fields, 'locked_fields' ) );
		self::assertSame( gmdate( 'c', $token->expires_at ), self::debug( $fields, 'token_expires' ) );
		self::assertSame( gmdate( 'c', $token->renew_at() ), self::debug( $fields, 'token_renews' ) );
		self::assertSame( implode( ' ', $token->scopes ), self::debug( $fields, 'token_scopes' ) );
		self::assertSame( 'connected', self::debug( $fields, 'state' ) );
		self::assertSame( 'none', self::debug( $fields, 'diagnosis' ) );
		$health = get_option( 'causerie_connector_health' );
		self::assertIsArray( $health );
		self::assertIsString( $health['lastSuccessAt'] );
		self::assertSame( gmdate( 'c', (int) strtotime( $health['lastSuccessAt'] ) ), self::debug( $fields, 'last_success' ) );
		self::assertSame( self::debug( $fields, 'last_check' ), self::debug( $fields, 'last_success' ) );
	}

	public function test_an_unconfigured_site_says_what_is_missing(): void {
		$fields = self::fields();

		self::assertSame( 'missing', self::debug( $fields, 'client_secret' ) );
		self::assertSame( 'Not set', $fields['api_url']['value'] );
		self::assertSame( 'No token held', $fields['token_expires']['value'] );
		self::assertSame( 'none', self::debug( $fields, 'token_expires' ) );
		self::assertSame( 'not_configured', self::debug( $fields, 'diagnosis' ) );
		self::assertSame( 'Never', $fields['last_success']['value'] );
	}

	public function test_the_last_diagnosis_names_a_failed_check(): void {
		Sandbox::control( 'PATCH', '/clients/wp-development', array( 'environment' => 'production' ) );
		$this->connect_and_check();

		$fields = self::fields();

		self::assertSame( 'broken', self::debug( $fields, 'state' ) );
		self::assertSame( 'environment_mismatch', self::debug( $fields, 'diagnosis' ) );
		self::assertIsString( $fields['diagnosis']['value'] );
		self::assertStringContainsString( '(environment_mismatch)', $fields['diagnosis']['value'] );
	}

	public function test_fields_set_outside_the_database_are_listed_as_locked(): void {
		putenv( 'CAUSERIE_API_URL=' . Sandbox::url() ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- an override from the environment, as a host sets it.

		$fields = self::fields();

		self::assertSame( 'apiUrl:environment', self::debug( $fields, 'locked_fields' ) );
		self::assertSame( 'API address (environment variable)', $fields['locked_fields']['value'] );
	}

	public function test_wp_cron_is_reported_scheduled_missing_or_overdue(): void {
		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		self::assertSame( 'not scheduled', self::debug( self::fields(), 'wp_cron' ) );

		$next = time() + 120;
		wp_schedule_event( $next, Token_Refresh::INTERVAL, Token_Refresh::HOOK );
		self::assertSame( 'next ' . gmdate( 'c', $next ), self::debug( self::fields(), 'wp_cron' ) );

		wp_clear_scheduled_hook( Token_Refresh::HOOK );
		$missed = time() - 3600;
		wp_schedule_event( $missed, Token_Refresh::INTERVAL, Token_Refresh::HOOK );
		$fields = self::fields();
		self::assertSame( 'overdue since ' . gmdate( 'c', $missed ), self::debug( $fields, 'wp_cron' ) );
		self::assertIsString( $fields['wp_cron']['value'] );
		self::assertStringContainsString( 'WP-Cron does not seem to run', $fields['wp_cron']['value'] );
	}

	public function test_no_secret_or_token_appears_and_copies_leave_out_the_private_fields(): void {
		$this->connect_and_check();
		$token = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $token );
		$info = self::info();

		$shown  = (string) wp_json_encode( $info[ Debug_Information::SECTION ] ?? null );
		$copies = \WP_Debug_Data::format( $info, 'info' ) . \WP_Debug_Data::format( $info, 'debug' );

		$secrets = array_filter( array( self::SECRET, $token->access_token, (string) $token->refresh_token, '••••', 'cc1:', 'cc2:' ), static fn( string $text ): bool => '' !== $text );
		foreach ( $secrets as $secret ) {
			self::assertStringNotContainsString( $secret, $shown );
			self::assertStringNotContainsString( $secret, $copies );
		}
		self::assertStringContainsString( '### causerie-connector ###', $copies );
		self::assertStringNotContainsString( Sandbox::url(), $copies );
		self::assertStringNotContainsString( 'wp-development', $copies );
	}
}
