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
 * Secrets round-trip, never appear in clear, and a changed key is told apart from corrupt data.
 */
final class Encryption_Test extends TestCase {

	private const SECRET = 'sandbox-development-secret';

	public function test_a_secret_round_trips_and_never_appears_in_clear(): void {
		$encryption = new Encryption( 'key-one' );

		$first  = $encryption->encrypt( self::SECRET );
		$second = $encryption->encrypt( self::SECRET );

		self::assertSame( self::SECRET, $encryption->decrypt( $first ) );
		self::assertNotSame( $first, $second, 'each encryption uses a fresh nonce' );
		self::assertStringNotContainsString( self::SECRET, $first );
		self::assertStringNotContainsString( base64_encode( self::SECRET ), $first );
	}

	public function test_a_changed_key_is_reported_as_such(): void {
		$stored = ( new Encryption( 'key-one' ) )->encrypt( self::SECRET );

		self::assertSame( Decryption_Failure::Key_Changed, ( new Encryption( 'key-two' ) )->decrypt( $stored ) );
	}

	public function test_tampered_or_foreign_data_is_reported_as_corrupt(): void {
		$encryption = new Encryption( 'key-one' );
		$stored     = $encryption->encrypt( self::SECRET );
		$tampered   = substr( $stored, 0, -4 ) . ( str_ends_with( $stored, 'AAAA' ) ? 'BBBB' : 'AAAA' );

		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( $tampered ) );
		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( self::SECRET ) );
		self::assertSame( Decryption_Failure::Corrupt, $encryption->decrypt( 'cc1:' . $encryption->fingerprint() . ':%%%' ) );
	}

	public function test_without_a_configured_key_the_wordpress_salts_are_used(): void {
		$from_salts = new Encryption( wp_salt( 'auth' ) . wp_salt( 'secure_auth' ) );

		self::assertSame( $from_salts->fingerprint(), ( new Encryption() )->fingerprint() );
		self::assertSame( self::SECRET, ( new Encryption() )->decrypt( $from_salts->encrypt( self::SECRET ) ) );
	}
}
