<?php
/**
 * Encryption of secrets at rest.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Encrypts with XChaCha20-Poly1305 (libsodium's AEAD), bound to the place the value is kept: the caller's
 * context (option name, site or network id, profile) is the associated data, so a ciphertext copied to
 * another option, profile or site does not decrypt there. The key comes from the CAUSERIE_ENCRYPTION_KEY
 * constant, else it is derived from WordPress's salts. A fingerprint of the key and one of the context
 * travel with the data, so a changed key or a copied value is recognised as such instead of looking like
 * corrupt data.
 *
 * Format 1 (secretbox, no context) is still read, so that existing values keep working until rewritten.
 */
final class Encryption {

	/**
	 * Prefix of every ciphertext this class writes: format version 2, "cc2:<key>:<context>:<data>".
	 */
	private const PREFIX = 'cc2:';

	/**
	 * Prefix of format 1, "cc1:<key>:<data>", written before ciphertexts were bound to their place.
	 */
	private const LEGACY_PREFIX = 'cc1:';

	/**
	 * Constructor.
	 *
	 * @param string $key_material Secret material the key is derived from; empty to read the configuration.
	 */
	public function __construct( private readonly string $key_material = '' ) {}

	/**
	 * Encrypts a plaintext for one place.
	 *
	 * @param string $plaintext The value to protect.
	 * @param string $context   Where it is kept, such as "site:1|causerie_connector_token".
	 * @return string "cc2:<key fingerprint>:<context fingerprint>:<base64 nonce+ciphertext>".
	 */
	public function encrypt( string $plaintext, string $context ): string {
		$nonce  = random_bytes( SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$sealed = sodium_crypto_aead_xchacha20poly1305_ietf_encrypt( $plaintext, $context, $nonce, $this->aead_key() );
		return self::PREFIX . $this->fingerprint() . ':' . self::context_fingerprint( $context ) . ':' . base64_encode( $nonce . $sealed ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary to text, not obfuscation.
	}

	/**
	 * Decrypts what encrypt() wrote for the same place, or a format 1 value wherever it is.
	 *
	 * @param string $stored  The stored value.
	 * @param string $context Where it was read from.
	 * @return string|Decryption_Failure The plaintext, or why it can't be had.
	 */
	public function decrypt( string $stored, string $context ): string|Decryption_Failure {
		if ( self::is_legacy( $stored ) ) {
			return $this->decrypt_legacy( $stored );
		}
		$parts = explode( ':', $stored, 4 );
		if ( 4 !== count( $parts ) || self::PREFIX !== $parts[0] . ':' ) {
			return Decryption_Failure::Corrupt;
		}
		if ( ! hash_equals( $this->fingerprint(), $parts[1] ) ) {
			return Decryption_Failure::Key_Changed;
		}
		if ( ! hash_equals( self::context_fingerprint( $context ), $parts[2] ) ) {
			return Decryption_Failure::Copied;
		}
		$raw = base64_decode( $parts[3], true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- text to binary, not obfuscation.
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES ) {
			return Decryption_Failure::Corrupt;
		}
		$nonce     = substr( $raw, 0, SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$sealed    = substr( $raw, SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$plaintext = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt( $sealed, $context, $nonce, $this->aead_key() );
		return false === $plaintext ? Decryption_Failure::Corrupt : $plaintext;
	}

	/**
	 * Whether a stored value predates binding to its place, and should be written again.
	 *
	 * @param string $stored The stored value.
	 */
	public static function is_legacy( string $stored ): bool {
		return str_starts_with( $stored, self::LEGACY_PREFIX );
	}

	/**
	 * A short, public identifier of the key: safe to store, useless to an attacker. The same in both formats,
	 * so a key change is told the same way whatever the value's age.
	 */
	public function fingerprint(): string {
		return substr( hash_hmac( 'sha256', 'causerie-key-fingerprint', $this->key() ), 0, 16 );
	}

	/**
	 * Format 1: secretbox, bound to nothing.
	 *
	 * @param string $stored "cc1:<fingerprint>:<base64 nonce+ciphertext>".
	 */
	private function decrypt_legacy( string $stored ): string|Decryption_Failure {
		$parts = explode( ':', $stored, 3 );
		if ( 3 !== count( $parts ) ) {
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
	 * A short identifier of a context, so a copied value is told apart from a damaged one.
	 *
	 * @param string $context Where a value is kept.
	 */
	private static function context_fingerprint( string $context ): string {
		return substr( hash( 'sha256', 'causerie-context|' . $context ), 0, 16 );
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
	 * The 32-byte key, as format 1 uses it and the fingerprint names it.
	 */
	private function key(): string {
		$material = '' !== $this->key_material ? $this->key_material : self::configured_material();
		return hash_hkdf( 'sha256', $material, SODIUM_CRYPTO_SECRETBOX_KEYBYTES, 'causerie-connector-secrets' );
	}

	/**
	 * The 32-byte key of format 2: a cipher of its own gets a key of its own, derived from the same one.
	 */
	private function aead_key(): string {
		return hash_hkdf( 'sha256', $this->key(), SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES, 'causerie-connector-secrets-aead' );
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
