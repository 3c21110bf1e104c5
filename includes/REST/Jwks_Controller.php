<?php
/**
 * REST route for the API's signing keys.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Transport_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/jwks: the API's JWKS, fetched and cached on the server (five minutes), so the token
 * inspector verifies signatures without a cross-origin request. Only public key members are passed on.
 */
final class Jwks_Controller extends Admin_Controller {

	public const REST_BASE = 'jwks';
	public const CACHE     = 'causerie_jwks_';

	/**
	 * Members of a JWK that are never public.
	 */
	private const PRIVATE_MEMBERS = array( 'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k' );

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Where the API is.
	 * @param Discovery        $discovery   Where its JWKS is.
	 * @param Http_Client      $http        Outbound HTTP.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Discovery $discovery,
		private readonly Http_Client $http
	) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE,
			array(
				'methods'             => 'GET',
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => array( $this, 'check_permission' ),
			)
		);
	}

	/**
	 * The public keys.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$api_url = $this->credentials->credentials()->api_url;
		if ( '' === $api_url ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', new Finding( 'not_configured' ) );
		}
		$cached = get_transient( self::CACHE . md5( $api_url ) );
		if ( is_array( $cached ) ) {
			return rest_ensure_response( $cached );
		}
		$metadata = $this->discovery->metadata( $api_url );
		if ( $metadata instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', $metadata );
		}
		$response = $this->http->request( 'GET', $metadata->jwks_uri );
		if ( $response instanceof Transport_Error ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', Finding::from_transport( $response, $metadata->jwks_uri ) );
		}
		$unusable = Finding::from_unusable_response( $response, $metadata->jwks_uri );
		$body     = $response->json();
		if ( null !== $unusable || null === $body || ! isset( $body['keys'] ) || ! is_array( $body['keys'] ) ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', $unusable ?? new Finding( 'metadata_invalid', array( 'url' => $metadata->jwks_uri ) ) );
		}
		$keys = array();
		foreach ( $body['keys'] as $key ) {
			if ( is_array( $key ) ) {
				$keys[] = array_diff_key( $key, array_flip( self::PRIVATE_MEMBERS ) );
			}
		}
		$jwks = array( 'keys' => $keys );
		set_transient( self::CACHE . md5( $api_url ), $jwks, 5 * MINUTE_IN_SECONDS );
		return rest_ensure_response( $jwks );
	}
}
