<?php
/**
 * Composition root.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Admin\Connection_Notice;
use Causerie\Connector\Admin\Connectors_Page;
use Causerie\Connector\Admin\Dashboard_Widget;
use Causerie\Connector\Admin\Editor_Panel;
use Causerie\Connector\Admin\Network_Settings_Page;
use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\CLI\Command;
use Causerie\Connector\CLI\Commands;
use Causerie\Connector\CLI\Credentials_Command;
use Causerie\Connector\CLI\Log_Command;
use Causerie\Connector\CLI\Report_Command;
use Causerie\Connector\CLI\Sync_Command;
use Causerie\Connector\CLI\Token_Command;
use Causerie\Connector\Cron\Token_Refresh;
use Causerie\Connector\Health\Debug_Information;
use Causerie\Connector\Health\Site_Health_Tests;
use Causerie\Connector\Health\Sync_Health;
use Causerie\Connector\I18n\Translations;
use Causerie\Connector\Sync\Sync_Cron;
use Causerie\Connector\Admin\Posts_Column;
use Causerie\Connector\CLI\Conversations_Command;
use Causerie\Connector\CLI\Widget_Command;
use Causerie\Connector\Alerts\Lead_Emails;
use Causerie\Connector\Conversations\Lead_Mail;
use Causerie\Connector\Conversations\Privacy;
use Causerie\Connector\Widget\Chat_Embed;
use Causerie\Connector\Widget\Consent;
use Causerie\Connector\Widget\Widget_Cron;
use Causerie\Connector\Widget\Widget_Front;
use Causerie\Connector\Widget\Widget_Health;
use Causerie\Connector\Widget\Widget_Options;

/**
 * Builds every service by hand, through the shared graphs and the REST face's list (Rest_Faces), and
 * registers each context's hooks when that context runs. Nothing else creates services.
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
	 * The shared services, once a context needs them: a visitor's page view never does.
	 *
	 * @var Service_Graph|null
	 */
	private ?Service_Graph $graph = null;

	/**
	 * The chatbot's services, likewise.
	 *
	 * @var Chat_Graph|null
	 */
	private ?Chat_Graph $chat = null;

	/**
	 * The contexts registered so far in this request.
	 *
	 * @var array<string, true>
	 */
	private array $entered = array();

	/**
	 * Hooks each context's services into WordPress, built only when that context runs. A visitor's page view
	 * registers the front-end services and a few closures; the rest is built on the first REST, admin,
	 * WP-CLI or cron hook, or when a post changes.
	 */
	public function register(): void {
		$this->register_front();
		// A post changes through REST, the admin, cron, WP-CLI, XML-RPC or a front-end form: the listener is
		// built on the first of its hooks, at priority 0 so that its own callbacks still run for that change.
		foreach ( array( 'transition_post_status', 'before_delete_post', 'added_post_meta', 'updated_post_meta', 'deleted_post_meta' ) as $hook ) {
			add_action( $hook, fn() => $this->enter( 'sync', fn() => $this->graph()->listener()->register() ), 0, 0 );
		}
		// Activation and deactivation run in the admin and in WP-CLI; their callbacks belong to the back office.
		$basename = plugin_basename( $this->file );
		foreach ( array( 'activate_', 'deactivate_' ) as $prefix ) {
			add_action( $prefix . $basename, fn() => $this->back_office(), 0, 0 );
		}
		add_action( 'rest_api_init', fn() => $this->rest(), 0, 0 );
		// The first hook of any admin request: a page's menus (before admin_init), or admin_init on Ajax and admin-post.
		foreach ( array( 'admin_menu', 'network_admin_menu', 'user_admin_menu', 'admin_init' ) as $hook ) {
			add_action( $hook, fn() => $this->admin(), 0, 0 );
		}
		add_action( 'cli_init', fn() => $this->cli(), 0, 0 );
		// Core builds Settings → Connectors' registry on every request's init (WordPress 7.0+), before the admin
		// context starts, but only the admin shows it: a visitor's page view loads nothing for it.
		if ( is_admin() ) {
			( new Connectors_Page( $this->file, $this->version ) )->register();
		}
		// ALTERNATE_WP_CRON runs the jobs inside a page view, after the plugins have loaded.
		if ( wp_doing_cron() || ( defined( 'ALTERNATE_WP_CRON' ) && (bool) constant( 'ALTERNATE_WP_CRON' ) ) ) {
			$this->back_office();
		}
	}

	/**
	 * What a visitor's page view needs, on every request; the widget's front end belongs here. Keep it to a
	 * few files: tests/php/Front/Page_View_Test.php counts them.
	 */
	private function register_front(): void {
		// The chat widget decides from its one autoloaded option: no query, no remote call.
		$options = new Widget_Options();
		$consent = new Consent( $this->file, static fn(): bool => function_exists( 'wp_has_consent' ) );
		$front   = new Widget_Front( $this->file, $this->version, $options, $consent );
		foreach ( array( new Translations( $this->file ), $consent, $front, new Chat_Embed( $this->file, $front, $options ) ) as $service ) {
			$service->register();
		}
	}

	/**
	 * The shared services, built on first use.
	 */
	private function graph(): Service_Graph {
		return $this->graph ??= new Service_Graph( $this->file, $this->version );
	}

	/**
	 * The chatbot's services, built on first use.
	 */
	private function chat(): Chat_Graph {
		return $this->chat ??= new Chat_Graph( $this->file, $this->graph() );
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
	 */
	private function back_office(): void {
		$graph = $this->graph();
		$chat  = $this->chat();
		$this->enter(
			'back_office',
			function () use ( $graph, $chat ): void {
				$services = array(
					$graph->http(),
					$graph->event_log(),
					$graph->recipient(),
					$graph->expiry(),
					$graph->state(),
					$graph->health_check(),
					new Token_Refresh( $this->file, $graph->tokens() ),
					new Sync_Cron( $this->file, $graph->runner(), $graph->reconciler(), $graph->sync_state(), $graph->schedule(), $graph->queue() ),
					new Site_Health_Tests( $graph->health_tests(), $graph->credentials(), $graph->binding() ),
					new Debug_Information( $this->version, $graph->credentials(), $graph->token_store(), $graph->status() ),
					new Sync_Health( $graph->sync_status(), $graph->queue_report() ),
					new Widget_Cron( $this->file, $chat->widget_options(), $chat->widget() ),
					new Widget_Health( $chat->widget_options(), $chat->widget() ),
					$chat->poller(),
					$chat->activity(),
					$chat->notifications(),
					new Lead_Mail( $this->file, $chat->notifications(), $chat->feed(), $chat->poller(), $graph->alerter(), new Lead_Emails(), $graph->binding() ),
				);
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The block editor's panel: its REST fields and its script.
	 */
	private function editor(): void {
		$graph = $this->graph();
		$this->enter( 'editor', fn() => ( new Editor_Panel( $this->file, $graph->selection(), $graph->queue_report() ) )->register() );
	}

	/**
	 * The REST routes, built on rest_api_init at priority 0 so that their own rest_api_init callbacks still run.
	 */
	private function rest(): void {
		$graph = $this->graph();
		$chat  = $this->chat();
		$this->back_office();
		$this->editor();
		$this->enter(
			'rest',
			function () use ( $graph, $chat ): void {
				$services = ( new Rest_Faces( $this->version, $graph, $chat ) )->services();
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The admin's screens, notice, dashboard widget and posts column.
	 */
	private function admin(): void {
		$graph = $this->graph();
		$chat  = $this->chat();
		$this->back_office();
		$this->editor();
		$this->enter(
			'admin',
			function () use ( $graph, $chat ): void {
				$services = array(
					new Settings_Page( $this->file ),
					new Upgrader(),
					new Connection_Notice( $graph->state(), $graph->cron() ),
					new Dashboard_Widget( $graph->status(), $chat->activity(), $graph->sync_status() ),
					new Posts_Column( $graph->selection() ),
					new Privacy(),
				);
				if ( is_multisite() ) {
					$services[] = new Network_Settings_Page( $this->file );
				}
				foreach ( $services as $service ) {
					$service->register();
				}
			}
		);
	}

	/**
	 * The WP-CLI commands, over the same services (and the settings route, for saving credentials).
	 */
	private function cli(): void {
		$graph = $this->graph();
		$chat  = $this->chat();
		$this->back_office();
		$this->enter(
			'cli',
			static function () use ( $graph, $chat ): void {
				$sync = new Sync_Command( $graph->sync_status(), $graph->full_sync(), $graph->queue(), $graph->runner(), $graph->reconciler(), $graph->sync_state(), $graph->withdrawal(), $graph->schedule() );
				( new Commands( new Command( $graph->status(), $graph->checks(), $graph->api() ), new Token_Command( $graph->tokens() ), new Credentials_Command(), new Log_Command( $graph->event_log() ), new Report_Command( $graph->report() ), $sync, new Widget_Command( $chat->widget_options(), $chat->widget() ) ) )->register();
				( new Conversations_Command( $chat->conversations() ) )->register();
			}
		);
	}
}
