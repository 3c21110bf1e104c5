<?php
/**
 * The plugin's shared object graph, built on first use.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Alerts\Alert_Emails;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Secret_Expiry;
use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Connection_Verifier;
use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Metadata_Fetcher;
use Causerie\Connector\Auth\Refusal;
use Causerie\Connector\Auth\Resource_Discovery;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Intake;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Revoker;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Health\Site_Health_Live_Tests;
use Causerie\Connector\Health\Site_Health_Run;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\Report\Support_Report;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Document_Builder;
use Causerie\Connector\Sync\Doubt_Check;
use Causerie\Connector\Sync\Full_Sync;
use Causerie\Connector\Sync\Knowledge_Api;
use Causerie\Connector\Sync\Post_Listener;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Queue_Report;
use Causerie\Connector\Sync\Reconciler;
use Causerie\Connector\Sync\Source_Ids;
use Causerie\Connector\Sync\Sync_Plan;
use Causerie\Connector\Sync\Sync_Runner;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Sync\Sync_Status;
use Causerie\Connector\Sync\Sync_Stops;
use Causerie\Connector\Sync\Withdrawal;

/**
 * The services several faces share (credentials, tokens, the API client, checks, the sync), each built once,
 * when a face first asks for it: a page view that asks for nothing loads none of their files. Only the
 * composition root holds it; services never see it.
 */
final class Service_Graph {

	use Builds_Once;

	/**
	 * Constructor.
	 *
	 * @param string     $file     Absolute path of the main plugin file.
	 * @param string     $version  Plugin version.
	 * @param float|null $deadline Unix time by which every outbound request ends (uninstall's), or none.
	 */
	public function __construct(
		private readonly string $file,
		private readonly string $version,
		private readonly ?float $deadline = null
	) {}


	/** Encryption of the secrets and tokens. */
	public function encryption(): Encryption {
		return $this->once( __FUNCTION__, static fn() => new Encryption() );
	}

	/** Where each secret may be sent. */
	public function secrets(): Secret_Binding {
		return $this->once( __FUNCTION__, fn() => new Secret_Binding( $this->encryption() ) );
	}

	/** The site's credentials; on a network, each field falls back to the network's. */
	public function credentials(): Credential_Store {
		return $this->once( __FUNCTION__, fn() => new Credential_Store( $this->encryption(), new Overrides(), null, is_multisite() ? Credential_Store::network_storage() : null, $this->secrets() ) );
	}

	/** The network's own credentials, for its settings page and route. */
	public function network_credentials(): Credential_Store {
		return $this->once( __FUNCTION__, fn() => new Credential_Store( $this->encryption(), new Overrides(), Credential_Store::network_storage(), null, $this->secrets() ) );
	}

	/** Whether this copy of the site moved or is paused. */
	public function binding(): Site_Binding {
		return $this->once( __FUNCTION__, static fn() => new Site_Binding() );
	}

	/** Outbound HTTP, silent on a paused copy. */
	public function http(): Http_Client {
		return $this->once( __FUNCTION__, fn() => new Http_Client( deadline: $this->deadline, paused: $this->binding()->is_paused( ... ) ) );
	}

	/** The server's metadata documents. */
	public function documents(): Metadata_Fetcher {
		return $this->once( __FUNCTION__, fn() => new Metadata_Fetcher( $this->http() ) );
	}

	/** Finds the authorization server. */
	public function discovery(): Discovery {
		return $this->once( __FUNCTION__, fn() => new Discovery( $this->documents(), new Resource_Discovery( $this->http(), $this->documents() ) ) );
	}

	/** Waits on 429 and 503. */
	public function retry(): Retry_Policy {
		return $this->once( __FUNCTION__, static fn() => new Retry_Policy() );
	}

	/** Talks to the token endpoint. */
	public function token_client(): Token_Client {
		return $this->once( __FUNCTION__, fn() => new Token_Client( new Client_Request( $this->http(), $this->secrets() ), Http_Client::DEFAULT_TIMEOUT, $this->retry() ) );
	}

	/** The server's signing keys. */
	public function jwks(): Jwks {
		return $this->once( __FUNCTION__, fn() => new Jwks( $this->documents() ) );
	}

	/** The stored token. */
	public function token_store(): Token_Store {
		return $this->once( __FUNCTION__, fn() => new Token_Store( $this->encryption() ) );
	}

	/** The token's lifecycle. */
	public function tokens(): Token_Manager {
		return $this->once(
			__FUNCTION__,
			function (): Token_Manager {
				$revoker = new Token_Revoker( $this->discovery(), $this->token_client() );
				$intake  = new Token_Intake( $this->token_client(), $this->token_store(), $this->binding() );
				$renewal = new Token_Renewal( $this->credentials(), $this->discovery(), $this->token_client(), $this->token_store(), $intake, new Lock(), $revoker );
				return new Token_Manager( $this->credentials(), $this->discovery(), $this->token_client(), $this->token_store(), $this->binding(), $revoker, $intake, $renewal );
			}
		);
	}

	/** The one client for every API call. */
	public function api(): Api_Client {
		return $this->once( __FUNCTION__, fn() => new Api_Client( $this->tokens(), $this->credentials(), $this->http(), new Refusal( $this->jwks(), $this->token_client() ), $this->retry() ) );
	}

	/** Tries candidate credentials. */
	public function verifier(): Connection_Verifier {
		return $this->once( __FUNCTION__, fn() => new Connection_Verifier( $this->discovery(), $this->token_client(), $this->api() ) );
	}

