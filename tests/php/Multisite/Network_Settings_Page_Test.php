<?php
/**
 * Tests of Network Admin → Settings → Causerie.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Admin\Network_Settings_Page;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Tests\Sandbox;

/**
 * The form is shown to network administrators only, never holds the secret, escapes what it prints, and
 * saves through the network route: checked nonce and capability, verification first, one notice after.
 */
final class Network_Settings_Page_Test extends Network_TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		// wp_die() and redirects end the request; here they end the call, with what they would have done.
		add_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		add_filter( 'wp_redirect', array( $this, 'stop_at_redirect' ) );
		$_POST    = array();
		$_REQUEST = array();
	}

	protected function tearDown(): void {
		remove_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		remove_filter( 'wp_redirect', array( $this, 'stop_at_redirect' ) );
		$_POST    = array();
		$_REQUEST = array();
		$_GET     = array();
		parent::tearDown();
	}

	/**
	 * A wp_die() handler that throws instead of exiting.
	 */
	public function die_handler(): \Closure {
		return static function ( $message, $title = '', $args = array() ): void {
			$status = is_array( $args ) && isset( $args['response'] ) && is_int( $args['response'] ) ? $args['response'] : 500;
			throw new \RuntimeException( 'died: ' . ( is_string( $message ) ? $message : '' ), $status ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- a test double.
		};
	}

	/**
	 * Stops at a redirect, before headers are sent, with its location.
	 *
	 * @param string $location Where the redirect goes.
	 * @throws \RuntimeException Always.
	 */
	public function stop_at_redirect( $location ): string {
		throw new \RuntimeException( 'redirect: ' . $location ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- a test double.
	}

	/**
	 * The network's store.
	 */
	private function network_store(): Credential_Store {
		return new Credential_Store( new Encryption(), new Overrides(), Credential_Store::network_storage() );
	}

	/**
	 * The screen's HTML.
	 */
	private function render(): string {
		ob_start();
		try {
			( new Network_Settings_Page( $this->network_store() ) )->render();
		} finally {
			$html = (string) ob_get_clean();
		}
		return $html;
	}

	/**
	 * Submits the form as WordPress would hand it to the network admin's edit.php, and returns how the
	 * request ended.
	 *
	 * @param array<string, mixed> $fields Posted fields.
	 * @param string|null          $nonce  The nonce sent; a valid one by default.
	 */
	private function submit( array $fields, ?string $nonce = null ): \RuntimeException {
		$_POST    = $fields + array(
			'environment' => 'local',
			'_wpnonce'    => $nonce ?? wp_create_nonce( Network_Settings_Page::NONCE_ACTION ),
		);
		$_REQUEST = $_POST; // phpcs:ignore WordPress.Security.NonceVerification.Missing -- the nonce is what the handler checks.
		try {
			do_action( 'network_admin_edit_' . Network_Settings_Page::ACTION );
		} catch ( \RuntimeException $ended ) {
			return $ended;
		}
		self::fail( 'The form handler neither redirected nor stopped.' );
	}

	/**
	 * The notice the next page load shows the current user.
	 *
	 * @return array<mixed>
	 */
	private function notice(): array {
		$notice = get_site_transient( Network_Settings_Page::NOTICE . get_current_user_id() );
		self::assertIsArray( $notice );
		return $notice;
	}

	public function test_the_screen_is_under_the_network_settings_menu_for_network_administrators(): void {
		$this->act_as_super_admin();

		do_action( 'network_admin_menu' );

		$submenu = $GLOBALS['submenu'] ?? null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- read, not written.
		self::assertIsArray( $submenu );
		self::assertIsArray( $submenu['settings.php'] ?? null );
		self::assertContains( Network_Settings_Page::SLUG, array_column( $submenu['settings.php'], 2 ) );
		self::assertSame( 'manage_network_options', array_column( $submenu['settings.php'], 1, 2 )[ Network_Settings_Page::SLUG ] );
	}

	public function test_valid_credentials_are_verified_saved_and_announced_once(): void {
		$this->act_as_super_admin();

		$ended = $this->submit(
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => self::SECRET,
				'apiUrl'       => Sandbox::url(),
				'scopes'       => array( 'read:widget', 'write:knowledge' ),
			)
		);

		self::assertSame( 'redirect: ' . network_admin_url( 'settings.php?page=causerie-connector&environment=local' ), $ended->getMessage() );
		self::assertSame( 'success', $this->notice()['type'] );
		$credentials = $this->network_store()->credentials( 'local' );
		self::assertSame( 'wp-development', $credentials->client_id );
		self::assertSame( self::SECRET, $credentials->secret );
		$html = $this->render();
		self::assertStringContainsString( 'notice-success', $html );
		self::assertMatchesRegularExpression( '/A secret is saved \(fingerprint [0-9a-f]{6}\)/', $html );
		self::assertStringNotContainsString( 'cret)', $html, 'no character of the secret' );
		self::assertStringNotContainsString( self::SECRET, $html );
		self::assertStringNotContainsString( 'notice-success', $this->render(), 'The notice shows once.' );
	}

	public function test_credentials_the_api_refuses_are_not_saved_and_the_notice_says_why(): void {
		$this->act_as_super_admin();

		$this->submit(
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => 'not-the-right-secret',
				'apiUrl'       => Sandbox::url(),
				'scopes'       => array( 'read:widget' ),
			)
		);

		$notice = $this->notice();
		self::assertSame( 'error', $notice['type'] );
		self::assertIsString( $notice['message'] );
		self::assertStringContainsString( 'Nothing was saved.', $notice['message'] );
		self::assertStringNotContainsString( 'not-the-right-secret', $notice['message'] );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
		self::assertStringContainsString( 'role="alert"', $this->render() );
	}

	public function test_no_scope_ticked_is_refused_by_the_route(): void {
		$this->act_as_super_admin();

		$this->submit( array( 'clientId' => 'wp-development' ) );

		self::assertSame( 'error', $this->notice()['type'] );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_a_site_administrator_is_refused_and_nothing_is_saved(): void {
		$this->act_as( 'administrator' );

		$ended = $this->submit( array( 'clientId' => 'wp-development' ) );

		self::assertSame( 403, $ended->getCode() );
		self::assertStringStartsWith( 'died: ', $ended->getMessage() );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
		self::assertSame( '', $this->render() );
	}

	public function test_a_form_without_a_valid_nonce_is_refused_and_nothing_is_saved(): void {
		$this->act_as_super_admin();

		$ended = $this->submit(
			array(
				'clientId' => 'wp-development',
				'scopes'   => array( 'read:widget' ),
			),
			'not-a-nonce'
		);

		self::assertStringStartsWith( 'died: ', $ended->getMessage() );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_stored_values_are_escaped_and_the_chosen_profile_is_shown(): void {
		$this->act_as_super_admin();
		$this->network_store()->save( 'staging', array( 'clientId' => '"><script>alert(1)</script>' ) );
		$_GET['environment'] = 'staging';

		$html = $this->render();

		self::assertStringNotContainsString( '<script>', $html );
		self::assertStringContainsString( 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"', $html );
		self::assertStringContainsString( '<option value="staging" selected=\'selected\'>', $html );
		self::assertStringContainsString( 'name="environment" value="staging"', $html );
		self::assertStringContainsString( 'name="_wpnonce"', $html );
	}
}
