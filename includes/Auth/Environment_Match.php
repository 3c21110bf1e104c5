<?php
/**
 * Whether credentials belong to the site's environment.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;

/**
 * Compares the token's environment claim with the environment of the profile the credentials belong to:
 * the site's own, wp_get_environment_type(), for the active profile. A local profile uses development
 * credentials; the other types match by name. A server whose tokens carry no environment claim is not judged.
 */
final class Environment_Match {

	/**
	 * The environment claim expected for a profile.
	 *
	 * @param string $environment A profile: an environment type.
	 */
	public static function expected( string $environment ): string {
		return 'local' === $environment ? 'development' : $environment;
	}

	/**
	 * A finding when the token was issued for another environment than the profile's, else null.
	 *
	 * @param string $access_token The token.
	 * @param string $environment  The profile the credentials belong to.
	 */
	public static function check( string $access_token, string $environment ): ?Finding {
		$claims = Jwt_Segments::decode( $access_token, Jwt_Segments::CLAIMS );
		$claim  = isset( $claims['environment'] ) && is_string( $claims['environment'] ) ? $claims['environment'] : null;
		if ( null === $claim || self::expected( $environment ) === $claim ) {
			return null;
		}
		return new Finding(
			'environment_mismatch',
			array(
				'tokenEnvironment'   => $claim,
				'profileEnvironment' => $environment,
				'siteEnvironment'    => wp_get_environment_type(),
			)
		);
	}
}
