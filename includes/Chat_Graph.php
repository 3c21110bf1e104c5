<?php
/**
 * The chatbot's object graph: the widget's server side and the conversations and leads, built on first use.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Conversations\Lead_Feed;
use Causerie\Connector\Conversations\Lead_Notifications;
use Causerie\Connector\Conversations\Lead_Poller;
use Causerie\Connector\Conversations\Weekly_Activity;
use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\Widget\Origin_Removals;
use Causerie\Connector\Widget\Widget_Api;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Widget\Widget_Service;

/**
 * Beside Service_Graph, over its API client: only the composition root holds it. A visitor's page view never
 * builds it; the widget's front end reads its option on its own.
 */
final class Chat_Graph {

	use Builds_Once;

	/**
	 * Constructor.
	 *
	 * @param string        $file  Absolute path of the main plugin file.
	 * @param Service_Graph $graph The shared services.
	 */
	public function __construct(
		private readonly string $file,
		private readonly Service_Graph $graph
	) {}


	/** The widget's option. */
	public function widget_options(): Widget_Options {
		return $this->once( __FUNCTION__, static fn() => new Widget_Options() );
	}

	/** Turning the widget on and off, its origins and its bot. */
	public function widget(): Widget_Service {
		return $this->once( __FUNCTION__, fn() => new Widget_Service( $this->widget_options(), new Widget_Api( $this->graph->api(), new Address_Policy() ), new Origin_Removals() ) );
	}

	/** Conversations and leads, read through the API client. */
	public function conversations(): Conversations_Api {
		return $this->once( __FUNCTION__, fn() => new Conversations_Api( $this->graph->api() ) );
	}

	/** The leads, page by page from a cursor. */
	public function feed(): Lead_Feed {
		return $this->once( __FUNCTION__, fn() => new Lead_Feed( $this->conversations() ) );
	}

	/** The cron poll of new leads. */
	public function poller(): Lead_Poller {
		return $this->once( __FUNCTION__, fn() => new Lead_Poller( $this->file, $this->feed(), $this->graph->token_store(), $this->graph->binding() ) );
	}

	/** The week's conversations and leads, counted by cron. */
	public function activity(): Weekly_Activity {
		return $this->once( __FUNCTION__, fn() => new Weekly_Activity( $this->conversations(), $this->graph->credentials(), $this->graph->token_store(), $this->graph->binding() ) );
	}

	/** Where and how often lead emails go. */
	public function notifications(): Lead_Notifications {
		return $this->once( __FUNCTION__, fn() => new Lead_Notifications( $this->graph->recipient() ) );
	}
}
