<?php
/**
 * REST route for the connection status at a glance.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Codes;
use Causerie\Connector\Diagnosis\Fixes;
use Causerie\Connector\Health\Live_Checks;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/status: connected, attention or broken, with the active diagnosis, from what is known
 * without calling the API: settings, site binding, the cached token and the last live checks.
 */
final class Status_Controller extends Admin_Controller {

	public const REST_BASE = 'status';

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $credentials Stored credentials.
	 * @param Site_Binding     $binding     Site address binding.
	 * @param Token_Store      $tokens      The cached token.
	 * @param Live_Checks      $checks      The last live checks.
	 */
	public function __construct(
		private readonly Credential_Store $credentials,
		private readonly Site_Binding $binding,
		private readonly Token_Store $tokens,
		private readonly Live_Checks $checks
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
	 * The status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$code     = $this->active_code();
		$severity = '' === $code ? '' : ( Codes::all()[ $code ]['severity'] ?? 'error' );
		$token    = $this->tokens->get();
		$last     = $this->checks->last();
		$response = rest_ensure_response(
			array(
				'state'          => match ( $severity ) {
					'' => 'connected',
				'error' => 'broken',
				default => 'attention',
				},
				'diagnosis'      => '' === $code ? null : array(
					'code'     => $code,
					'severity' => $severity,
				) + Fixes::describe( $code ),
				'tokenExpiresAt' => null === $token ? null : gmdate( 'c', $token->expires_at ),
				'nextRefreshAt'  => null === $token ? null : gmdate( 'c', $token->renew_at() ),
				'checkedAt'      => $last['checkedAt'] ?? null,
				'lastSuccessAt'  => $last['lastSuccessAt'] ?? null,
			)
		);
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The diagnosis that matters most now, or an empty string.
	 */
	private function active_code(): string {
		$credentials = $this->credentials->credentials();
		if ( Decryption_Failure::Key_Changed === $credentials->secret_failure ) {
			return 'encryption_key_changed';
		}
		if ( ! $credentials->is_complete() ) {
			return 'not_configured';
		}
		if ( $this->binding->is_paused() ) {
			return 'connection_paused';
		}
		if ( $this->binding->has_moved() ) {
			return 'site_moved';
		}
		$checks = $this->checks->last()['checks'] ?? array();
		foreach ( is_array( $checks ) ? $checks : array() as $check ) {
			if ( is_array( $check ) && in_array( $check['status'] ?? '', array( 'error', 'warning' ), true ) && is_string( $check['code'] ?? null ) && '' !== $check['code'] ) {
				return $check['code'];
			}
		}
		return '';
	}
}
