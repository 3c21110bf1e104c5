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
use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Token_Client;
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
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Health\Debug_Information;
use Causerie\Connector\Health\Site_Health_Tests;
use Causerie\Connector\Health\Sync_Health;
use Causerie\Connector\I18n\Translations;
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
use Causerie\Connector\Sync\Sync_Cron;
use Causerie\Connector\REST\Sync_Controller;
use Causerie\Connector\REST\Sync_Actions_Controller;
use Causerie\Connector\Admin\Posts_Column;

/**
 * Builds every service by hand, through the shared graph, and registers each context's hooks when that
 * context runs. Nothing else creates services.
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
	 * The contexts registered so far in this request.
	 *
	 * @var array<string, true>
	 */
	private array $entered = array();

	/**
	 * Revokes the current site's token with the credentials it was issued to, as a best effort: on uninstall,
	 * so a deleted plugin leaves no live token behind. Every request, discovery included, ends by the
	 * deadline, which uninstall sets once for all the sites of a network.
	 *
	 * @param float $deadline Unix time, with microseconds, by which to give up.
	 */
	public function revoke_token( float $deadline ): void {
		// A paused copy holds the live site's token: the graph's HTTP client, paused, must not revoke it.
		$graph = new Service_Graph( $this->file, $this->version, $deadline );
		$token = $graph->token_store()->get();
		if ( null === $token ) {
			return;
		}
		( new Token_Revoker( $graph->discovery(), new Token_Client( new Client_Request( $graph->http(), $graph->secrets() ) ) ) )->revoke_stale( $token, $graph->credentials()->credentials( $token->environment ) );
	}

	/**
	 * Forgets the current site's copies in the object cache, which uninstall's sweep of the database can't
	 * see: the token, the locks, the endpoints and signing keys found for each profile (the site's own and
	 * the network's), and the last regeneration. Without a persistent cache, these are rows the sweep removes.
	 */
	public function forget_cached_copies(): void {
		$graph     = new Service_Graph( $this->file, $this->version );
		$discovery = $graph->discovery();
		$stores    = array( $graph->credentials() );
		if ( is_multisite() ) {
			$stores[] = new Credential_Store( $graph->encryption(), new Overrides(), Credential_Store::network_storage() );
		}
		foreach ( $stores as $store ) {
			foreach ( Credential_Store::ENVIRONMENTS as $environment ) {
				$credentials = $store->credentials( $environment );
				$endpoints   = $discovery->cached( $credentials );
				if ( null !== $endpoints ) {
					$graph->jwks()->forget( $endpoints );
				}
				$discovery->forget( $credentials );
			}
		}
		$graph->token_store()->clear();
		Token_Controller::forget_regeneration();
		// A lock's copy holds no secret and expires with its holder's time; a cache that can flush a group drops it now.
		if ( wp_cache_supports( 'flush_group' ) ) {
			foreach ( array_unique( array( Lock::GROUP, Token_Store::GROUP ) ) as $group ) {
				wp_cache_flush_group( $group );
			}
		}
	}

	/**
	 * Hooks each context's services into WordPress, built only when that context runs. A visitor's page view
	 * registers the front-end services and a few closures; the rest is built on the first REST, admin,
	 * WP-CLI or cron hook, or when a post changes.
	 */
	public function register(): void {
		$graph = new Service_Graph( $this->file, $this->version );
		$this->register_front();
		// A post changes through REST, the admin, cron, WP-CLI, XML-RPC or a front-end form: the listener is
		// built on the first of its hooks, at priority 0 so that its own callbacks still run for that change.
		foreach ( array( 'transition_post_status', 'before_delete_post', 'added_post_meta', 'updated_post_meta', 'deleted_post_meta' ) as $hook ) {
			add_action( $hook, fn() => $this->enter( 'sync', static fn() => $graph->listener()->register() ), 0, 0 );
		}
		// Activation and deactivation run in the admin and in WP-CLI; their callbacks belong to the back office.
		$basename = plugin_basename( $this->file );
		foreach ( array( 'activate_', 'deactivate_' ) as $prefix ) {
			add_action( $prefix . $basename, fn() => $this->back_office( $graph ), 0, 0 );
		}
		add_action( 'rest_api_init', fn() => $this->rest( $graph ), 0, 0 );
		// The first hook of any admin request: a page's menus (before admin_init), or admin_init on Ajax and admin-post.
		foreach ( array( 'admin_menu', 'network_admin_menu', 'user_admin_menu', 'admin_init' ) as $hook ) {
			add_action( $hook, fn() => $this->admin( $graph ), 0, 0 );
		}
		add_action( 'cli_init', fn() => $this->cli( $graph ), 0, 0 );
		// ALTERNATE_WP_CRON runs the jobs inside a page view, after the plugins have loaded.
		if ( wp_doing_cron() || ( defined( 'ALTERNATE_WP_CRON' ) && (bool) constant( 'ALTERNATE_WP_CRON' ) ) ) {
			$this->back_office( $graph );
		}
	}

	/**
	 * What a visitor's page view needs, on every request; the widget's front end belongs here. Keep it to a
	 * few files: tests/php/Front/Page_View_Test.php counts them.
	 */
	private function register_front(): void {
		( new Translations( $this->file ) )->register();
	}

	/**
	 * Runs a context's registration once per request, however many hooks lead to it.
	 *
	 * @param string   $context  Name of the context.
	 * @param \Closure $register Builds and registers its services.
	 */
	private function enter( string $context, \Closure $register ): void {
		if ( ! isset( $this->entered[ $context ] ) ) {
			$this->entered[ $context ] = true;
			$register();
		}
	}

	/**
	 * What every context that runs the engine needs: the jobs and their schedules, the listeners of the
	 * events and checks, outbound HTTP's filters, the alert setting and Site Health (its screen, core's REST
	 * routes for it and its weekly cron check).
	 *
	 * @param Service_Graph $graph The shared services.
	 */
	private function back_office( Service_Graph $graph ): void {
		$this->enter(
			'back_office',
			function () use ( $graph ): void {
				$services = array(
					$graph->http(),
					$graph->event_log(),
					$graph->recipient(),
					$graph->expiry(),
					$graph->health_check(),
					new Token_Refresh( $this->file, $graph->tokens() ),
					new Sync_Cron( $this->file, $graph->runner(), $graph->reconciler(), $graph->sync_state(), $graph->schedule(), $graph->queue() ),
					new Site_Health_Tests( $graph->health_tests(), $graph->credentials(), $graph->binding() ),
					new Debug_Information( $this->version, $graph->credentials(), $graph->token_store(), $graph->status() ),
					new Sync_Health( $graph->sync_status(), $graph->queue_report() ),
				);
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The block editor's panel: its REST fields and its script.
	 *
	 * @param Service_Graph $graph The shared services.
	 */
	private function editor( Service_Graph $graph ): void {
		$this->enter( 'editor', fn() => ( new Editor_Panel( $this->file, $graph->selection(), $graph->queue_report() ) )->register() );
	}

	/**
	 * The REST routes, built on rest_api_init at priority 0 so that their own rest_api_init callbacks still run.
	 *
	 * @param Service_Graph $graph The shared services.
	 */
	private function rest( Service_Graph $graph ): void {
		$this->back_office( $graph );
		$this->editor( $graph );
		$this->enter(
			'rest',
			function () use ( $graph ): void {
				$credentials = $graph->credentials();
				$services    = array(
					new Request_Guard(),
					new Site_Controller( $this->version ),
					new Settings_Controller( $credentials, new Settings_Input( $credentials, new Api_Url_Policy() ), $graph->verifier(), $graph->binding(), $graph->tokens() ),
					new Binding_Controller( $graph->binding() ),
					new Token_Controller( $graph->tokens(), $graph->api(), $credentials ),
					new Checks_Controller( $graph->checks() ),
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
				);
				if ( is_multisite() ) {
					$network    = $graph->network_credentials();
					$services[] = new Network_Settings_Controller( $network, new Settings_Input( $network, new Api_Url_Policy() ), $graph->verifier() );
				}
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The admin's screens, notice and posts column.
	 *
	 * @param Service_Graph $graph The shared services.
	 */
	private function admin( Service_Graph $graph ): void {
		$this->back_office( $graph );
		$this->editor( $graph );
		$this->enter(
			'admin',
			function () use ( $graph ): void {
				$services = array(
					new Settings_Page( $this->file ),
					new Connection_Notice( $graph->status(), $graph->cron(), $graph->problems() ),
					new Posts_Column( $graph->selection() ),
				);
				if ( is_multisite() ) {
					$services[] = new Network_Settings_Page( $graph->network_credentials() );
					$services[] = new Network_Sync_Table( $graph->sync_status() );
				}
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The WP-CLI commands, over the same services (and the settings route, for saving credentials).
	 *
	 * @param Service_Graph $graph The shared services.
	 */
	private function cli( Service_Graph $graph ): void {
		$this->back_office( $graph );
		$this->enter(
			'cli',
			static function () use ( $graph ): void {
				$sync = new Sync_Command( $graph->sync_status(), $graph->full_sync(), $graph->queue(), $graph->runner(), $graph->reconciler(), $graph->sync_state(), $graph->withdrawal(), $graph->schedule() );
				( new Commands( new Command( $graph->status(), $graph->checks(), $graph->api() ), new Token_Command( $graph->tokens() ), new Credentials_Command(), new Log_Command( $graph->event_log() ), new Report_Command( $graph->report() ), $sync ) )->register();
			}
		);
	}
}
