<?php
/**
 * Where a client secret may be sent.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Records, beside the stored secret, the addresses it was proven with: the API address, the issuer and the
 * origin of the token endpoint actually used. The token client sends the secret only where that record
 * allows, so an address changed behind the plugin's back, or metadata that now names a token endpoint on
 * another server, gets a diagnosis instead of the secret. A path moving on the same server is allowed.
 *
 * The record is keyed with the site's encryption key: it can't be forged, and it says nothing of the secret.
 * It belongs to one secret: a secret with no record of its own (saved before records existed, or changed in
 * wp-config.php) is bound on its first successful use.
 *
 * @phpstan-type Record array{secret: string, address: string}
 */
final class Secret_Binding {

	/**
	 * Key of the record in a stored profile.
	 */
	public const FIELD = 'secretBinding';

	/**
	 * Constructor.
	 *
	 * @param Encryption $encryption Holds the site's key.
	 */
	public function __construct( private readonly Encryption $encryption ) {}

	/**
	 * The record for a secret used with these addresses.
	 *
	 * @param string $secret         The plaintext secret.
	 * @param string $api_url        API address.
	 * @param string $issuer         The issuer the endpoints came from.
	 * @param string $token_endpoint The token endpoint used.
	 * @phpstan-return Record
	 */
	public function of( string $secret, string $api_url, string $issuer, string $token_endpoint ): array {
		return array(
			'secret'  => $this->secret_mark( $secret ),
			'address' => $this->encryption->mac( 'secret-address', implode( "\n", array( $secret, untrailingslashit( $api_url ), untrailingslashit( $issuer ), self::origin( $token_endpoint ) ) ) ),
		);
	}

	/**
	 * Whether the secret of these credentials may go to these endpoints: yes when it has no record of its
	 * own yet, else only where its record says.
	 *
	 * @param Credentials $credentials    The credentials in force, with the record of their secret.
	 * @param string      $issuer         The issuer the endpoints came from.
	 * @param string      $token_endpoint The token endpoint.
	 */
	public function permits( Credentials $credentials, string $issuer, string $token_endpoint ): bool {
		if ( null === $credentials->secret || ! $this->has_record( $credentials ) ) {
			return true;
		}
		$expected = $this->of( $credentials->secret, $credentials->api_url, $issuer, $token_endpoint );
		return hash_equals( (string) ( $credentials->secret_binding['address'] ?? '' ), $expected['address'] );
	}

	/**
	 * Whether the secret in force carries a record of its own (one made for another secret does not count).
	 *
	 * @param Credentials $credentials The credentials in force.
	 */
	public function has_record( Credentials $credentials ): bool {
		$record = $credentials->secret_binding;
		return null !== $credentials->secret && null !== $record && hash_equals( $record['secret'], $this->secret_mark( $credentials->secret ) );
	}

	/**
	 * A stored record, if it is one.
	 *
	 * @param mixed $stored As read from the option.
	 * @phpstan-return Record|null
	 */
	public static function read( mixed $stored ): ?array {
		if ( ! is_array( $stored ) || ! is_string( $stored['secret'] ?? null ) || ! is_string( $stored['address'] ?? null ) ) {
			return null;
		}
		return array(
			'secret'  => $stored['secret'],
			'address' => $stored['address'],
		);
	}

	/**
	 * A short fingerprint that tells two secrets apart and reveals nothing of either.
	 *
	 * @param string $secret The plaintext secret.
	 */
	public function hint( string $secret ): string {
		return substr( $this->encryption->mac( 'secret-hint', $secret ), 0, 6 );
	}

	/**
	 * Which secret a record was made for.
	 *
	 * @param string $secret The plaintext secret.
	 */
	private function secret_mark( string $secret ): string {
		return substr( $this->encryption->mac( 'secret-binding', $secret ), 0, 32 );
	}

	/**
	 * The origin of a URL, lowercased, with its port.
	 *
	 * @param string $url URL.
	 */
	private static function origin( string $url ): string {
		$parts  = wp_parse_url( $url );
		$scheme = strtolower( is_array( $parts ) && isset( $parts['scheme'] ) ? $parts['scheme'] : '' );
		$host   = strtolower( is_array( $parts ) && isset( $parts['host'] ) ? $parts['host'] : '' );
		$port   = is_array( $parts ) && isset( $parts['port'] ) ? $parts['port'] : ( 'http' === $scheme ? 80 : 443 );
		return $scheme . '://' . $host . ':' . $port;
	}
}
