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
 * @phpstan-type Profile array{clientId?: string, secret?: string, apiUrl?: string, scopes?: list<string>, updatedAt?: int}
 */
final class Credential_Store {

	public const OPTION       = 'causerie_connector_credentials';
	public const ENVIRONMENTS = array( 'local', 'development', 'staging', 'production' );

	/**
	 * Scopes the plugin's features need: the chat widget and the knowledge sync.
	 */
	public const REQUIRED_SCOPES = array( 'read:widget', 'write:knowledge' );

	/**
	 * Constructor.
	 *
	 * @param Encryption $encryption Encrypts the secret at rest.
	 * @param Overrides  $overrides  Values from wp-config.php or the environment.
	 */
	public function __construct(
		private readonly Encryption $encryption,
		private readonly Overrides $overrides
	) {}

	/**
	 * The profile in force: the site's environment type.
	 */
	public function active_environment(): string {
		return wp_get_environment_type();
	}

	/**
	 * The credentials in force for a profile: stored values, overridden where wp-config.php says so.
	 *
	 * @param string|null $environment Profile; the active one by default.
	 */
	public function credentials( ?string $environment = null ): Credentials {
		$environment = $environment ?? $this->active_environment();
		$profile     = $this->profile( $environment );

		$secret  = null;
		$failure = null;
		$forced  = $this->overrides->find( 'clientSecret', $environment );
		if ( null !== $forced ) {
			$secret = $forced['value'];
		} elseif ( isset( $profile['secret'] ) ) {
			$plain = $this->encryption->decrypt( $profile['secret'] );
			if ( $plain instanceof Decryption_Failure ) {
				$failure = $plain;
			} else {
				$secret = $plain;
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
			$this->overrides->locked( $environment )
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
			'secretHint'        => $credentials->secret_hint(),
			'secretStatus'      => null !== $credentials->secret_failure ? $credentials->secret_failure->value : ( null === $credentials->secret ? 'missing' : 'ok' ),
			'apiUrl'            => $credentials->api_url,
			'scopes'            => $credentials->scopes,
			'locked'            => (object) $credentials->locked,
		);
	}

	/**
	 * Saves validated changes to a profile in one write. Locked fields must have been refused before.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Any of clientId, clientSecret, apiUrl, scopes.
	 */
	public function save( string $environment, array $changes ): bool {
		$all     = $this->all();
		$profile = $all[ $environment ] ?? array();
		if ( isset( $changes['clientId'] ) && is_string( $changes['clientId'] ) ) {
			$profile['clientId'] = $changes['clientId'];
		}
		if ( isset( $changes['clientSecret'] ) && is_string( $changes['clientSecret'] ) ) {
			$profile['secret'] = $this->encryption->encrypt( $changes['clientSecret'] );
		}
		if ( isset( $changes['apiUrl'] ) && is_string( $changes['apiUrl'] ) ) {
			$profile['apiUrl'] = $changes['apiUrl'];
		}
		if ( isset( $changes['scopes'] ) && is_array( $changes['scopes'] ) ) {
			$profile['scopes'] = array_values( array_filter( $changes['scopes'], 'is_string' ) );
		}
		$profile['updatedAt'] = time();
		$all[ $environment ]  = $profile;

		if ( false === get_option( self::OPTION ) ) {
			return add_option( self::OPTION, $all, '', false );
		}
		return update_option( self::OPTION, $all, false );
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
	 * @phpstan-return array<string, Profile>
	 */
	private function all(): array {
		$stored   = get_option( self::OPTION, array() );
		$profiles = array();
		foreach ( is_array( $stored ) ? $stored : array() as $environment => $profile ) {
			if ( ! in_array( $environment, self::ENVIRONMENTS, true ) || ! is_array( $profile ) ) {
				continue;
			}
			$clean = array();
			foreach ( array( 'clientId', 'secret', 'apiUrl' ) as $field ) {
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
