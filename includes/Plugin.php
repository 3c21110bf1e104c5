<?php
/**
 * Composition root.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Admin\Editor_Panel;
use Causerie\Connector\Admin\Network_Settings_Page;
use Causerie\Connector\Admin\Network_Sync_Table;
use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Alerts\Alert_Emails;
use Causerie\Connector\Alerts\Alert_Recipient;
use Causerie\Connector\Alerts\Alerter;
use Causerie\Connector\Alerts\Problem_Tracker;
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
use Causerie\Connector\CLI\Command;
use Causerie\Connector\CLI\Commands;
use Causerie\Connector\CLI\Credentials_Command;
use Causerie\Connector\CLI\Log_Command;
use Causerie\Connector\CLI\Report_Command;
use Causerie\Connector\CLI\Sync_Command;
use Causerie\Connector\CLI\Token_Command;
use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Cron\Cron_Monitor;
use Causerie\Connector\Cron\Health_Check;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Report\Support_Report;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Health\Debug_Information;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Health\Site_Health_Live_Tests;
use Causerie\Connector\Health\Site_Health_Run;
use Causerie\Connector\Health\Site_Health_Tests;
use Causerie\Connector\Health\Sync_Health;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;
use Causerie\Connector\I18n\Translations;
use Causerie\Connector\Log\Event_Log;
use Causerie\Connector\REST\Alerts_Controller;
use Causerie\Connector\REST\Binding_Controller;
use Causerie\Connector\REST\Checks_Controller;
use Causerie\Connector\REST\Diagnoses_Controller;
use Causerie\Connector\REST\Events_Controller;
use Causerie\Connector\REST\Jwks_Controller;
use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\REST\Notice_Controller;
use Causerie\Connector\REST\Report_Controller;
use Causerie\Connector\REST\Request_Guard;
use Causerie\Connector\REST\Settings_Controller;
use Causerie\Connector\REST\Settings_Input;
use Causerie\Connector\REST\Site_Controller;
use Causerie\Connector\REST\Site_Health_Controller;
use Causerie\Connector\REST\Status_Controller;
use Causerie\Connector\REST\Token_Controller;
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
use Causerie\Connector\Sync\Sync_Cron;
use Causerie\Connector\Sync\Sync_Plan;
use Causerie\Connector\Sync\Sync_Runner;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_Status;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Sync\Sync_Stops;
use Causerie\Connector\REST\Sync_Controller;
use Causerie\Connector\REST\Sync_Actions_Controller;
use Causerie\Connector\Admin\Posts_Column;
use Causerie\Connector\Sync\Withdrawal;
use Causerie\Connector\Alerts\Lead_Emails;
use Causerie\Connector\CLI\Conversations_Command;
use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Conversations\Lead_Feed;
use Causerie\Connector\Conversations\Lead_Mail;
use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Conversations\Lead_Poller;
use Causerie\Connector\Conversations\Privacy;
use Causerie\Connector\REST\Conversations_Controller;
use Causerie\Connector\REST\Leads_Controller;
use Causerie\Connector\Widget\Chat_Embed;
use Causerie\Connector\Widget\Consent;
use Causerie\Connector\Widget\Widget_Front;
use Causerie\Connector\CLI\Widget_Command;
use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\REST\Widget_Controller;
use Causerie\Connector\Widget\Origin_Removals;
use Causerie\Connector\Widget\Widget_Api;
use Causerie\Connector\Widget\Widget_Cron;
use Causerie\Connector\Widget\Widget_Health;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Widget\Widget_Service;

/**
 * Builds every service by hand and registers its hooks. Nothing else creates services.
 */
final class Plugin {

	/**
	 * Capability needed for every admin screen and REST route of the plugin.
	 */
	public const CAPABILITY = 'manage_options';

	/**
	 * Capability needed for the network's credentials on a multisite network: network administrators.
	 */
	public const NETWORK_CAPABILITY = 'manage_network_options';

	/**
	 * Text domain for translations.
	 */
	public const TEXT_DOMAIN = 'causerie-connector';

	/**
	 * Seconds uninstall gives to revoking the tokens of every site, in all.
	 */
	public const UNINSTALL_REVOKE_SECONDS = 5;

