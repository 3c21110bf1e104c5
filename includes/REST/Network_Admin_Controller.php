<?php
/**
 * Base of the routes of the network's screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Plugin;
use WP_Error;

/**
 * Routes for network administrators only (manage_network_options): a site's administrator manages that
 * site's own credentials and reads that site's own sync, never the network's.
 */
abstract class Network_Admin_Controller extends Admin_Controller {

	/**
	 * Allows network administrators only; anyone else gets 401 (not logged in) or 403.
	 *
	 * @return true|WP_Error
	 */
	public function check_permission() {
		if ( current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage the network\'s Causerie connection.', 'causerie-connector' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
