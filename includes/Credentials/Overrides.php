<?php
/**
 * Credentials set outside the database.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * Values from wp-config.php constants or environment variables override what is stored, and lock the
 * field in the admin. CAUSERIE_PRODUCTION_CLIENT_ID applies to the production profile only;
 * CAUSERIE_CLIENT_ID to every profile. Constants win over environment variables.
 */
final class Overrides {

	public const SOURCE_CONSTANT    = 'constant';
	public const SOURCE_ENVIRONMENT = 'environment';

	/**
	 * Field name → suffix of the constant or variable.
	 */
	private const NAMES = array(
		'clientId'      => 'CLIENT_ID',
		'clientSecret'  => 'CLIENT_SECRET',
		'apiUrl'        => 'API_URL',
		'issuer'        => 'ISSUER',
		'tokenEndpoint' => 'TOKEN_ENDPOINT',
		'scopes'        => 'SCOPES',
	);

	/**
	 * Constructor.
	 *
	 * @param \Closure|null $constant Reads a constant by name (null when undefined); defined()/constant() by default.
	 * @param \Closure|null $variable Reads an environment variable by name (null when unset); getenv() by default.
	 *
	 * @phpstan-param (\Closure(string): mixed)|null $constant
	 * @phpstan-param (\Closure(string): mixed)|null $variable
	 */
	public function __construct(
		private readonly ?\Closure $constant = null,
		private readonly ?\Closure $variable = null
	) {}

	/**
	 * The overriding value of a field for a profile, and where it comes from.
	 *
	 * @param string $field       One of clientId, clientSecret, apiUrl, issuer, tokenEndpoint, scopes.
	 * @param string $environment Profile.
	 * @return array{value: string, source: string}|null
	 */
	public function find( string $field, string $environment ): ?array {
		$suffix = self::NAMES[ $field ] ?? null;
		if ( null === $suffix ) {
			return null;
		}
		$names = array( 'CAUSERIE_' . strtoupper( $environment ) . '_' . $suffix, 'CAUSERIE_' . $suffix );
		foreach ( array( self::SOURCE_CONSTANT, self::SOURCE_ENVIRONMENT ) as $source ) {
			foreach ( $names as $name ) {
				$value = self::SOURCE_CONSTANT === $source ? $this->read_constant( $name ) : $this->read_variable( $name );
				if ( is_string( $value ) && '' !== $value ) {
					return array(
						'value'  => $value,
						'source' => $source,
					);
				}
			}
		}
		return null;
	}

	/**
	 * The scopes set for a profile, space- or comma-separated in the constant; null when not set.
	 *
	 * @param string $environment Profile.
	 * @return list<string>|null
	 */
	public function scopes( string $environment ): ?array {
		$found = $this->find( 'scopes', $environment );
		if ( null === $found ) {
			return null;
		}
		$parts = preg_split( '/[\s,]+/', $found['value'] );
		return array_values( array_filter( false === $parts ? array() : $parts, static fn( string $scope ): bool => '' !== $scope ) );
	}

	/**
	 * The constant (or variable) that sets a field for every profile, such as CAUSERIE_API_URL.
	 *
	 * @param string $field One of clientId, clientSecret, apiUrl, issuer, tokenEndpoint, scopes.
	 */
	public static function constant_name( string $field ): string {
		return 'CAUSERIE_' . ( self::NAMES[ $field ] ?? strtoupper( $field ) );
	}

	/**
	 * Fields locked for a profile, with their source.
	 *
	 * @param string $environment Profile.
	 * @return array<string, string>
	 */
	public function locked( string $environment ): array {
		$locked = array();
		foreach ( array_keys( self::NAMES ) as $field ) {
			$found = $this->find( $field, $environment );
			if ( null !== $found ) {
				$locked[ $field ] = $found['source'];
			}
		}
		return $locked;
	}

	/**
	 * A constant's value, or null.
	 *
	 * @param string $name Constant name.
	 */
	private function read_constant( string $name ): mixed {
		if ( null !== $this->constant ) {
			return ( $this->constant )( $name );
		}
		return defined( $name ) ? constant( $name ) : null;
	}

	/**
	 * An environment variable's value, or null.
	 *
	 * @param string $name Variable name.
	 */
	private function read_variable( string $name ): mixed {
		if ( null !== $this->variable ) {
			return ( $this->variable )( $name );
		}
		$value = getenv( $name );
		return false === $value ? null : $value;
	}
}
