<?php
/**
 * Merges a profile's stored fields, the network's and the overrides into the credentials in force.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Field by field: wp-config.php or the environment first, then the site's own value, then the network's. The
 * network's secret, its record and its scopes come together, and only to the network's addresses.
 *
 * @phpstan-import-type Profile from Credential_Store
 */
final class Profile_Resolver {

	/**
	 * Constructor.
	 *
	 * @param Overrides     $overrides Values from wp-config.php or the environment.
	 * @param Secret_Cipher $cipher    Reads each secret where it is stored.
	 */
	public function __construct(
		private readonly Overrides $overrides,
		private readonly Secret_Cipher $cipher
	) {}

	/**
	 * The credentials of a profile from its stored fields, the network's and the overrides.
	 *
	 * @param string              $environment Profile.
	 * @param array               $own         The profile's own stored fields.
	 * @param array               $network     The network's stored fields for the profile; none off a network.
	 * @param Option_Storage      $storage     Where the profile's own fields are kept.
	 * @param Option_Storage|null $inherits    Where the network's are kept, on a site of a network.
	 * @phpstan-param Profile $own
	 * @phpstan-param Profile $network
	 */
	public function resolve( string $environment, array $own, array $network, Option_Storage $storage, ?Option_Storage $inherits ): Credentials {
		$profile   = $own + $network;
		$inherited = array();
		foreach ( array_keys( array_diff_key( $network, $own ) ) as $key ) {
			$field = 'secret' === $key ? 'clientSecret' : $key;
			if ( ! in_array( $key, array( 'updatedAt', Secret_Binding::FIELD ), true ) && null === $this->overrides->find( $field, $environment ) ) {
				$inherited[ $field ] = 'network';
			}
		}
		// A site admin who sets their own API address or sign-in service must not receive the network's secret there.
		if ( isset( $inherited['clientSecret'] ) ) {
			foreach ( Credential_Store::ADDRESSES as $field ) {
				if ( null === $this->overrides->find( $field, $environment ) && ( $profile[ $field ] ?? '' ) !== ( $network[ $field ] ?? '' ) ) {
					unset( $profile['secret'], $inherited['clientSecret'] );
				}
			}
		}

		$secret  = null;
		$failure = null;
		$forced  = $this->overrides->find( 'clientSecret', $environment );
		if ( null !== $forced ) {
			$secret = $forced['value'];
		} elseif ( isset( $profile['secret'] ) ) {
			// Decrypted for the place it was read from: the site's option, or the network's when inherited.
			$from  = isset( $own['secret'] ) || null === $inherits ? $storage : $inherits;
			$plain = $this->cipher->open( $from, $environment, $profile['secret'] );
			if ( $plain instanceof Decryption_Failure ) {
				$failure = $plain;
			} else {
				$secret = $plain;
			}
		}
		// The record lives beside the secret: the network's beside the network's, a locked one's in the site's profile.
		$record = isset( $inherited['clientSecret'] ) ? ( $network[ Secret_Binding::FIELD ] ?? null ) : ( $own[ Secret_Binding::FIELD ] ?? null );

		// The network's client is the network administrator's to widen, not a site admin's: its scopes are the network's.
		$scopes = $this->overrides->scopes( $environment );
		if ( null === $scopes && isset( $inherited['clientSecret'] ) ) {
			$inherited['scopes'] = 'network';
		}
		$scopes ??= isset( $inherited['clientSecret'] ) ? ( $network['scopes'] ?? Scopes::REQUIRED ) : ( $profile['scopes'] ?? Scopes::REQUIRED );
		return new Credentials(
			$environment,
			$this->overrides->find( 'clientId', $environment )['value'] ?? $profile['clientId'] ?? '',
			$secret,
			$failure,
			$this->overrides->find( 'apiUrl', $environment )['value'] ?? $profile['apiUrl'] ?? '',
			$scopes,
			$this->overrides->locked( $environment ),
			$inherited,
			$this->overrides->find( 'issuer', $environment )['value'] ?? $profile['issuer'] ?? '',
			$this->overrides->find( 'tokenEndpoint', $environment )['value'] ?? $profile['tokenEndpoint'] ?? '',
			$record
		);
	}
}
