<?php
/**
 * REST route for the token in use.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Plugin;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/token: the stored token's decoded header and claims and its schedule, read without a call
 * to the API. The raw JWT is sent only when the admin explicitly asks (reveal=true), for the inspector. Never
 * cached.
 */
final class Token_Controller extends Admin_Controller {

	public const REST_BASE = 'token';

	/**
	 * Transient holding the request id of the last regeneration.
	 */
	private const REGENERATED = 'causerie_token_regenerated';

	/**
	 * Constructor.
	 *
	 * @param Token_Manager    $tokens      The token lifecycle.
	 * @param Api_Client       $api         Proven, atomic replacement of the token.
	 * @param Credential_Store $credentials Whose client the token was issued to.
	 */
	public function __construct(
		private readonly Token_Manager $tokens,
		private readonly Api_Client $api,
		private readonly Credential_Store $credentials
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
				'reveal' => array(
					'description' => __( 'Include the raw access token, for the token inspector.', 'causerie-connector' ),
					'type'        => 'boolean',
					'default'     => false,
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE . '/regenerate',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'regenerate' ),
				'permission_callback' => array( $this, 'check_permission' ),
				'args'                => array(
					'requestId' => array(
						'description' => __( 'Client-chosen id; repeating it returns the first answer instead of renewing again.', 'causerie-connector' ),
						'type'        => 'string',
						'pattern'     => '^[A-Za-z0-9-]{8,64}$',
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * Forgets the last regeneration: uninstall leaves no copy of it in the object cache.
	 */
	public static function forget_regeneration(): void {
		delete_transient( self::REGENERATED );
	}

	/**
	 * Gets a new token, swaps it in and revokes the old one. The old token stays in place when anything
	 * fails. Repeating a request id is answered from the first run, so a retried click renews once.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function regenerate( $request ) {
		$request_id = $request->get_param( 'requestId' );
		$request_id = is_string( $request_id ) ? $request_id : '';
		$done       = get_transient( self::REGENERATED );
		if ( is_array( $done ) && is_string( $done['requestId'] ?? null ) && hash_equals( $done['requestId'], $request_id ) ) {
			$token = $this->tokens->token();
			if ( $token instanceof Cached_Token ) {
				return $this->describe( $token, false, array( 'previousRevoked' => (bool) ( $done['previousRevoked'] ?? false ) ) );
			}
		}
		$outcome = $this->api->regenerate();
		if ( $outcome instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_regeneration_failed', $outcome );
		}
		set_transient(
			self::REGENERATED,
			array(
				'requestId'       => $request_id,
				'previousRevoked' => $outcome->previous_revoked,
			),
			10 * MINUTE_IN_SECONDS
		);
		return $this->describe( $outcome->token, false, array( 'previousRevoked' => $outcome->previous_revoked ) );
	}

	/**
	 * The token in hand. Reading never asks the API for a token nor waits for one: a worker could be held for
	 * as long as a renewal takes. Without a token, the answer says why (none yet, or another request is
	 * getting one); getting one is a POST (regenerate, or the checks).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$reveal = true === $request->get_param( 'reveal' );
		// A token minted with the network's secret acts as the network's client: only its administrators see it.
		if ( $reveal && isset( $this->credentials->credentials()->inherited['clientSecret'] ) && ! current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			return new WP_Error(
				'causerie_reveal_forbidden',
				__( 'This site uses the network\'s client secret, so only a network administrator may see its access token. Its header, claims and schedule are shown without it.', 'causerie-connector' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		$token = $this->tokens->stored();
		if ( ! $token instanceof Cached_Token ) {
			return Diagnosis_Error::from( 'causerie_token_unavailable', $token );
		}
		return $this->describe( $token, $reveal );
	}

	/**
	 * What the inspector shows of a token.
	 *
	 * @param Cached_Token $token  The token.
	 * @param bool         $reveal Whether to include the raw token.
	 * @param array<mixed> $extra  More fields.
	 */
	private function describe( Cached_Token $token, bool $reveal, array $extra = array() ): WP_REST_Response {
		$header = Jwt_Segments::decode( $token->access_token, Jwt_Segments::HEADER );
		$data   = $extra + array(
			// An opaque token (not a JWT) has nothing to decode; the inspector says so.
			'format'      => null === $header ? 'opaque' : 'jwt',
			'header'      => $header ?? new \stdClass(),
			'claims'      => Jwt_Segments::decode( $token->access_token, Jwt_Segments::CLAIMS ) ?? new \stdClass(),
			'scopes'      => $token->scopes,
			'environment' => $token->environment,
			'issuedAt'    => gmdate( 'c', $token->issued_at ),
			'expiresAt'   => gmdate( 'c', $token->expires_at ),
			'renewAt'     => gmdate( 'c', $token->renew_at() ),
			'expiryKnown' => $token->expiry_known,
			'clockSkew'   => $token->clock_skew,
		);
		if ( $reveal ) {
			$data['token'] = $token->access_token;
		}
		$response = rest_ensure_response( $data );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
