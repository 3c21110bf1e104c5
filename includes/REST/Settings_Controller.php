<?php
/**
 * REST routes for the credentials and settings.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Api\Connection_Verifier;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Log\Event_Log;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET and POST /causerie/v1/settings. The secret is write-only: answers carry hasSecret and a hint.
 * Bad input gets a 400 naming the field, and nothing is stored.
 */
final class Settings_Controller extends Admin_Controller {

	public const REST_BASE = 'settings';

	/**
	 * Constructor.
	 *
	 * @param Credential_Store    $store    Stored credentials.
	 * @param Settings_Input      $input    Reads and checks what a request asks to change.
	 * @param Connection_Verifier $verifier Tries credentials against the API before they are saved.
	 * @param Site_Binding        $binding  Ties saved credentials to this site's address.
	 * @param Token_Manager       $tokens   Takes in the token that proved new credentials, and forgets the old.
	 */
	public function __construct(
		private readonly Credential_Store $store,
		private readonly Settings_Input $input,
		private readonly Connection_Verifier $verifier,
		private readonly Site_Binding $binding,
		private readonly Token_Manager $tokens
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$environment = Settings_Input::environment_arg( __( 'Environment profile; the site\'s own by default.', 'causerie-connector' ) );
		register_rest_route( self::NAMESPACE, '/' . self::REST_BASE, Settings_Input::endpoints( $this, $environment ) );
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE . '/verify',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'verify' ),
				'permission_callback' => array( $this, 'check_permission' ),
				'args'                => array( 'environment' => $environment ) + Settings_Input::args(),
			)
		);
	}

	/**
	 * The settings of a profile, without the secret.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response( $this->store->public_view( $this->input->environment_of( $request ) ) );
	}

	/**
	 * Validates, verifies and saves changes to a profile. For the site's own profile, the token that proved the
	 * new credentials becomes the token in use, and one issued to credentials that changed is revoked.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$environment = $this->input->environment_of( $request );
		$previous    = $this->store->credentials( $environment );
		$verified    = $this->input->verified_changes( $request, $environment, $this->verifier );
		if ( $verified instanceof WP_Error ) {
			return $verified;
		}
		list( $changes, $proof ) = $verified;
		$this->store->save( $environment, $changes );
		if ( null !== $proof ) {
			// From now on the secret goes only where it was just proven.
			$this->store->bind_secret( $this->store->credentials( $environment ), $proof->endpoints->issuer, $proof->endpoints->token_endpoint );
		}
		Event_Log::emit(
			'settings',
			'saved',
			array(
				'environment' => $environment,
				'fields'      => array_keys( $changes ),
			)
		);
		$active = $environment === $this->store->active_environment();
		if ( null !== $proof && $active ) {
			$this->tokens->adopt( $proof->response, $proof->endpoints, $this->store->credentials( $environment ), $previous );
		} elseif ( null !== $proof ) {
			$this->verifier->discard( $proof );
		} elseif ( $active && $previous->identity() !== $this->store->credentials( $environment )->identity() ) {
			$this->tokens->forget( $previous );
		}
		if ( $active ) {
			$this->binding->bind();
		}
		return rest_ensure_response( $this->store->public_view( $environment ) );
	}

	/**
	 * Tries candidate credentials without saving anything.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function verify( $request ) {
		$environment = $this->input->environment_of( $request );
		$changes     = $this->input->changes( $request, $environment, false );
		if ( $changes instanceof WP_Error ) {
			return $changes;
		}
		$candidate = $this->store->preview( $environment, $changes );
		if ( ! $candidate->is_complete() ) {
			return Settings_Input::field_error( 'causerie_incomplete', __( 'A client id, a secret and an API address are all needed to connect.', 'causerie-connector' ), '' );
		}
		$result = $this->verifier->verify( $candidate, Settings_Input::typed_secret( $changes ) );
		if ( $result instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_verification_failed', $result );
		}
		// Nothing is saved, so the token that proved them is not kept either.
		$this->verifier->discard( $result );
		return rest_ensure_response(
			array(
				'verified'  => true,
				'scopes'    => $result->response->scopes,
				'expiresIn' => $result->response->expires_in,
			)
		);
	}

	/**
	 * The response schema; the TypeScript type Settings mirrors it.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = self::settings_schema( 'causerie-settings' );
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The schema of one profile's settings, at either level.
	 *
	 * @param string $title Schema title.
	 * @return array<string, mixed>
	 */
	public static function settings_schema( string $title ): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => $title,
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'environment'       => array(
					'type' => 'string',
					'enum' => Credential_Store::ENVIRONMENTS,
				),
				'activeEnvironment' => array(
					'type' => 'string',
					'enum' => Credential_Store::ENVIRONMENTS,
				),
				'clientId'          => array( 'type' => 'string' ),
				'hasSecret'         => array( 'type' => 'boolean' ),
				'secretHint'        => array( 'type' => 'string' ),
				'secretStatus'      => array(
					'type' => 'string',
					'enum' => array( 'ok', 'missing', 'key_changed', 'copied', 'corrupt' ),
				),
				'apiUrl'            => array( 'type' => 'string' ),
				'issuer'            => array( 'type' => 'string' ),
				'tokenEndpoint'     => array( 'type' => 'string' ),
				'scopes'            => array(
					'type'  => 'array',
					'items' => array( 'type' => 'string' ),
				),
				'locked'            => array(
					'type'                 => 'object',
					'additionalProperties' => array(
						'type' => 'string',
						'enum' => array( 'constant', 'environment' ),
					),
				),
				// Fields this site does not set itself, taken from the network's settings (multisite).
				'inherited'         => array(
					'type'                 => 'object',
					'additionalProperties' => array(
						'type' => 'string',
						'enum' => array( 'network' ),
					),
				),
			),
		);
	}
}