	/**
	 * Constructor.
	 *
	 * @param string $file    Absolute path of the main plugin file.
	 * @param string $version Plugin version.
	 */
	public function __construct(
		private readonly string $file,
		private readonly string $version
	) {}

	/**
	 * Revokes the current site's token with the credentials it was issued to, as a best effort: on uninstall,
	 * so a deleted plugin leaves no live token behind. Every request, discovery included, ends by the
	 * deadline, which uninstall sets once for all the sites of a network.
	 *
	 * @param float $deadline Unix time, with microseconds, by which to give up.
	 */
	public function revoke_token( float $deadline ): void {
		$encryption = new Encryption();
		$token      = ( new Token_Store( $encryption ) )->get();
		if ( null === $token ) {
			return;
		}
		// A paused copy holds the live site's token: it must not revoke it.
		$http      = new Http_Client( deadline: $deadline, paused: self::paused() );
		$discovery = self::discovery( $http );
		$secrets   = new Secret_Binding( $encryption );
		( new Token_Revoker( $discovery, new Token_Client( new Client_Request( $http, $secrets ) ) ) )->revoke_stale( $token, self::credentials( $encryption )->credentials( $token->environment ) );
	}

	/**
	 * Forgets the current site's copies in the object cache, which uninstall's sweep of the database can't
	 * see: the token, the locks, the endpoints and signing keys found for each profile (the site's own and
	 * the network's), and the last regeneration. Without a persistent cache, these are rows the sweep removes.
	 */
	public function forget_cached_copies(): void {
		$encryption = new Encryption();
		$http       = new Http_Client( paused: self::paused() );
		$discovery  = self::discovery( $http );
		$jwks       = new Jwks( new Metadata_Fetcher( $http ) );
		$stores     = array( self::credentials( $encryption ) );
		if ( is_multisite() ) {
			$stores[] = new Credential_Store( $encryption, new Overrides(), Credential_Store::network_storage() );
		}
		foreach ( $stores as $store ) {
			foreach ( Credential_Store::ENVIRONMENTS as $environment ) {
				$credentials = $store->credentials( $environment );
				$endpoints   = $discovery->cached( $credentials );
				if ( null !== $endpoints ) {
					$jwks->forget( $endpoints );
				}
				$discovery->forget( $credentials );
			}
		}
		( new Token_Store( $encryption ) )->clear();
		Token_Controller::forget_regeneration();
		// A lock's copy holds no secret and expires with its holder's time; a cache that can flush a group drops it now.
		if ( wp_cache_supports( 'flush_group' ) ) {
			foreach ( array_unique( array( Lock::GROUP, Token_Store::GROUP ) ) as $group ) {
				wp_cache_flush_group( $group );
			}
		}
	}

	/**
	 * The site's credential store, falling back to the network's on a network.
	 *
	 * @param Encryption $encryption Encryption of the secrets.
	 */
	private static function credentials( Encryption $encryption ): Credential_Store {
		return new Credential_Store( $encryption, new Overrides(), null, is_multisite() ? Credential_Store::network_storage() : null, new Secret_Binding( $encryption ) );
	}

	/**
	 * Whether this copy of the site is paused, asked at each request.
	 *
	 * @return \Closure(): bool
	 */
	private static function paused(): \Closure {
		return ( new Site_Binding() )->is_paused( ... );
	}

	/**
	 * Discovery over a given HTTP client.
	 *
	 * @param Http_Client $http Outbound HTTP.
	 */
	private static function discovery( Http_Client $http ): Discovery {
		$documents = new Metadata_Fetcher( $http );
		return new Discovery( $documents, new Resource_Discovery( $http, $documents ) );
	}

