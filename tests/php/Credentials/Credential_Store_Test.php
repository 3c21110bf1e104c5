<?php
/**
 * Tests of the credential store.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Credentials;

use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Option_Storage;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\REST\Settings_Input;
use Causerie\Connector\Tests\TestCase;
use WP_Error;
use WP_REST_Request;

/**
 * Profiles per environment, overrides from wp-config.php or the environment, and a changed key.
 */
final class Credential_Store_Test extends TestCase {

	private const SECRET = 'stored-secret-value-9876';

	/**
	 * A store whose overrides come from the given constants and environment variables.
	 *
	 * @param array<string, string> $constants Constant name → value.
	 * @param array<string, string> $variables Variable name → value.
	 * @param string                $key       Key material.
	 */
	private function store( array $constants = array(), array $variables = array(), string $key = 'test-key' ): Credential_Store {
		return new Credential_Store(
			new Encryption( $key ),
			new Overrides(
				static fn( string $name ) => $constants[ $name ] ?? null,
				static fn( string $name ) => $variables[ $name ] ?? null
			)
		);
	}

	public function test_the_active_profile_follows_the_site_environment(): void {
		$store = $this->store();
		$store->save( 'local', array( 'clientId' => 'local-client' ) );
		$store->save( 'production', array( 'clientId' => 'production-client' ) );

		self::assertSame( wp_get_environment_type(), $store->active_environment() );
		self::assertSame( 'local-client', $store->credentials()->client_id );
		self::assertSame( 'production-client', $store->credentials( 'production' )->client_id );
	}

	public function test_scopes_default_to_what_the_plugin_needs(): void {
		self::assertSame( Scopes::REQUIRED, $this->store()->credentials()->scopes );
	}

	public function test_constants_override_environment_variables_which_override_stored_values(): void {
		$this->store()->save(
			'local',
			array(
				'clientId' => 'stored',
				'apiUrl'   => 'https://stored.example',
			)
		);

		$store       = $this->store(
			array( 'CAUSERIE_CLIENT_ID' => 'from-constant' ),
			array(
				'CAUSERIE_CLIENT_ID' => 'from-variable',
				'CAUSERIE_API_URL'   => 'https://variable.example',
				'CAUSERIE_SCOPES'    => 'read:widget, read:conversations',
			)
		);
		$credentials = $store->credentials();

		self::assertSame( 'from-constant', $credentials->client_id );
		self::assertSame( 'https://variable.example', $credentials->api_url );
		self::assertSame( array( 'read:widget', 'read:conversations' ), $credentials->scopes );
		self::assertSame(
			array(
				'clientId' => 'constant',
				'apiUrl'   => 'environment',
				'scopes'   => 'environment',
			),
			$credentials->locked
		);
	}

	public function test_an_environment_specific_override_applies_to_its_profile_only(): void {
		$store = $this->store( array( 'CAUSERIE_PRODUCTION_CLIENT_SECRET' => 'production-only-secret' ) );

		self::assertSame( 'production-only-secret', $store->credentials( 'production' )->secret );
		self::assertNull( $store->credentials( 'local' )->secret );
		self::assertSame( array( 'clientSecret' => 'constant' ), $store->credentials( 'production' )->locked );
	}

