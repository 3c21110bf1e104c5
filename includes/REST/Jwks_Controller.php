<?php
/**
 * REST route for the API's signing keys.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Diagnosis\Finding;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/jwks: the authorization server's public keys, fetched and cached on the server (as long as
 * their caching headers allow), so the token inspector verifies signatures without a cross-origin request.
 * Asked with the kid of a token, the keys are fetched again when the cached set lacks it.
 */
final class Jwks_Controller extends Admin_Controller {

	public const REST_BASE = 'jwks';

	/**
	 * Constructor.
	 *
	 * @param Token_Manager $tokens Where the keys are: the endpoints of the credentials in force.
	 * @param Jwks          $jwks   The keys.
	 */
	public function __construct(
		private readonly Token_Manager $tokens,
		private readonly Jwks $jwks
	) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route(
			'get_item',
			array(
				'kid' => array(
					'description' => __( 'The key a token names: the keys are fetched again when it is not among the cached ones.', 'causerie-connector' ),
					'type'        => 'string',
					'maxLength'   => 256,
					'default'     => '',
				),
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
		$endpoints = $this->tokens->endpoints();
		if ( $endpoints instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', $endpoints );
		}
		$kid  = $request->get_param( 'kid' );
		$keys = $this->jwks->keys( $endpoints, is_string( $kid ) ? $kid : '' );
		if ( $keys instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_jwks_unavailable', $keys );
		}
		return rest_ensure_response( array( 'keys' => $keys ) );
	}
}
