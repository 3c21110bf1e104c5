<?php
/**
 * REST routes for the leads and their emails.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Diagnosis\Finding;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /causerie/v1/leads: one page of leads, oldest first (the API's order), with the cursor to go on from.
 * GET and PUT /leads/notifications: whether new leads are emailed (off, instant, daily) and to whom.
 */
final class Leads_Controller extends Admin_Controller {

	public const REST_BASE = 'leads';

	/**
	 * Constructor.
	 *
	 * @param Conversations_Api  $api           The API's leads.
	 * @param Lead_Notifications $notifications The lead emails' setting.
	 */
	public function __construct(
		private readonly Conversations_Api $api,
		private readonly Lead_Notifications $notifications
	) {
		parent::__construct();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_items', Conversations_Read::paging() );
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE . '/notifications',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_notifications' ),
					'permission_callback' => array( $this, 'check_permission' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_notifications' ),
					'permission_callback' => array( $this, 'check_permission' ),
					'args'                => array(
						'mode'  => array(
							'description' => __( 'Off, an email for each new lead, or one digest a day.', 'causerie-connector' ),
							'type'        => 'string',
							'enum'        => Lead_Notifications::MODES,
							'required'    => true,
						),
						'email' => array(
							'description' => __( 'Address of the lead emails; empty for the alert emails\' address.', 'causerie-connector' ),
							'type'        => 'string',
							'maxLength'   => 254,
						),
					),
				),
			)
		);
	}

	/**
	 * One page of leads.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$cursor = $request->get_param( 'cursor' );
		$page   = $this->api->leads( is_string( $cursor ) ? $cursor : '', self::limit( $request ) );
		return $page instanceof Finding ? Conversations_Read::error( $page ) : rest_ensure_response( $page );
	}

	/**
	 * The lead emails' setting.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_notifications( $request ) {
		return rest_ensure_response( $this->notifications->settings() );
	}

	/**
	 * Saves the setting, refusing an address that is not one.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_notifications( $request ) {
		// Without an address, the one chosen before stays.
		$email = $request->has_param( 'email' ) ? $request->get_param( 'email' ) : $this->notifications->settings()['email'];
		$email = trim( is_string( $email ) ? $email : '' );
		if ( '' !== $email && Alert_Recipient::sanitize( $email ) !== $email ) {
			return Settings_Input::field_error( 'causerie_invalid_email', __( 'This is not a valid email address.', 'causerie-connector' ), 'email' );
		}
		$mode = $request->get_param( 'mode' );
		$this->notifications->save( is_string( $mode ) ? $mode : Lead_Notifications::OFF, $email );
		return $this->get_notifications( $request );
	}

	/**
	 * The page size asked for; the schema made it an integer in range.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private static function limit( WP_REST_Request $request ): int {
		$limit = $request->get_param( 'limit' );
		return is_int( $limit ) ? $limit : Conversations_Api::DEFAULT_LIMIT;
	}
}