	public function test_a_locked_field_can_not_be_changed_through_the_rest_api(): void {
		$this->act_as( 'administrator' );
		$store   = $this->store( array( 'CAUSERIE_CLIENT_ID' => 'from-constant' ) );
		$input   = new Settings_Input( $store, new Api_Url_Policy() );
		$request = new WP_REST_Request( 'POST', '/causerie/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'clientId' => 'typed-in-admin' ) ) );

		$result = $input->changes( $request, 'local' );

		self::assertInstanceOf( WP_Error::class, $result );
		self::assertSame( 'causerie_field_locked', $result->get_error_code() );
		self::assertSame(
			array(
				'status' => 400,
				'field'  => 'clientId',
			),
			$result->get_error_data()
		);
		self::assertFalse( get_option( Credential_Store::OPTION ) );
	}

	public function test_a_changed_encryption_key_is_diagnosed_not_taken_for_a_missing_secret(): void {
		$this->store( key: 'old-key' )->save(
			'local',
			array(
				'clientId'     => 'wp-development',
				'clientSecret' => self::SECRET,
			)
		);

		$after_migration = $this->store( key: 'new-key' );
		$credentials     = $after_migration->credentials();
		$view            = $after_migration->public_view();

		self::assertNull( $credentials->secret );
		self::assertSame( Decryption_Failure::Key_Changed, $credentials->secret_failure );
		self::assertSame( 'key_changed', $view['secretStatus'] );
		self::assertFalse( $view['hasSecret'] );
		self::assertSame( 'wp-development', $view['clientId'] );
	}

	public function test_a_secret_copied_to_another_option_is_refused_and_diagnosed_as_copied(): void {
		$this->store()->save( 'local', array( 'clientSecret' => self::SECRET ) );
		update_option( 'causerie_connector_elsewhere', get_option( Credential_Store::OPTION ), false );

		$elsewhere   = new Credential_Store( new Encryption( 'test-key' ), new Overrides( static fn() => null, static fn() => null ), new Option_Storage( 'causerie_connector_elsewhere' ) );
		$credentials = $elsewhere->credentials( 'local' );

		self::assertNull( $credentials->secret );
		self::assertSame( Decryption_Failure::Copied, $credentials->secret_failure );
		self::assertSame( 'secret_copied', Decryption_Failure::diagnosis( $credentials->secret_failure ) );
		self::assertSame( 'copied', $elsewhere->public_view( 'local' )['secretStatus'] );
	}

	public function test_a_secret_copied_to_another_profile_is_refused(): void {
		$this->store()->save( 'local', array( 'clientSecret' => self::SECRET ) );
		$stored = get_option( Credential_Store::OPTION );
		self::assertIsArray( $stored );
		self::assertIsArray( $stored['local'] );
		$stored['production'] = array( 'secret' => $stored['local']['secret'] );
		update_option( Credential_Store::OPTION, $stored, false );

		self::assertSame( self::SECRET, $this->store()->credentials( 'local' )->secret );
		self::assertSame( Decryption_Failure::Copied, $this->store()->credentials( 'production' )->secret_failure );
	}

	public function test_a_secret_of_the_first_format_still_decrypts_and_is_written_again_bound_to_its_place(): void {
		$legacy = Encryption_Test::legacy_ciphertext( 'test-key', self::SECRET );
		update_option(
			Credential_Store::OPTION,
			array(
				'local' => array(
					'clientId' => 'wp-development',
					'secret'   => $legacy,
				),
			),
			false
		);

		self::assertSame( self::SECRET, $this->store()->credentials( 'local' )->secret );

		$rewritten = get_option( Credential_Store::OPTION );
		self::assertIsArray( $rewritten );
		$rewritten = $rewritten['local'];
		self::assertIsArray( $rewritten );
		self::assertIsString( $rewritten['secret'] );
		self::assertSame( 'wp-development', $rewritten['clientId'] );
		self::assertStringStartsWith( 'cc2:', $rewritten['secret'] );
		self::assertSame( self::SECRET, $this->store()->credentials( 'local' )->secret );
		update_option( 'causerie_connector_elsewhere', get_option( Credential_Store::OPTION ), false );
		$elsewhere = new Credential_Store( new Encryption( 'test-key' ), new Overrides( static fn() => null, static fn() => null ), new Option_Storage( 'causerie_connector_elsewhere' ) );
		self::assertSame( Decryption_Failure::Copied, $elsewhere->credentials( 'local' )->secret_failure, 'once migrated, the value is bound' );
	}

	public function test_saving_a_new_secret_after_a_key_change_recovers(): void {
		$this->store( key: 'old-key' )->save( 'local', array( 'clientSecret' => self::SECRET ) );

		$store = $this->store( key: 'new-key' );
		$store->save( 'local', array( 'clientSecret' => 'fresh-secret-value-5555' ) );

		self::assertSame( 'fresh-secret-value-5555', $store->credentials()->secret );
		self::assertSame( 'ok', $store->public_view()['secretStatus'] );
	}

	public function test_malformed_stored_data_is_ignored_field_by_field(): void {
		update_option(
			Credential_Store::OPTION,
			array(
				'local'   => array(
					'clientId' => array( 'not', 'a', 'string' ),
					'apiUrl'   => 'https://kept.example',
					'scopes'   => 'read:widget',
				),
				'bogus'   => array( 'clientId' => 'dropped' ),
				'staging' => 'not an array',
			),
			false
		);

		$credentials = $this->store()->credentials();

		self::assertSame( '', $credentials->client_id );
		self::assertSame( 'https://kept.example', $credentials->api_url );
		self::assertSame( Scopes::REQUIRED, $credentials->scopes );
	}

	public function test_the_secret_hint_is_a_fingerprint_that_shows_no_character_of_the_secret(): void {
		$store = $this->store();
		$store->save( 'local', array( 'clientSecret' => self::SECRET ) );
		$first = $store->public_view()['secretHint'];
		$store->save( 'local', array( 'clientSecret' => 'another-secret-value-1234' ) );
		$second = $store->public_view()['secretHint'];

		self::assertIsString( $first );
		self::assertIsString( $second );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{6}$/', $first );
		self::assertNotSame( $first, $second, 'two secrets are told apart' );
		self::assertStringNotContainsString( '9876', $first );
		self::assertStringNotContainsString( '1234', $second );
		self::assertSame( $second, $this->store()->public_view()['secretHint'], 'the same secret keeps its fingerprint' );
	}
}