	/**
	 * The conversations and leads: reading them, the lead poll and its emails, the privacy texts, and their
	 * faces (REST routes and `wp causerie conversations`).
	 *
	 * @param Api_Client      $api       The one API client.
	 * @param Token_Store     $tokens    The token in hand.
	 * @param Site_Binding    $binding   Whether this copy is paused.
	 * @param Alert_Recipient $recipient Where alerts go.
	 * @param Alerter         $alerter   Sends emails.
	 * @return list<Lead_Poller|Lead_Notifications|Lead_Mail|Privacy|Conversations_Controller|Leads_Controller|Conversations_Command>
	 */
	private function conversations( Api_Client $api, Token_Store $tokens, Site_Binding $binding, Alert_Recipient $recipient, Alerter $alerter ): array {
		$conversations = new Conversations_Api( $api );
		$feed          = new Lead_Feed( $conversations );
		$poller        = new Lead_Poller( $this->file, $feed, $tokens, $binding );
		$notifications = new Lead_Notifications( $recipient );
		return array(
			$poller,
			$notifications,
			new Lead_Mail( $this->file, $notifications, $feed, $poller, $alerter, new Lead_Emails(), $binding ),
			new Privacy(),
			new Conversations_Controller( $conversations ),
			new Leads_Controller( $conversations, $notifications ),
			new Conversations_Command( $conversations ),
		);
	}

