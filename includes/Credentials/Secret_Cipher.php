<?php
/**
 * Encrypts a profile's client secret for the place it is stored.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * A stored secret is bound to its option, its site or network, and its profile: copied to another place, it
 * no longer decrypts. A secret in the older, unbound format is read, then written again bound to its place.
 */
final class Secret_Cipher {

	/**
	 * Constructor.
	 *
	 * @param Encryption $encryption Encrypts the secret at rest.
	 */
	public function __construct( private readonly Encryption $encryption ) {}

	/**
	 * A secret as it is stored in a profile.
	 *
	 * @param Option_Storage $storage     Where the profile is kept.
	 * @param string         $environment Profile.
	 * @param string         $plain       The plaintext secret.
	 */
	public function seal( Option_Storage $storage, string $environment, string $plain ): string {
		return $this->encryption->encrypt( $plain, self::context( $storage, $environment ) );
	}

	/**
	 * A stored secret in clear, or why it can't be read; one of the unbound format is written again, bound.
	 *
	 * @param Option_Storage $storage     Where it was read.
	 * @param string         $environment Profile.
	 * @param string         $stored      The stored value.
	 */
	public function open( Option_Storage $storage, string $environment, string $stored ): string|Decryption_Failure {
		$plain = $this->encryption->decrypt( $stored, self::context( $storage, $environment ) );
		if ( ! $plain instanceof Decryption_Failure && Encryption::is_legacy( $stored ) ) {
			$this->migrate( $storage, $environment, $stored, $plain );
		}
		return $plain;
	}

	/**
	 * What a profile's secret is bound to: the option, its site or network, and the profile.
	 *
	 * @param Option_Storage $storage     Where the profile is kept.
	 * @param string         $environment Profile.
	 */
	private static function context( Option_Storage $storage, string $environment ): string {
		return $storage->context() . '|' . $environment;
	}

	/**
	 * Writes a secret of the unbound format again, bound to its place, unless it changed in the meantime.
	 *
	 * @param Option_Storage $storage     Where it was read.
	 * @param string         $environment Profile.
	 * @param string         $legacy      The stored value as read.
	 * @param string         $plain       Its plaintext.
	 */
	private function migrate( Option_Storage $storage, string $environment, string $legacy, string $plain ): void {
		$stored = $storage->read();
		if ( ! is_array( $stored ) || ! is_array( $stored[ $environment ] ?? null ) || ( $stored[ $environment ]['secret'] ?? null ) !== $legacy ) {
			return;
		}
		$stored[ $environment ]['secret'] = $this->seal( $storage, $environment, $plain );
		$storage->write( $stored );
	}
}
