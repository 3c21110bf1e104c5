<?php
/**
 * Integration tests for GET /causerie/v1/report.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\REST\Report_Controller;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The support report holds what support needs, as data and text, for administrators only, and never a secret,
 * its hint or a token.
 */
final class Report_Controller_Test extends TestCase {

	private const ROUTE  = '/' . Report_Controller::NAMESPACE . '/' . Report_Controller::REST_BASE;
	private const SECRET = 'sandbox-development-secret';

	protected function tearDown(): void {
		putenv( 'CAUSERIE_API_URL' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- undoes the override a test set.
		parent::tearDown();
	}

	/**
	 * The route's answer for an administrator.
	 *
	 * @return array{generatedAt: string, report: array<string, mixed>, text: string}
	 */
	private function report(): array {
		$this->act_as( 'administrator' );
		$response = $this->dispatch( 'GET', self::ROUTE );
		self::assertSame( 200, $response->get_status() );
		self::assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertIsString( $data['generatedAt'] );
		self::assertIsArray( $data['report'] );
		self::assertIsString( $data['text'] );
		$report = array();
		foreach ( $data['report'] as $section => $content ) {
			$report[ (string) $section ] = $content;
		}
		return array(
			'generatedAt' => $data['generatedAt'],
			'report'      => $report,
			'text'        => $data['text'],
		);
	}

	/**
	 * One section of the report.
	 *
	 * @param array<string, mixed> $report  The report.
	 * @param string               $section Section name.
	 * @return array<mixed>
	 */
	private static function section( array $report, string $section ): array {
		self::assertArrayHasKey( $section, $report );
		self::assertIsArray( $report[ $section ] );
		return $report[ $section ];
	}

	/**
	 * Stores the sandbox's credentials and runs the live checks, which fetches a real token.
	 */
	private function connect_and_check(): void {
		Sandbox::reset();
		Sandbox::connect();
		$this->act_as( 'administrator' );
		self::assertSame( 200, $this->dispatch( 'POST', '/causerie/v1/checks' )->get_status() );
	}

	#[DataProvider( 'refused_roles' )]
	public function test_only_administrators_may_read_the_report( string $role, int $status ): void {
		Sandbox::connect();
		$this->act_as( $role );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		self::assertStringNotContainsString( 'wp-development', (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_a_connected_site_reports_every_section_as_data_and_text(): void {
		$this->connect_and_check();

		$answer = $this->report();
		$report = $answer['report'];

		self::assertSame( array( 'site', 'status', 'settings', 'server', 'accessGrant', 'liveChecks', 'binding', 'events' ), array_keys( $report ) );
		$site = self::section( $report, 'site' );
		self::assertSame( \Causerie\Connector\VERSION, $site['pluginVersion'] );
		self::assertSame( get_bloginfo( 'version' ), $site['wordpressVersion'] );
		self::assertSame( PHP_VERSION, $site['phpVersion'] );
		self::assertFalse( $site['multisite'] );
		self::assertSame( wp_get_environment_type(), $site['environmentType'] );
		self::assertSame( 'connected', self::section( $report, 'status' )['state'] );
		$settings = self::section( $report, 'settings' );
		self::assertSame( wp_get_environment_type(), $settings['activeProfile'] );
		self::assertSame( Sandbox::url(), $settings['apiUrl'] );
		self::assertSame( 'wp-development', $settings['clientId'] );
		self::assertSame( 'set', $settings['clientCredential'] );
		self::assertSame( array(), $settings['lockedFields'] );
		$grant  = self::section( $report, 'accessGrant' );
		$stored = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $stored );
		self::assertTrue( $grant['held'] );
		self::assertSame( gmdate( 'c', $stored->expires_at ), $grant['expiresAt'] );
		self::assertSame( $stored->scopes, $grant['scopes'] );
		$checks = self::section( $report, 'liveChecks' );
		self::assertIsArray( $checks['checks'] );
		self::assertSame( array( 'configured', 'site', 'reachable', 'clock', 'credentials', 'token', 'api', 'scopes', 'environment' ), array_column( $checks['checks'], 'id' ) );
		$binding = self::section( $report, 'binding' );
		self::assertFalse( $binding['moved'] );
		self::assertFalse( $binding['paused'] );
		self::assertContains( 'issued', array_column( self::section( $report, 'events' ), 'code' ) );

		foreach ( array( '## Site', 'Plugin version: ' . \Causerie\Connector\VERSION, 'State: connected', 'Diagnosis: none', 'Client secret: set', 'Expires at: ' . gmdate( 'c', $stored->expires_at ), '- token: ok', '## Recent events, newest first' ) as $line ) {
			self::assertStringContainsString( $line, $answer['text'] );
		}
	}

	public function test_an_unconfigured_site_reports_the_diagnosis_and_no_token(): void {
		$answer = $this->report();
		$report = $answer['report'];

		$status = self::section( $report, 'status' );
		self::assertIsArray( $status['diagnosis'] );
		self::assertSame( 'not_configured', $status['diagnosis']['code'] );
		self::assertSame( array( 'held' => false ), self::section( $report, 'accessGrant' ) );
		self::assertSame( 'missing', self::section( $report, 'settings' )['clientCredential'] );
		self::assertStringContainsString( 'Diagnosis: not_configured (info)', $answer['text'] );
		self::assertSame(
			array(
				'checkedAt' => null,
				'checks'    => array(),
			),
			self::section( $report, 'liveChecks' )
		);
		self::assertStringContainsString( 'Token held: no', $answer['text'] );
		self::assertStringContainsString( "## Last live checks\nNever run.", $answer['text'] );
	}

	public function test_fields_locked_outside_the_database_are_named_and_the_api_url_loses_its_credentials(): void {
		// An override from the environment, as a host's control panel sets it.
		putenv( 'CAUSERIE_API_URL=https://support:hunter2@api.example.test/base/?key=abc123#frag' );

		$answer = $this->report();
		$report = $answer['report'];

		$settings = self::section( $report, 'settings' );
		self::assertSame(
			array(
				array(
					'field'  => 'apiUrl',
					'source' => Overrides::SOURCE_ENVIRONMENT,
				),
			),
			$settings['lockedFields']
		);
		self::assertSame( 'https://api.example.test/base/', $settings['apiUrl'] );
		self::assertStringContainsString( 'Set in wp-config.php or the environment: apiUrl (environment)', $answer['text'] );
		foreach ( array( 'hunter2', 'abc123', 'support:' ) as $hidden ) {
			self::assertStringNotContainsString( $hidden, (string) wp_json_encode( $answer ) );
		}
	}

	public function test_neither_the_secret_its_hint_nor_a_token_appears_anywhere(): void {
		$this->connect_and_check();
		// Reading GET /token never gets one: the checks do, as any call to the API would.
		$this->dispatch( 'POST', '/causerie/v1/checks' );
		$stored = ( new Token_Store( new Encryption() ) )->get();
		self::assertNotNull( $stored );
		self::assertNotNull( $stored->refresh_token );
		// A careless event that carries the token must not bring it into the report.
		Event_Log::emit( 'api', 'token_invalid', array( 'detail' => 'sent Bearer ' . $stored->access_token ) );
		$hint = ( new Credential_Store( new Encryption(), new Overrides() ) )->public_view()['secretHint'];
		self::assertIsString( $hint );
		self::assertNotSame( '', $hint, 'a secret is saved, so it has a fingerprint' );

		$answer = $this->report();
		$data   = (string) wp_json_encode( $answer['report'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		$whole  = (string) wp_json_encode( $answer, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );

		self::assertTrue( self::section( $answer['report'], 'accessGrant' )['held'] );
		self::assertTrue( self::section( $answer['report'], 'accessGrant' )['refreshable'] );
		foreach ( array( self::SECRET, $hint, $stored->access_token, $stored->refresh_token ) as $needle ) {
			self::assertStringNotContainsString( $needle, $data );
			self::assertStringNotContainsString( $needle, $answer['text'] );
			self::assertStringNotContainsString( $needle, $whole );
		}
	}

	public function test_the_sections_the_report_shows_survive_redaction(): void {
		$this->connect_and_check();

		$report = $this->report()['report'];

		// The Redactor drops values under keys that name a token or a secret: none of the report's own may.
		self::assertStringNotContainsString( '[redacted]', (string) wp_json_encode( array_diff_key( $report, array( 'events' => 1 ) ) ) );
	}

	public function test_the_answer_matches_the_published_schema_and_the_route_is_read_only(): void {
		$this->act_as( 'administrator' );
		$options = $this->dispatch( 'OPTIONS', self::ROUTE )->get_data();
		self::assertIsArray( $options );
		$schema = $options['schema'];
		self::assertIsArray( $schema );

		$data = $this->dispatch( 'GET', self::ROUTE )->get_data();

		self::assertTrue( rest_validate_value_from_schema( $data, $schema ) );
		self::assertIsArray( $data );
		self::assertIsArray( $schema['properties'] );
		self::assertSame( array_keys( $schema['properties'] ), array_keys( $data ) );
		self::assertSame( 404, $this->dispatch( 'POST', self::ROUTE )->get_status() );
	}
}
