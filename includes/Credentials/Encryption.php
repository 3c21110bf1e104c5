<?php
/**
 * Encryption of secrets at rest.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Encrypts with libsodium's secretbox (XSalsa20-Poly1305). The key comes from the CAUSERIE_ENCRYPTION_KEY
 * constant, else it is derived from WordPress's salts. A fingerprint of the key travels with the data, so a
 * changed key (salts rotated, site migrated) is recognised as such instead of looking like corrupt data.
 */
final class Encryption {

	/**
	 * Prefix of every ciphertext this class writes: format version 1.
	 */
	private const PREFIX = 'cc1:';

	/**
	 * Constructor.
	 *
	 * @param string $key_material Secret material the key is derived from; empty to read the configuration.
	 */
	public function __construct( private readonly string $key_material = '' ) {}

	/**
	 * Encrypts a plaintext.
	 *
	 * @param string $plaintext The value to protect.
	 * @return string "cc1:<fingerprint>:<base64 nonce+ciphertext>".
	 */
	public function encrypt( string $plaintext ): string {
		$nonce  = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$sealed = sodium_crypto_secretbox( $plaintext, $nonce, $this->key() );
		return self::PREFIX . $this->fingerprint() . ':' . base64_encode( $nonce . $sealed ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary to text, not obfuscation.
	}

	/**
	 * Decrypts what encrypt() wrote.
	 *
	 * @param string $stored The stored value.
	 * @return string|Decryption_Failure The plaintext, or why it can't be had.
	 */
	public function decrypt( string $stored ) {
		$parts = explode( ':', $stored, 3 );
		if ( 3 !== count( $parts ) || self::PREFIX !== $parts[0] . ':' ) {
			return Decryption_Failure::Corrupt;
		}
		if ( ! hash_equals( $this->fingerprint(), $parts[1] ) ) {
			return Decryption_Failure::Key_Changed;
		}
		$raw = base64_decode( $parts[2], true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- text to binary, not obfuscation.
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ) {
			return Decryption_Failure::Corrupt;
		}
		$nonce     = substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$sealed    = substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$plaintext = sodium_crypto_secretbox_open( $sealed, $nonce, $this->key() );
		return false === $plaintext ? Decryption_Failure::Corrupt : $plaintext;
	}

	/**
	 * A short, public identifier of the key: safe to store, useless to an attacker.
	 */
	public function fingerprint(): string {
		return substr( hash_hmac( 'sha256', 'causerie-key-fingerprint', $this->key() ), 0, 16 );
	}

	/**
	 * A keyed hash of a value, for what may be stored or shown about a secret without revealing it: without
	 * the site's key it can be neither reversed nor forged. Each purpose gets its own key.
	 *
	 * @param string $purpose What the hash is for; two purposes never share a hash.
	 * @param string $data    The value.
	 * @return string 64 hex characters.
	 */
	public function mac( string $purpose, string $data ): string {
		return hash_hmac( 'sha256', $data, hash_hkdf( 'sha256', $this->key(), 32, 'causerie-connector-mac-' . $purpose ) );
	}

	/**
	 * The 32-byte key.
	 */
	private function key(): string {
		$material = '' !== $this->key_material ? $this->key_material : self::configured_material();
		return hash_hkdf( 'sha256', $material, SODIUM_CRYPTO_SECRETBOX_KEYBYTES, 'causerie-connector-secrets' );
	}

	/**
	 * CAUSERIE_ENCRYPTION_KEY when defined, else WordPress's own secret keys and salts.
	 */
	private static function configured_material(): string {
		if ( defined( 'CAUSERIE_ENCRYPTION_KEY' ) && is_string( CAUSERIE_ENCRYPTION_KEY ) && '' !== CAUSERIE_ENCRYPTION_KEY ) {
			return CAUSERIE_ENCRYPTION_KEY;
		}
		return wp_salt( 'auth' ) . wp_salt( 'secure_auth' );
	}
}
