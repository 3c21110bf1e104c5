<?php
/**
 * Stored credentials, one profile per environment type.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Keeps the client id, the encrypted secret, the API URL and the scopes of each environment profile in one
 * option that is never autoloaded. The active profile follows wp_get_environment_type().
 *
 * On a network, the same store keeps the network's credentials in a site option, and a site's store falls
 * back to them field by field: wp-config.php or the environment first, then the site's own value, then
 * the network's. The network's secret is only ever sent to the network's API address.
 *
 * @phpstan-type Profile array{clientId?: string, secret?: string, apiUrl?: string, issuer?: string, tokenEndpoint?: string, scopes?: list<string>, updatedAt?: int}
 */
final class Credential_Store {

	public const OPTION         = 'causerie_connector_credentials';
	public const NETWORK_OPTION = 'causerie_connector_network_credentials';
	public const ENVIRONMENTS   = array( 'local', 'development', 'staging', 'production' );

	/**
	 * Scopes the plugin's features need: the chat widget and the knowledge sync.
	 */
	public const REQUIRED_SCOPES = array( 'read:widget', 'write:knowledge' );

	/**
	 * Fields that say where the secret is sent: it only ever goes where it was saved for.
	 */
	public const ADDRESSES = array( 'apiUrl', 'issuer', 'tokenEndpoint' );

	/**
	 * Where the profiles are kept.
	 *
	 * @var Option_Storage
	 */
	private readonly Option_Storage $storage;

	/**
	 * Constructor.
	 *
	 * @param Encryption          $encryption Encrypts the secret at rest.
	 * @param Overrides           $overrides  Values from wp-config.php or the environment.
	 * @param Option_Storage|null $storage    Where the profiles are kept; the site's OPTION by default.
	 * @param Option_Storage|null $inherits   The network's profiles, which fill in what the site does not set.
	 */
	public function __construct(
		private readonly Encryption $encryption,
		private readonly Overrides $overrides,
		?Option_Storage $storage = null,
		private readonly ?Option_Storage $inherits = null
	) {
		$this->storage = $storage ?? new Option_Storage( self::OPTION );
	}

	/**
	 * Where the network's credentials are kept.
	 */
	public static function network_storage(): Option_Storage {
		return new Option_Storage( self::NETWORK_OPTION, true );
	}

	/**
	 * The profile in force: the site's environment type.
	 */
	public function active_environment(): string {
		return wp_get_environment_type();
	}

