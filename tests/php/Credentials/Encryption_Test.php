<?php
/**
 * Tests of secret encryption.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Credentials;

use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Tests\TestCase;

/**
 * Secrets round-trip, never appear in clear, are bound to their place, and a changed key or a copied value
 * is told apart from corrupt data.
 */
final class Encryption_Test extends TestCase {

	private const SECRET  = 'sandbox-development-secret';
	private const CONTEXT = 'site:1|causerie_connector_credentials|production';

	/**
	 * A value in the first format (secretbox, bound to nothing), as versions before 2 wrote it.
	 *
	 * @param string $key_material Key material.
	 * @param string $plaintext    The value.
	 */
	public static function legacy_ciphertext( string $key_material, string $plaintext ): string {
		$key   = hash_hkdf( 'sha256', $key_material, SODIUM_CRYPTO_SECRETBOX_KEYBYTES, 'causerie-connector-secrets' );
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return 'cc1:' . substr( hash_hmac( 'sha256', 'causerie-key-fingerprint', $key ), 0, 16 ) . ':'
			. base64_encode( $nonce . sodium_crypto_secretbox( $plaintext, $nonce, $key ) );
	}

	public function test_a_secret_round_trips_and_never_appears_in_clear(): void {
		$encryption = new Encryption( 'key-one' );

		$first  = $encryption->encrypt( self::SECRET, self::CONTEXT );
		$second = $encryption->encrypt( self::SECRET, self::CONTEXT );

		self::assertSame( self::SECRET, $encryption->decrypt( $first, self::CONTEXT ) );
		self::assertNotSame( $first, $second, 'each encryption uses a fresh nonce' );
		self::assertStringStartsWith( 'cc2:', $first );
		self::assertStringNotContainsString( self::SECRET, $first );
		self::assertStringNotContainsString( base64_encode( self::SECRET ), $first );
	}

	public function test_a_changed_key_is_reported_as_such(): void {
		$stored = ( new Encryption( 'key-one' ) )->encrypt( self::SECRET, self::CONTEXT );

		self::assertSame( Decryption_Failure::Key_Changed, ( new Encryption( 'key-two' ) )->decrypt( $stored, self::CONTEXT ) );
		self::assertSame( Decryption_Failure::Key_Changed, ( new Encryption( 'key-two' ) )->decrypt( self::legacy_ciphertext( 'key-one', self::SECRET ), self::CONTEXT ) );
	}

	public function test_a_value_read_in_another_context_does_not_decrypt_and_is_reported_as_copied(): void {
		$encryption = new Encryption( 'key-one' );
		$stored     = $encryption->encrypt( self::SECRET, self::CONTEXT );

		self::assertSame( Decryption_Failure::Copied, $encryption->decrypt( $stored, 'site:2|causerie_connector_credentials|production' ) );
		self::assertSame( Decryption_Failure::Copied, $encryption->decrypt( $stored, 'site:1|causerie_connector_token' ) );
	}

	public function test_a_context_fingerprint_rewritten_to_match_still_does_not_decrypt(): void {
		$encryption = new Encryption( 'key-one' );
		$stored     = explode( ':', $encryption->encrypt( self::SECRET, self::CONTEXT ), 4 );
		$elsewhere  = explode( ':', $encryption->encrypt( 'other', 'site:2|x' ), 4 );

		// The fingerprint only names the context; the associated data is what refuses the value.
		$forged = implode( ':', array( $stored[0], $stored[1], $elsewhere[2], $stored[3] ) );

		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( $forged, 'site:2|x' ) );
	}

	public function test_a_value_of_the_first_format_still_decrypts_and_is_told_apart(): void {
		$legacy = self::legacy_ciphertext( 'key-one', self::SECRET );

		self::assertTrue( Encryption::is_legacy( $legacy ) );
		self::assertFalse( Encryption::is_legacy( ( new Encryption( 'key-one' ) )->encrypt( self::SECRET, self::CONTEXT ) ) );
		self::assertSame( self::SECRET, ( new Encryption( 'key-one' ) )->decrypt( $legacy, self::CONTEXT ) );
	}

	public function test_tampered_or_foreign_data_is_reported_as_corrupt(): void {
		$encryption = new Encryption( 'key-one' );
		$stored     = $encryption->encrypt( self::SECRET, self::CONTEXT );
		$tampered   = substr( $stored, 0, -4 ) . ( str_ends_with( $stored, 'AAAA' ) ? 'BBBB' : 'AAAA' );
		$legacy     = self::legacy_ciphertext( 'key-one', self::SECRET );

		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( $tampered, self::CONTEXT ) );
		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( self::SECRET, self::CONTEXT ) );
		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( 'cc1:' . $encryption->fingerprint() . ':%%%', self::CONTEXT ) );
		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( substr( $legacy, 0, -4 ) . ( str_ends_with( $legacy, 'AAAA' ) ? 'BBBB' : 'AAAA' ), self::CONTEXT ) );
	}

	public function test_without_a_configured_key_the_wordpress_salts_are_used(): void {
		$from_salts = new Encryption( wp_salt( 'auth' ) . wp_salt( 'secure_auth' ) );

		self::assertSame( $from_salts->fingerprint(), ( new Encryption() )->fingerprint() );
		self::assertSame( self::SECRET, ( new Encryption() )->decrypt( $from_salts->encrypt( self::SECRET, self::CONTEXT ), self::CONTEXT ) );
	}
}
