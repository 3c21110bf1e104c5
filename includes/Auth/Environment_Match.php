<?php
/**
 * Whether credentials belong to the site's environment.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;

/**
 * Compares the environment the API states for the credentials with the profile they are used for: the
 * site's own, wp_get_environment_type(), for the active profile. A local profile uses development
 * credentials; the other types match by name. The API states it in GET /v1/me (Causerie's own field), or
 * failing that in the token's environment claim; a server that states none is not judged.
 */
final class Environment_Match {

	/**
	 * The environment the API states for a token expected for a profile.
	 *
	 * @param string $environment A profile: an environment type.
	 */
	public static function expected( string $environment ): string {
		return 'local' === $environment ? 'development' : $environment;
	}

	/**
	 * The environment the API states: /v1/me's field, else the token's claim; null when neither says.
	 *
	 * @param string            $access_token The token.
	 * @param array<mixed>|null $me           The answer of GET /v1/me, when there is one.
	 */
	public static function stated( string $access_token, ?array $me ): ?string {
		if ( isset( $me['environment'] ) && is_string( $me['environment'] ) && '' !== $me['environment'] ) {
			return $me['environment'];
		}
		$claims = Jwt_Segments::decode( $access_token, Jwt_Segments::CLAIMS );
		return isset( $claims['environment'] ) && is_string( $claims['environment'] ) ? $claims['environment'] : null;
	}

	/**
	 * A finding when the API states another environment than the profile's, else null.
	 *
	 * @param string            $access_token The token.
	 * @param array<mixed>|null $me           The answer of GET /v1/me, when there is one.
	 * @param string            $environment  The profile the credentials belong to.
	 */
	public static function check( string $access_token, ?array $me, string $environment ): ?Finding {
		$stated = self::stated( $access_token, $me );
		if ( null === $stated || self::expected( $environment ) === $stated ) {
			return null;
		}
		return new Finding(
			'environment_mismatch',
			array(
				'tokenEnvironment'   => $stated,
				'profileEnvironment' => $environment,
				'siteEnvironment'    => wp_get_environment_type(),
			)
		);
	}
}