	/**
	 * The credentials in force for a profile: stored values (the site's, else the network's), overridden
	 * where wp-config.php says so.
	 *
	 * @param string|null $environment Profile; the active one by default.
	 */
	public function credentials( ?string $environment = null ): Credentials {
		$environment = $environment ?? $this->active_environment();
		$own         = $this->profile( $environment );
		$network     = null === $this->inherits ? array() : ( $this->all( $this->inherits )[ $environment ] ?? array() );
		$profile     = $own + $network;
		$inherited   = array();
		foreach ( array_keys( array_diff_key( $network, $own ) ) as $key ) {
			$field = 'secret' === $key ? 'clientSecret' : $key;
			if ( 'updatedAt' !== $key && null === $this->overrides->find( $field, $environment ) ) {
				$inherited[ $field ] = 'network';
			}
		}
		// A site admin who sets their own API address or sign-in service must not receive the network's secret there.
		if ( isset( $inherited['clientSecret'] ) ) {
			foreach ( self::ADDRESSES as $field ) {
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
			$from  = isset( $own['secret'] ) || null === $this->inherits ? $this->storage : $this->inherits;
			$plain = $this->encryption->decrypt( $profile['secret'], self::context( $from, $environment ) );
			if ( $plain instanceof Decryption_Failure ) {
				$failure = $plain;
			} else {
				$secret = $plain;
				if ( Encryption::is_legacy( $profile['secret'] ) ) {
					$this->migrate( $from, $environment, $profile['secret'], $plain );
				}
			}
		}

		$scopes = $this->overrides->find( 'scopes', $environment );
		return new Credentials(
			$environment,
			$this->overrides->find( 'clientId', $environment )['value'] ?? $profile['clientId'] ?? '',
			$secret,
			$failure,
			$this->overrides->find( 'apiUrl', $environment )['value'] ?? $profile['apiUrl'] ?? '',
			null !== $scopes ? self::split_scopes( $scopes['value'] ) : ( $profile['scopes'] ?? self::REQUIRED_SCOPES ),
			$this->overrides->locked( $environment ),
			$inherited,
			$this->overrides->find( 'issuer', $environment )['value'] ?? $profile['issuer'] ?? '',
			$this->overrides->find( 'tokenEndpoint', $environment )['value'] ?? $profile['tokenEndpoint'] ?? ''
		);
	}

	/**
	 * What the browser may see of a profile: never the secret, only whether there is one and a hint.
	 *
	 * @param string|null $environment Profile; the active one by default.
	 * @return array<string, mixed>
	 */
	public function public_view( ?string $environment = null ): array {
		$credentials = $this->credentials( $environment );
		return array(
			'environment'       => $credentials->environment,
			'activeEnvironment' => $this->active_environment(),
			'clientId'          => $credentials->client_id,
			'hasSecret'         => null !== $credentials->secret,
			// The network's secret is not the site admin's to recognise, even by its last characters.
			'secretHint'        => isset( $credentials->inherited['clientSecret'] ) ? '••••' : $credentials->secret_hint(),
			'secretStatus'      => null !== $credentials->secret_failure ? $credentials->secret_failure->value : ( null === $credentials->secret ? 'missing' : 'ok' ),
			'apiUrl'            => $credentials->api_url,
			'issuer'            => $credentials->issuer,
			'tokenEndpoint'     => $credentials->token_endpoint,
			'scopes'            => $credentials->scopes,
			'locked'            => (object) $credentials->locked,
			'inherited'         => (object) $credentials->inherited,
		);
	}

	/**
	 * Saves validated changes to a profile in one write. Locked fields must have been refused before.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Any of clientId, clientSecret, apiUrl, issuer, tokenEndpoint, scopes;
	 *                                          an empty issuer or token endpoint means "discover it".
	 */
	public function save( string $environment, array $changes ): bool {
		$all     = $this->all();
		$profile = $all[ $environment ] ?? array();
		if ( isset( $changes['clientId'] ) && is_string( $changes['clientId'] ) ) {
			$profile['clientId'] = $changes['clientId'];
		}
		if ( isset( $changes['clientSecret'] ) && is_string( $changes['clientSecret'] ) ) {
			$profile['secret'] = $this->encryption->encrypt( $changes['clientSecret'], self::context( $this->storage, $environment ) );
		}
		if ( isset( $changes['apiUrl'] ) && is_string( $changes['apiUrl'] ) ) {
			$profile['apiUrl'] = $changes['apiUrl'];
		}
		foreach ( array( 'issuer', 'tokenEndpoint' ) as $field ) {
			if ( isset( $changes[ $field ] ) && is_string( $changes[ $field ] ) ) {
				$profile[ $field ] = $changes[ $field ];
				if ( '' === $changes[ $field ] ) {
					unset( $profile[ $field ] );
				}
			}
		}
		if ( isset( $changes['scopes'] ) && is_array( $changes['scopes'] ) ) {
			$profile['scopes'] = array_values( array_filter( $changes['scopes'], 'is_string' ) );
		}
		$profile['updatedAt'] = time();
		$all[ $environment ]  = $profile;
		return $this->storage->write( $all );
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
		$stored[ $environment ]['secret'] = $this->encryption->encrypt( $plain, self::context( $storage, $environment ) );
		$storage->write( $stored );
	}

	/**
	 * One stored profile.
	 *
	 * @param string $environment Profile.
	 * @phpstan-return Profile
	 */
	private function profile( string $environment ): array {
		return $this->all()[ $environment ] ?? array();
	}

	/**
	 * Every stored profile, keeping only well-formed fields.
	 *
	 * @param Option_Storage|null $storage Where to read; this store's own by default.
	 * @phpstan-return array<string, Profile>
	 */
	private function all( ?Option_Storage $storage = null ): array {
		$stored   = ( $storage ?? $this->storage )->read();
		$profiles = array();
		foreach ( is_array( $stored ) ? $stored : array() as $environment => $profile ) {
			if ( ! in_array( $environment, self::ENVIRONMENTS, true ) || ! is_array( $profile ) ) {
				continue;
			}
			$clean = array();
			foreach ( array( 'clientId', 'secret', 'apiUrl', 'issuer', 'tokenEndpoint' ) as $field ) {
				if ( isset( $profile[ $field ] ) && is_string( $profile[ $field ] ) ) {
					$clean[ $field ] = $profile[ $field ];
				}
			}
			if ( isset( $profile['scopes'] ) && is_array( $profile['scopes'] ) ) {
				$clean['scopes'] = array_values( array_filter( $profile['scopes'], 'is_string' ) );
			}
			if ( isset( $profile['updatedAt'] ) && is_int( $profile['updatedAt'] ) ) {
				$clean['updatedAt'] = $profile['updatedAt'];
			}
			$profiles[ $environment ] = $clean;
		}
		return $profiles;
	}

	/**
	 * Space- or comma-separated scopes from a constant.
	 *
	 * @param string $value Scopes.
	 * @return list<string>
	 */
	private static function split_scopes( string $value ): array {
		$parts = preg_split( '/[\s,]+/', $value );
		return array_values( array_filter( false === $parts ? array() : $parts, static fn( string $scope ): bool => '' !== $scope ) );
	}
}