	/** The connection's last known state, which every face reads. */
	public function state(): Connection_State {
		return $this->once( __FUNCTION__, fn() => new Connection_State( $this->credentials(), $this->binding() ) );
	}

	/** The live checks. */
	public function checks(): Live_Checks {
		return $this->once( __FUNCTION__, fn() => new Live_Checks( $this->credentials(), $this->tokens(), $this->api(), $this->binding(), $this->state() ) );
	}

	/** The event log. */
	public function event_log(): Event_Log {
		return $this->once( __FUNCTION__, fn() => new Event_Log( $this->file ) );
	}

	/** The connection's state, without calling the API. */
	public function status(): Connection_Status {
		return $this->once( __FUNCTION__, fn() => new Connection_Status( $this->credentials(), $this->state(), $this->token_store(), $this->checks(), $this->discovery() ) );
	}

	/** Site Health's asynchronous tests, sharing one run of the checks. */
	public function health_tests(): Site_Health_Live_Tests {
		return $this->once( __FUNCTION__, fn() => new Site_Health_Live_Tests( new Site_Health_Run( $this->checks() ) ) );
	}

	/** The support report. */
	public function report(): Support_Report {
		return $this->once( __FUNCTION__, fn() => new Support_Report( $this->version, $this->credentials(), $this->token_store(), $this->binding(), $this->checks(), $this->status(), $this->event_log() ) );
	}

	/** Who gets the alert emails. */
	public function recipient(): Alert_Recipient {
		return $this->once( __FUNCTION__, static fn() => new Alert_Recipient() );
	}

	/** Sends the alert emails. */
	public function alerter(): Alerter {
		return $this->once( __FUNCTION__, fn() => new Alerter( $this->recipient(), new Alert_Emails() ) );
	}

	/** Reminds before the secret expires. */
	public function expiry(): Secret_Expiry {
		return $this->once( __FUNCTION__, fn() => new Secret_Expiry( $this->file, $this->alerter() ) );
	}

	/** Whether WP-Cron runs the plugin's jobs. */
	public function cron(): Cron_Monitor {
		return $this->once( __FUNCTION__, static fn() => new Cron_Monitor( defined( 'DISABLE_WP_CRON' ) && (bool) constant( 'DISABLE_WP_CRON' ), array( Token_Refresh::HOOK, Health_Check::HOOK ) ) );
	}

	/** The hourly checks and the alerts they send. */
	public function health_check(): Health_Check {
		return $this->once( __FUNCTION__, fn() => new Health_Check( $this->file, $this->checks(), $this->status(), $this->alerter(), $this->expiry() ) );
	}

	/** The sync's queue. */
	public function queue(): Queue {
		return $this->once( __FUNCTION__, static fn() => new Queue() );
	}

	/** Which posts go to the knowledge base. */
	public function selection(): Content_Selection {
		return $this->once( __FUNCTION__, static fn() => new Content_Selection() );
	}

	/** The knowledge base, through the API client. */
	public function knowledge(): Knowledge_Api {
		return $this->once( __FUNCTION__, fn() => new Knowledge_Api( $this->api() ) );
	}

	/** The documents' ids. */
	public function source_ids(): Source_Ids {
		return $this->once( __FUNCTION__, static fn() => new Source_Ids() );
	}

	/** The sync's stored state. */
	public function sync_state(): Sync_State {
		return $this->once( __FUNCTION__, static fn() => new Sync_State( new Lock() ) );
	}

	/** Wakes the sync's runner. */
	public function schedule(): Sync_Schedule {
		return $this->once( __FUNCTION__, static fn() => new Sync_Schedule() );
	}

	/** The queue's figures. */
	public function queue_report(): Queue_Report {
		return $this->once( __FUNCTION__, static fn() => new Queue_Report() );
	}

	/** The full sync. */
	public function full_sync(): Full_Sync {
		return $this->once( __FUNCTION__, fn() => new Full_Sync( $this->queue(), $this->queue_report(), $this->selection(), $this->sync_state() ) );
	}

	/** Sends the queue. */
	public function runner(): Sync_Runner {
		return $this->once( __FUNCTION__, fn() => new Sync_Runner( $this->queue(), $this->knowledge(), new Doubt_Check( $this->knowledge() ), new Sync_Plan( new Document_Builder( $this->source_ids() ), $this->selection(), $this->source_ids() ), $this->sync_state(), $this->full_sync(), new Sync_Stops( $this->queue(), $this->sync_state() ), time( ... ) ) );
	}

	/** Compares the knowledge base with the site. */
	public function reconciler(): Reconciler {
		return $this->once( __FUNCTION__, fn() => new Reconciler( $this->knowledge(), $this->queue(), $this->selection(), $this->source_ids(), $this->sync_state() ) );
	}

	/** Queues the posts that change. */
	public function listener(): Post_Listener {
		return $this->once( __FUNCTION__, fn() => new Post_Listener( $this->queue(), $this->selection(), $this->schedule() ) );
	}

	/** The sync's status. */
	public function sync_status(): Sync_Status {
		return $this->once( __FUNCTION__, fn() => new Sync_Status( $this->sync_state(), $this->full_sync(), $this->queue_report(), $this->selection() ) );
	}

	/** "Remove my content from Causerie". */
	public function withdrawal(): Withdrawal {
		return $this->once( __FUNCTION__, fn() => new Withdrawal( $this->queue(), $this->selection(), $this->full_sync() ) );
	}
}
