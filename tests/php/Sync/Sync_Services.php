<?php
/**
 * The sync's services, built for a test as the composition root builds them.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Document_Builder;
use Causerie\Connector\Sync\Doubt_Check;
use Causerie\Connector\Sync\Full_Sync;
use Causerie\Connector\Sync\Knowledge_Api;
use Causerie\Connector\Sync\Queue;
use Causerie\Connector\Sync\Queue_Report;
use Causerie\Connector\Sync\Reconciler;
use Causerie\Connector\Sync\Source_Ids;
use Causerie\Connector\Sync\Sync_Cron;
use Causerie\Connector\Sync\Sync_Status;
use Causerie\Connector\Sync\Sync_Plan;
use Causerie\Connector\Sync\Sync_Runner;
use Causerie\Connector\Sync\Sync_Schedule;
use Causerie\Connector\Sync\Sync_State;
use Causerie\Connector\Sync\Sync_Stops;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;

/**
 * Over the real API client of Services, connected to the sandbox as its development client. The plugin's own
 * Post_Listener, hooked by the test site, queues the posts a test publishes into the same table.
 */
final class Sync_Services {

	public const CLIENT = 'wp-development';

	public readonly Services $services;
	public readonly Queue $queue;
	public readonly Content_Selection $selection;
	public readonly Source_Ids $ids;
	public readonly Sync_State $state;
	public readonly Full_Sync $full;
	public readonly Sync_Runner $runner;
	public readonly Reconciler $reconciler;
	public readonly Sync_Status $overview;
	public readonly Sync_Cron $cron;

	/**
	 * Seconds the runner's clock is ahead of the real one: tests move time on rather than wait.
	 *
	 * @var int
	 */
	public int $ahead = 0;

	/**
	 * Builds the graph and connects it.
	 */
	public function __construct() {
		$this->services   = ( new Services() )->connect( Sandbox::credentials( self::CLIENT ) );
		$this->queue      = new Queue();
		$this->selection  = new Content_Selection();
		$this->ids        = new Source_Ids();
		$this->state      = new Sync_State( new Lock() );
		$knowledge        = new Knowledge_Api( $this->services->api );
		$report           = new Queue_Report();
		$this->full       = new Full_Sync( $this->queue, $report, $this->selection, $this->state );
		$this->runner     = new Sync_Runner( $this->queue, $knowledge, new Doubt_Check( $knowledge ), new Sync_Plan( new Document_Builder( $this->ids ), $this->selection, $this->ids ), $this->state, $this->full, new Sync_Stops( $this->queue, $this->state ), fn(): int => time() + $this->ahead );
		$this->reconciler = new Reconciler( $knowledge, $this->queue, $this->selection, $this->ids, $this->state );
		$this->overview   = new Sync_Status( $this->state, $this->full, $report, $this->selection );
		$this->cron       = new Sync_Cron( dirname( __DIR__, 3 ) . '/causerie-connector.php', $this->runner, $this->reconciler, $this->state, new Sync_Schedule(), $this->queue );
	}

	/**
	 * Writes per source id the sandbox accepted from the client.
	 *
	 * @return array<string, int>
	 */
	public static function writes(): array {
		return self::counter( 'knowledgeWrites' );
	}

	/**
	 * Deletes per source id the sandbox received from the client.
	 *
	 * @return array<string, int>
	 */
	public static function deletes(): array {
		return self::counter( 'knowledgeDeletes' );
	}

	/**
	 * The documents the sandbox holds for the client: source id → content hash.
	 *
	 * @return array<string, string>
	 */
	public static function held(): array {
		$held   = array();
		$cursor = null;
		do {
			$token = Sandbox::mint(
				array(
					'clientId' => self::CLIENT,
					'scope'    => 'write:knowledge',
				)
			);
			$page  = wp_remote_get(
				Sandbox::url() . Knowledge_Api::LISTED . '?limit=1000' . ( null === $cursor ? '' : '&cursor=' . rawurlencode( $cursor ) ),
				array( 'headers' => array( 'Authorization' => 'Bearer ' . $token ) )
			);
			$data  = json_decode( wp_remote_retrieve_body( $page ), true );
			$data  = is_array( $data ) ? $data : array();
			foreach ( is_array( $data['data'] ?? null ) ? $data['data'] : array() as $document ) {
				if ( is_array( $document ) && is_string( $document['source_id'] ?? null ) && is_string( $document['content_hash'] ?? null ) ) {
					$held[ $document['source_id'] ] = $document['content_hash'];
				}
			}
			$cursor = is_string( $data['next_cursor'] ?? null ) ? $data['next_cursor'] : null;
		} while ( null !== $cursor );
		return $held;
	}

	/**
	 * A published post, queued by the plugin as it is published.
	 *
	 * @param array{post_title?: string, post_type?: string} $fields More fields.
	 */
	public static function publish( array $fields = array() ): int {
		$post_id = wp_insert_post(
			$fields + array(
				'post_title'   => 'Opening hours',
				'post_content' => '<!-- wp:paragraph --><p>Open from nine to six.</p><!-- /wp:paragraph -->',
				'post_status'  => 'publish',
			)
		);
		return is_int( $post_id ) ? $post_id : 0;
	}

	/**
	 * One counter of the sandbox, for the client.
	 *
	 * @param string $name knowledgeWrites or knowledgeDeletes.
	 * @return array<string, int>
	 */
	private static function counter( string $name ): array {
		$counters = Sandbox::control( 'GET', '/counters' );
		$all      = is_array( $counters[ $name ] ?? null ) ? $counters[ $name ] : array();
		$mine     = is_array( $all[ self::CLIENT ] ?? null ) ? $all[ self::CLIENT ] : array();
		$counts   = array();
		foreach ( $mine as $source_id => $n ) {
			$counts[ (string) $source_id ] = is_numeric( $n ) ? (int) $n : 0;
		}
		return $counts;
	}
}
