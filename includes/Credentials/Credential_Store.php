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
 * @phpstan-type Profile array{clientId?: string, secret?: string, apiUrl?: string, issuer?: string, tokenEndpoint?: string, scopes?: list<string>, updatedAt?: int, secretBinding?: array{secret: string, address: string}}
 */
final class Credential_Store {

	public const OPTION         = 'causerie_connector_credentials';
	public const NETWORK_OPTION = 'causerie_connector_network_credentials';
	public const ENVIRONMENTS   = array( 'local', 'development', 'staging', 'production' );

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
	 * Records where each secret was proven, and its fingerprint.
	 *
	 * @var Secret_Binding
	 */
	private readonly Secret_Binding $secrets;

	/**
	 * Encrypts each secret for the place it is stored.
	 *
	 * @var Secret_Cipher
	 */
	private readonly Secret_Cipher $cipher;

	/**
	 * Merges a profile's fields with the network's and the overrides.
	 *
	 * @var Profile_Resolver
	 */
	private readonly Profile_Resolver $resolver;

	/**
	 * Constructor.
	 *
	 * @param Encryption          $encryption Encrypts the secret at rest.
	 * @param Overrides           $overrides  Values from wp-config.php or the environment.
	 * @param Option_Storage|null $storage    Where the profiles are kept; the site's OPTION by default.
	 * @param Option_Storage|null $inherits   The network's profiles, which fill in what the site does not set.
	 * @param Secret_Binding|null $secrets    Where each secret may go; one over the same key by default.
	 */
	public function __construct(
		Encryption $encryption,
		Overrides $overrides,
		?Option_Storage $storage = null,
		private readonly ?Option_Storage $inherits = null,
		?Secret_Binding $secrets = null
	) {
		$this->storage = $storage ?? new Option_Storage( self::OPTION );
		$this->secrets = $secrets ?? new Secret_Binding( $encryption );
		// Both work with this store's own key and overrides, never another's.
		$this->cipher   = new Secret_Cipher( $encryption );
		$this->resolver = new Profile_Resolver( $overrides, $this->cipher );
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
	 * Whether there is a level above this one (the network's) to fall back to when a field is removed.
	 */
	public function inherits(): bool {
		return null !== $this->inherits;
	}

	/**
	 * The credentials in force for a profile: stored values (the site's, else the network's), overridden
	 * where wp-config.php says so.
	 *
	 * @param string|null $environment Profile; the active one by default.
	 */
	public function credentials( ?string $environment = null ): Credentials {
		$environment = $environment ?? $this->active_environment();
		// Every admin page reads this for the notice: the site's row and the network's cost one query, not two.
		if ( null !== $this->inherits ) {
			Option_Prefetch::read( $this->storage, $this->inherits );
		}
		return $this->resolver->resolve( $environment, $this->profile( $environment ), $this->network( $environment ), $this->storage, $this->inherits );
	}

	/**
	 * The credentials a profile would have once the changes are saved, without saving them.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Validated changes, as save() takes them.
	 */
	public function preview( string $environment, array $changes ): Credentials {
		return $this->resolver->resolve( $environment, $this->apply( $environment, $this->profile( $environment ), $changes ), $this->network( $environment ), $this->storage, $this->inherits );
	}

	/**
	 * What the browser may see of a profile: never the secret, only whether there is one and a fingerprint
	 * that tells two secrets apart without revealing any of their characters.
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
			// The network's secret is not the site admin's to recognise, even by a fingerprint.
			'secretHint'        => null === $credentials->secret || isset( $credentials->inherited['clientSecret'] ) ? '' : $this->secrets->hint( $credentials->secret ),
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
	 *                                          an empty value removes the field (an issuer or token endpoint is then
	 *                                          discovered, and on a site of a network the network's value applies).
	 */
	public function save( string $environment, array $changes ): bool {
		$all                 = $this->all();
		$all[ $environment ] = $this->apply( $environment, $all[ $environment ] ?? array(), $changes );
		return $this->storage->write( $all );
	}

	/**
	 * Records where the secret in force was just proven, beside it, when it has no record yet. An existing record
	 * is never moved: only entering the secret again does that.
	 *
	 * @param Credentials $credentials    The credentials in force, that a token was granted to.
	 * @param string      $issuer         The issuer of the endpoints used.
	 * @param string      $token_endpoint The token endpoint used.
	 */
	public function bind_secret( Credentials $credentials, string $issuer, string $token_endpoint ): void {
		if ( null === $credentials->secret || $this->secrets->has_record( $credentials ) ) {
			return;
		}
		$storage = isset( $credentials->inherited['clientSecret'] ) && null !== $this->inherits ? $this->inherits : $this->storage;
		$all     = $this->all( $storage );
		$all[ $credentials->environment ][ Secret_Binding::FIELD ] = $this->secrets->of( $credentials->secret, $credentials->api_url, $issuer, $token_endpoint );
		$storage->write( $all );
	}

	/**
	 * A profile with changes applied.
	 *
	 * @param string               $environment Profile.
	 * @param array                $profile     The stored profile.
	 * @param array<string, mixed> $changes     Validated changes.
	 * @phpstan-param Profile $profile
	 * @phpstan-return Profile
	 */
	private function apply( string $environment, array $profile, array $changes ): array {
		foreach ( array( 'clientId', 'apiUrl', 'issuer', 'tokenEndpoint' ) as $field ) {
			if ( isset( $changes[ $field ] ) && is_string( $changes[ $field ] ) ) {
				$profile[ $field ] = $changes[ $field ];
				if ( '' === $changes[ $field ] ) {
					unset( $profile[ $field ] );
				}
			}
		}
		if ( isset( $changes['clientSecret'] ) && is_string( $changes['clientSecret'] ) ) {
			// A new secret has been proven nowhere yet.
			unset( $profile['secret'], $profile[ Secret_Binding::FIELD ] );
			if ( '' !== $changes['clientSecret'] ) {
				$profile['secret'] = $this->cipher->seal( $this->storage, $environment, $changes['clientSecret'] );
			}
		}
		if ( isset( $changes['scopes'] ) && is_array( $changes['scopes'] ) ) {
			$profile['scopes'] = array_values( array_filter( $changes['scopes'], 'is_string' ) );
		}
		$profile['updatedAt'] = time();
		return $profile;
	}

	/**
	 * The network's stored fields for a profile; none when there is no network to fall back to.
	 *
	 * @param string $environment Profile.
	 * @phpstan-return Profile
	 */
	private function network( string $environment ): array {
		return null === $this->inherits ? array() : ( $this->all( $this->inherits )[ $environment ] ?? array() );
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
			$record = Secret_Binding::read( $profile[ Secret_Binding::FIELD ] ?? null );
			if ( null !== $record ) {
				$clean[ Secret_Binding::FIELD ] = $record;
			}
			$profiles[ $environment ] = $clean;
		}
		return $profiles;
	}
}