	/**
	 * Builds the services and hooks them into WordPress.
	 */
	public function register(): void {
		// On a network, each site's credentials fall back to the network's, field by field.
		$encryption   = new Encryption();
		$secrets      = new Secret_Binding( $encryption );
		$credentials  = new Credential_Store( $encryption, new Overrides(), null, is_multisite() ? Credential_Store::network_storage() : null, $secrets );
		$binding      = new Site_Binding();
		$http         = new Http_Client( paused: $binding->is_paused( ... ) );
		$documents    = new Metadata_Fetcher( $http );
		$discovery    = new Discovery( $documents, new Resource_Discovery( $http, $documents ) );
		$retry        = new Retry_Policy();
		$token_client = new Token_Client( new Client_Request( $http, $secrets ), Http_Client::DEFAULT_TIMEOUT, $retry );
		$jwks         = new Jwks( $documents );
		$token_store  = new Token_Store( $encryption );
		$revoker      = new Token_Revoker( $discovery, $token_client );
		$intake       = new Token_Intake( $token_client, $token_store, $binding );
		$renewal      = new Token_Renewal( $credentials, $discovery, $token_client, $token_store, $intake, new Lock(), $revoker );
		$tokens       = new Token_Manager( $credentials, $discovery, $token_client, $token_store, $binding, $revoker, $intake, $renewal );
		$api          = new Api_Client( $tokens, $credentials, $http, new Refusal( $jwks, $token_client ), $retry );
		$verifier     = new Connection_Verifier( $discovery, $token_client, $api );
		$checks       = new Live_Checks( $credentials, $tokens, $api, $binding );
		$event_log    = new Event_Log( $this->file );
		$status       = new Connection_Status( $credentials, $binding, $token_store, $checks, $discovery );
		$health_tests = new Site_Health_Live_Tests( new Site_Health_Run( $checks ) );
		$report       = new Support_Report( $this->version, $credentials, $token_store, $binding, $checks, $status, $event_log );
		$recipient    = new Alert_Recipient();
		$alerter      = new Alerter( $recipient, new Alert_Emails() );
		$expiry       = new Secret_Expiry( $this->file, $alerter );
		$problems     = new Problem_Tracker();
		$cron         = new Cron_Monitor( defined( 'DISABLE_WP_CRON' ) && (bool) constant( 'DISABLE_WP_CRON' ), array( Token_Refresh::HOOK, Health_Check::HOOK ) );
		$queue        = new Queue();
		$selection    = new Content_Selection();
		$source_ids   = new Source_Ids();
		$knowledge    = new Knowledge_Api( $api );
		$sync_state   = new Sync_State();
		$schedule     = new Sync_Schedule();
		$queue_report = new Queue_Report();
		$full_sync    = new Full_Sync( $queue, $queue_report, $selection, $sync_state );
		$runner       = new Sync_Runner( $queue, $knowledge, new Doubt_Check( $knowledge ), new Sync_Plan( new Document_Builder( $source_ids ), $selection, $source_ids ), $sync_state, $full_sync, new Sync_Stops( $queue, $sync_state ) );
		$reconciler   = new Reconciler( $knowledge, $queue, $selection, $source_ids, $sync_state );
		$listener     = new Post_Listener( $queue, $selection, $schedule );
		$sync_status  = new Sync_Status( $sync_state, $full_sync, $queue_report, $selection );
		$withdrawal   = new Withdrawal( $queue, $selection, $full_sync );
		$sync_command = new Sync_Command( $sync_status, $full_sync, $queue, $runner, $reconciler, $sync_state, $withdrawal, $schedule );

		// The chat widget's server side: its option, the daily refresh, the health it follows, its route and command.
		$widget_options  = new Widget_Options();
		$widget          = new Widget_Service( $widget_options, new Widget_Api( $api, new Address_Policy() ), new Origin_Removals() );
		$widget_command  = new Widget_Command( $widget_options, $widget );
		$widget_services = array(
			new Widget_Cron( $this->file, $widget_options, $widget ),
			new Widget_Health( $widget_options, $widget ),
			new Widget_Controller( $widget_options, $widget ),
		);

		$services = array(
			new Translations( $this->file ),
			$http,
			new Request_Guard(),
			new Site_Controller( $this->version ),
			new Settings_Controller( $credentials, new Settings_Input( $credentials, new Api_Url_Policy() ), $verifier, $binding, $tokens ),
			new Binding_Controller( $binding ),
			new Token_Controller( $tokens, $api, $credentials ),
			new Checks_Controller( $checks ),
			new Status_Controller( $status, $cron ),
			$event_log,
			new Events_Controller( $event_log ),
			new Report_Controller( $report ),
			new Jwks_Controller( $tokens, $jwks ),
			new Token_Refresh( $this->file, $tokens ),
			new Diagnoses_Controller(),
			new Settings_Page( $this->file ),
			new Site_Health_Tests( $health_tests, $credentials, $binding ),
			new Site_Health_Controller( $health_tests ),
			new Debug_Information( $this->version, $credentials, $token_store, $status ),
			// Only when WP-CLI runs; over the same services, and the settings route for saving credentials.
			new Commands( new Command( $status, $checks, $api ), new Token_Command( $tokens ), new Credentials_Command(), new Log_Command( $event_log ), new Report_Command( $report ), $sync_command, $widget_command ),
			$recipient,
			new Alerts_Controller( $recipient ),
			$expiry,
			new Health_Check( $this->file, $checks, $status, $alerter, $expiry, $problems ),
			new Connection_Notice( $status, $cron, $problems ),
			new Notice_Controller(),
			$listener,
			new Sync_Cron( $this->file, $runner, $reconciler, $sync_state, $schedule, $queue ),
			new Editor_Panel( $this->file, $selection, $queue_report ),
			// The sync's faces: its REST routes for the Knowledge tab, and the posts lists' column.
			new Sync_Controller( $sync_status, $full_sync, $runner, $schedule ),
			new Sync_Actions_Controller( $sync_status, $queue, $reconciler, $selection, $listener, $schedule, $withdrawal ),
			new Posts_Column( $selection ),
			new Sync_Health( $sync_status, $queue_report ),
		);
		array_push( $services, ...$this->conversations( $api, $token_store, $binding, $recipient, $alerter ) );
		// The chat widget for visitors. Built on every request, so it stays three small services over the one
		// autoloaded option: a page view decides with no query and no remote call.
		$consent      = new Consent( $this->file, static fn(): bool => function_exists( 'wp_has_consent' ) );
		$widget_front = new Widget_Front( $this->file, $this->version, $widget_options, $consent );
		array_push( $services, $consent, $widget_front, new Chat_Embed( $this->file, $widget_front, $widget_options ) );
		$services = array_merge( $services, $widget_services );

		if ( is_multisite() ) {
			$network    = new Credential_Store( $encryption, new Overrides(), Credential_Store::network_storage(), null, $secrets );
			$services[] = new Network_Settings_Controller( $network, new Settings_Input( $network, new Api_Url_Policy() ), $verifier );
			$services[] = new Network_Settings_Page( $network );
			$services[] = new Network_Sync_Table( $sync_status );
		}
		foreach ( $services as $service ) {
			$service->register();
		}
	}
}
