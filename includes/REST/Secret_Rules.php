<?php
/**
 * What a settings change may do with the secret in force.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Overrides;
use WP_Error;

/**
 * The stored secret goes only to the addresses it was saved for: a change of address needs the secret typed
 * again, and a secret set in wp-config.php or the environment goes only to an address set there. A site that
 * uses the network's secret uses the network's scopes too. Each refusal is a 400 naming the field.
 */
final class Secret_Rules {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $store Stored credentials.
	 */
	public function __construct( private readonly Credential_Store $store ) {}

	/**
	 * Why validated changes may not be tried or saved, or null when they may.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Validated changes.
	 */
	public function refusal( string $environment, array $changes ): ?WP_Error {
		return $this->destination( $environment, $changes ) ?? $this->scopes( $environment, $changes );
	}

	/**
	 * Why the changes would send the stored secret somewhere it was not saved for, or null. A secret typed in
	 * this request may go anywhere; the network's goes only to the network's addresses (the store makes sure);
	 * any other secret already in force stays with its addresses, and can't be dropped by a change of address.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Validated changes.
	 */
	private function destination( string $environment, array $changes ): ?WP_Error {
		$current = $this->store->credentials( $environment );
		if ( null === $current->secret || ( isset( $changes['clientSecret'] ) && is_string( $changes['clientSecret'] ) && '' !== $changes['clientSecret'] ) ) {
			return null;
		}
		$again     = Settings_Input::field_error( 'causerie_secret_required', __( 'Enter the client secret again to use it with the new address.', 'causerie-connector' ), 'clientSecret' );
		$candidate = $this->store->preview( $environment, $changes );
		if ( null === $candidate->secret ) {
			return $again;
		}
		if ( isset( $candidate->inherited['clientSecret'] ) ) {
			return null;
		}
		$addresses = static fn( Credentials $credentials ): array => array(
			'apiUrl'        => $credentials->api_url,
			'issuer'        => $credentials->issuer,
			'tokenEndpoint' => $credentials->token_endpoint,
		);
		$moved     = array_keys( array_diff_assoc( $addresses( $candidate ), $addresses( $current ) ) );
		if ( array() === $moved ) {
			return null;
		}
		if ( ! isset( $current->locked['clientSecret'] ) ) {
			return $again;
		}
		$field = (string) $moved[0];
		return Settings_Input::field_error(
			'causerie_secret_locked',
			sprintf(
				/* translators: 1: a field name, such as apiUrl; 2: the name of a wp-config.php constant, such as CAUSERIE_API_URL */
				__( 'The client secret is set in wp-config.php or the server environment, so it is only sent to an address set there too. Set %2$s beside it instead of changing %1$s here.', 'causerie-connector' ),
				$field,
				Overrides::constant_name( $field )
			),
			$field
		);
	}

	/**
	 * Why a site may not change its scopes, or null: a site that uses the network's client uses its scopes too.
	 *
	 * @param string               $environment Profile.
	 * @param array<string, mixed> $changes     Validated changes.
	 */
	private function scopes( string $environment, array $changes ): ?WP_Error {
		if ( ! isset( $changes['scopes'] ) || ! is_array( $changes['scopes'] ) ) {
			return null;
		}
		$candidate = $this->store->preview( $environment, $changes );
		$asked     = $changes['scopes'];
		sort( $asked );
		$network = $candidate->scopes;
		sort( $network );
		if ( ! isset( $candidate->inherited['clientSecret'] ) || $asked === $network ) {
			return null;
		}
		return Settings_Input::field_error(
			'causerie_scopes_inherited',
			__( 'This site uses the network\'s client secret, so it uses the network\'s permissions too. A network administrator can change them in the network\'s settings; or enter a client id and secret of this site\'s own.', 'causerie-connector' ),
			'scopes'
		);
	}
}
