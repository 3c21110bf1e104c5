<?php
/**
 * Whether credentials belong to the site's environment.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Diagnosis\Finding;

/**
 * Compares the token's environment claim with wp_get_environment_type(). A local site uses development
 * credentials; the other types match by name. A server whose tokens carry no environment claim is not judged.
 */
final class Environment_Match {

	/**
	 * The environment claim expected on a site of this type.
	 *
	 * @param string $site_environment wp_get_environment_type().
	 */
	public static function expected( string $site_environment ): string {
		return 'local' === $site_environment ? 'development' : $site_environment;
	}

	/**
	 * A finding when the token was issued for another environment, else null.
	 *
	 * @param string $access_token     The token.
	 * @param string $site_environment wp_get_environment_type().
	 */
	public static function check( string $access_token, string $site_environment ): ?Finding {
		$claims = Jwt_Segments::decode( $access_token, Jwt_Segments::CLAIMS );
		$claim  = isset( $claims['environment'] ) && is_string( $claims['environment'] ) ? $claims['environment'] : null;
		if ( null === $claim || self::expected( $site_environment ) === $claim ) {
			return null;
		}
		return new Finding(
			'environment_mismatch',
			array(
				'tokenEnvironment' => $claim,
				'siteEnvironment'  => $site_environment,
			)
		);
	}
}
