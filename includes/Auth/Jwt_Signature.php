<?php
/**
 * Checks a JWT's signature against a public JWK.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * RS256/384/512 and ES256/384/512 with OpenSSL, the key rebuilt from its JWK members. Used only to tell why
 * the API refused a token (a signature that does not match is not the same fault as a revoked token), never
 * to decide whether to trust one: the API does that.
 */
final class Jwt_Signature {

	private const HASHES = array(
		'256' => OPENSSL_ALGO_SHA256,
		'384' => OPENSSL_ALGO_SHA384,
		'512' => OPENSSL_ALGO_SHA512,
	);

	/**
	 * DER object identifiers of the key types and curves.
	 */
	private const RSA_ENCRYPTION = "\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01";
	private const EC_PUBLIC_KEY  = "\x06\x07\x2a\x86\x48\xce\x3d\x02\x01";
	private const CURVES         = array(
		'P-256' => "\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07",
		'P-384' => "\x06\x05\x2b\x81\x04\x00\x22",
		'P-521' => "\x06\x05\x2b\x81\x04\x00\x23",
	);

	/**
	 * Whether the signature matches the key; null when the algorithm or key can't be checked here.
	 *
	 * @param string       $jwt Compact JWS.
	 * @param array<mixed> $jwk Public key.
	 */
	public static function verify( string $jwt, array $jwk ): ?bool {
		$parts  = explode( '.', $jwt );
		$header = Jwt_Segments::decode( $jwt, Jwt_Segments::HEADER );
		$alg    = is_array( $header ) && isset( $header['alg'] ) && is_string( $header['alg'] ) ? $header['alg'] : '';
		$hash   = self::HASHES[ substr( $alg, 2 ) ] ?? null;
		if ( 3 !== count( $parts ) || null === $hash || ! in_array( substr( $alg, 0, 2 ), array( 'RS', 'ES' ), true ) ) {
			return null;
		}
		$signature = self::base64url( $parts[2] );
		$pem       = str_starts_with( $alg, 'RS' ) ? self::rsa_pem( $jwk ) : self::ec_pem( $jwk );
		if ( null === $pem || null === $signature ) {
			return null;
		}
		if ( str_starts_with( $alg, 'ES' ) ) {
			$signature = self::der_signature( $signature );
		}
		$key = openssl_pkey_get_public( $pem );
		if ( false === $key ) {
			return null;
		}
		return 1 === openssl_verify( $parts[0] . '.' . $parts[1], $signature, $key, $hash );
	}

	/**
	 * An RSA public key as PEM, from its modulus and exponent.
	 *
	 * @param array<mixed> $jwk Key.
	 */
	private static function rsa_pem( array $jwk ): ?string {
		$n = is_string( $jwk['n'] ?? null ) ? self::base64url( $jwk['n'] ) : null;
		$e = is_string( $jwk['e'] ?? null ) ? self::base64url( $jwk['e'] ) : null;
		if ( 'RSA' !== ( $jwk['kty'] ?? null ) || null === $n || null === $e ) {
			return null;
		}
		$key = self::der( 0x30, self::integer( $n ) . self::integer( $e ) );
		return self::pem( self::der( 0x30, self::der( 0x30, self::RSA_ENCRYPTION . "\x05\x00" ) . self::der( 0x03, "\x00" . $key ) ) );
	}

	/**
	 * An EC public key as PEM, from its curve and point.
	 *
	 * @param array<mixed> $jwk Key.
	 */
	private static function ec_pem( array $jwk ): ?string {
		$curve = is_string( $jwk['crv'] ?? null ) ? ( self::CURVES[ $jwk['crv'] ] ?? null ) : null;
		$x     = is_string( $jwk['x'] ?? null ) ? self::base64url( $jwk['x'] ) : null;
		$y     = is_string( $jwk['y'] ?? null ) ? self::base64url( $jwk['y'] ) : null;
		if ( 'EC' !== ( $jwk['kty'] ?? null ) || null === $curve || null === $x || null === $y ) {
			return null;
		}
		return self::pem( self::der( 0x30, self::der( 0x30, self::EC_PUBLIC_KEY . $curve ) . self::der( 0x03, "\x00\x04" . $x . $y ) ) );
	}

	/**
	 * A JWS ECDSA signature (r and s side by side) as the DER sequence OpenSSL expects.
	 *
	 * @param string $raw r || s.
	 */
	private static function der_signature( string $raw ): string {
		$half = intdiv( strlen( $raw ), 2 );
		return self::der( 0x30, self::integer( substr( $raw, 0, $half ) ) . self::integer( substr( $raw, $half ) ) );
	}

	/**
	 * A DER INTEGER from unsigned big-endian bytes.
	 *
	 * @param string $bytes Magnitude.
	 */
	private static function integer( string $bytes ): string {
		$bytes = ltrim( $bytes, "\x00" );
		if ( '' === $bytes || ord( $bytes[0] ) > 0x7f ) {
			$bytes = "\x00" . $bytes;
		}
		return self::der( 0x02, $bytes );
	}

	/**
	 * A DER element.
	 *
	 * @param int    $tag     Tag.
	 * @param string $content Content.
	 */
	private static function der( int $tag, string $content ): string {
		$length = strlen( $content );
		if ( $length < 0x80 ) {
			return chr( $tag ) . chr( $length ) . $content;
		}
		$bytes = ltrim( pack( 'N', $length ), "\x00" );
		return chr( $tag ) . chr( 0x80 | strlen( $bytes ) ) . $bytes . $content;
	}

	/**
	 * PEM armour around a SubjectPublicKeyInfo.
	 *
	 * @param string $der DER bytes.
	 */
	private static function pem( string $der ): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- PEM is base64.
		return "-----BEGIN PUBLIC KEY-----\n" . chunk_split( base64_encode( $der ), 64, "\n" ) . "-----END PUBLIC KEY-----\n";
	}

	/**
	 * Bytes from base64url; null when it is not.
	 *
	 * @param string $text base64url text.
	 */
	private static function base64url( string $text ): ?string {
		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JOSE encoding.
		return false === $bytes ? null : $bytes;
	}
}
