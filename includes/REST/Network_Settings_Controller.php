<?php
/**
 * REST routes for the network's credentials.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Api\Connection_Verifier;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Log\Event_Log;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET and POST /causerie/v1/network/settings, on a multisite network only: the credentials every site
 * uses unless it sets its own. Only network administrators (manage_network_options) may read or change
 * them; the input rules and the verification before saving are those of the site's settings route.
 */
final class Network_Settings_Controller extends Network_Admin_Controller {

	public const REST_BASE = 'network/settings';

	/**
	 * Constructor.
	 *
	 * @param Credential_Store    $store    The network's stored credentials.
	 * @param Settings_Input      $input    Reads and checks what a request asks to change, for the network's store.
	 * @param Connection_Verifier $verifier Tries credentials against the API before they are saved.
	 */
	public function __construct(
		private readonly Credential_Store $store,
		private readonly Settings_Input $input,
		private readonly Connection_Verifier $verifier
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$environment = Settings_Input::environment_arg( __( 'Environment profile; the network\'s own by default.', 'causerie-connector' ) );
		register_rest_route( self::NAMESPACE, '/' . self::REST_BASE, Settings_Input::endpoints( $this, $environment ) );
	}

	/**
	 * The network's settings of a profile, without the secret.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response( $this->store->public_view( $this->input->environment_of( $request ) ) );
	}

	/**
	 * Validates, verifies and saves changes to one of the network's profiles.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$environment = $this->input->environment_of( $request );
		// Every site without credentials of its own will use these: they must work before they are stored.
		$verified = $this->input->verified_changes( $request, $environment, $this->verifier );
		if ( $verified instanceof WP_Error ) {
			return $verified;
		}
		list( $changes, $proof ) = $verified;
		// Each site gets its own token; this one only proved the credentials.
		if ( null !== $proof ) {
			$this->verifier->discard( $proof );
		}
		$this->store->save( $environment, $changes );
		if ( null !== $proof ) {
			// From now on the network's secret goes only where it was just proven.
			$this->store->bind_secret( $this->store->credentials( $environment ), $proof->endpoints->issuer, $proof->endpoints->token_endpoint );
		}
		Event_Log::emit(
			'settings',
			'saved',
			array(
				'level'       => 'network',
				'environment' => $environment,
				'fields'      => array_keys( $changes ),
			)
		);
		return rest_ensure_response( $this->store->public_view( $environment ) );
	}

	/**
	 * The response schema: the site's settings, at the network's level.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$this->schema = Settings_Controller::settings_schema( 'causerie-network-settings' );
		return $this->add_additional_fields_schema( $this->schema );
	}
}
