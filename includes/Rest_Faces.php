<?php
/**
 * The REST controllers, over the object graphs.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\REST\Activity_Controller;
use Causerie\Connector\REST\Alerts_Controller;
use Causerie\Connector\REST\Binding_Controller;
use Causerie\Connector\REST\Checks_Controller;
use Causerie\Connector\REST\Conversations_Controller;
use Causerie\Connector\REST\Diagnoses_Controller;
use Causerie\Connector\REST\Events_Controller;
use Causerie\Connector\REST\Jwks_Controller;
use Causerie\Connector\REST\Leads_Controller;
use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\REST\Network_Sync_Controller;
use Causerie\Connector\REST\Notice_Controller;
use Causerie\Connector\REST\Report_Controller;
use Causerie\Connector\REST\Request_Guard;
use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\REST\Settings_Input;
use Causerie\Connector\REST\Setup_Controller;
use Causerie\Connector\REST\Site_Controller;
use Causerie\Connector\REST\Site_Health_Controller;
use Causerie\Connector\REST\Status_Controller;
use Causerie\Connector\REST\Sync_Actions_Controller;
use Causerie\Connector\REST\Sync_Controller;
use Causerie\Connector\REST\Token_Controller;
use Causerie\Connector\REST\Widget_Controller;
use Causerie\Connector\Setup\First_Run;

/**
 * Part of the composition root, as the graphs are: builds the REST face's services by hand, which Plugin
 * registers on rest_api_init. It registers nothing itself.
 */
final class Rest_Faces {

	/**
	 * Constructor.
	 *
	 * @param string        $version Plugin version.
	 * @param Service_Graph $graph   The shared services.
	 * @param Chat_Graph    $chat    The chatbot's services.
	 */
	public function __construct(
		private readonly string $version,
		private readonly Service_Graph $graph,
		private readonly Chat_Graph $chat
	) {}

	/**
	 * The request guard and every controller; the network's only on a multisite network.
	 *
	 * @return list<Request_Guard|REST\Admin_Controller>
	 */
	public function services(): array {
		$graph       = $this->graph;
		$chat        = $this->chat;
		$credentials = $graph->credentials();
		$services    = array(
			new Request_Guard(),
			new Site_Controller( $this->version ),
			new Setup_Controller( new First_Run( $credentials ), $credentials, new Api_Url_Policy(), $graph->discovery() ),
			new Settings_Controller( $credentials, new Settings_Input( $credentials, new Api_Url_Policy() ), $graph->verifier(), $graph->binding(), $graph->tokens() ),
			new Binding_Controller( $graph->binding() ),
			new Token_Controller( $graph->tokens(), $graph->api(), $credentials ),
			new Checks_Controller( $graph->checks(), new Lock() ),
			new Status_Controller( $graph->status(), $graph->cron() ),
			new Events_Controller( $graph->event_log() ),
			new Report_Controller( $graph->report() ),
			new Jwks_Controller( $graph->tokens(), $graph->jwks() ),
			new Diagnoses_Controller(),
			new Site_Health_Controller( $graph->health_tests() ),
			new Alerts_Controller( $graph->recipient() ),
			new Notice_Controller(),
			new Sync_Controller( $graph->sync_status(), $graph->full_sync(), $graph->runner(), $graph->schedule() ),
			new Sync_Actions_Controller( $graph->sync_status(), $graph->queue(), $graph->reconciler(), $graph->selection(), $graph->listener(), $graph->schedule(), $graph->withdrawal() ),
			new Widget_Controller( $chat->widget_options(), $chat->widget() ),
			new Conversations_Controller( $chat->conversations() ),
			new Leads_Controller( $chat->conversations(), $chat->notifications() ),
			new Activity_Controller( $chat->activity() ),
		);
		if ( is_multisite() ) {
			$network    = $graph->network_credentials();
			$services[] = new Network_Settings_Controller( $network, new Settings_Input( $network, new Api_Url_Policy() ), $graph->verifier() );
			$services[] = new Network_Sync_Controller( $graph->sync_status() );
		}
		return $services;
	}
}
