<?php
/**
 * The knowledge sync on core's Site Health screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Sync\Queue_Report;
use Causerie\Connector\Sync\Sync_Status;

/**
 * A direct test of the backlog (it reads the queue, never the API) and the sync's fields in the plugin's section
 * of the Info tab, with the first failures and their reasons, which support asks for first.
 *
 * @phpstan-import-type Result from Site_Health_Result
 * @phpstan-import-type Field from Debug_Information
 */
final class Sync_Health {

	public const BACKLOG = 'causerie_sync_backlog';

	/**
	 * Where the Knowledge tab opens on the plugin's screen.
	 */
	public const KNOWLEDGE_FRAGMENT = '#knowledge';

	/**
	 * A post waiting longer than this, in seconds, means the queue does not move.
	 */
	public const STALLED_AFTER = HOUR_IN_SECONDS;

	/**
	 * Failures listed in the debug information.
	 */
	private const FAILURES = 5;

	/**
	 * Constructor.
	 *
	 * @param Sync_Status  $overview The sync at a glance.
	 * @param Queue_Report $report   The failed posts.
	 */
	public function __construct(
		private readonly Sync_Status $overview,
		private readonly Queue_Report $report
	) {}

	/**
	 * Hooks the test and the fields, after the plugin's own section is added.
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
		add_filter( 'debug_information', array( $this, 'add_fields' ), 11 );
	}

	/**
	 * Adds the backlog test to core's direct tests.
	 *
	 * @param mixed $tests Core's direct and async tests.
	 * @return array<mixed>
	 */
	public function add_test( $tests ): array {
		$tests  = is_array( $tests ) ? $tests : array();
		$direct = isset( $tests['direct'] ) && is_array( $tests['direct'] ) ? $tests['direct'] : array();

		$direct[ self::BACKLOG ] = array(
			'label' => __( 'Causerie knowledge sync', 'causerie-connector' ),
			'test'  => array( $this, 'backlog' ),
		);
		$tests['direct']         = $direct;
		return $tests;
	}

	/**
	 * Whether the site's content reaches the chatbot's knowledge.
	 *
	 * @phpstan-return Result
	 */
	public function backlog(): array {
		$now = $this->overview->current();
		/* translators: 1: posts in the chatbot's knowledge; 2: posts that should be */
		$count = sprintf( _n( '%1$d of %2$d post is in the chatbot\'s knowledge.', '%1$d of %2$d posts are in the chatbot\'s knowledge.', $now['total'], 'causerie-connector' ), $now['synced'], $now['total'] );
		if ( null !== $now['pause'] ) {
			$why = Catalog::describe( $now['pause']['code'] );
			return $this->problem(
				/* translators: %s: what stops the sync, such as "The access token lacks a permission" */
				sprintf( __( 'The knowledge sync is paused: %s', 'causerie-connector' ), $why['title'] ),
				array( $why['explanation'], __( 'Changes to your posts wait in the queue and are sent as soon as the cause is fixed.', 'causerie-connector' ), $count ),
				$why['steps']
			);
		}
		if ( null !== $now['backoff'] ) {
			return $this->problem(
				__( 'The knowledge sync is waiting for the Causerie API', 'causerie-connector' ),
				/* translators: %s: a date and time */
				array( sprintf( __( 'The API asked the plugin to wait, or did not answer. The queued posts are sent again after %s, by themselves.', 'causerie-connector' ), Site_Health_Result::local_time( $now['backoff']['until'] ) ), $count ),
				array()
			);
		}
		if ( $now['pending'] > 0 && null !== $now['oldest'] && $now['oldest'] < time() - self::STALLED_AFTER ) {
			return $this->problem(
				__( 'Posts have waited more than an hour to reach the chatbot\'s knowledge', 'causerie-connector' ),
				/* translators: %d: how many posts */
				array( sprintf( _n( '%d post is waiting to be sent.', '%d posts are waiting to be sent.', $now['pending'], 'causerie-connector' ), $now['pending'] ), __( 'WP-Cron sends them when the site has visitors. If it is disabled, a server task must run wp-cron.php or `wp causerie sync run`.', 'causerie-connector' ), $count ),
				array()
			);
		}
		return Site_Health_Result::good( self::BACKLOG, __( 'The chatbot\'s knowledge is in step with your content', 'causerie-connector' ), $count );
	}

	/**
	 * Adds the sync's fields to the plugin's section of the Info tab.
	 *
	 * @param mixed $info Core's sections, with the plugin's.
	 * @return array<mixed>
	 */
	public function add_fields( $info ): array {
		$info    = is_array( $info ) ? $info : array();
		$section = $info[ Debug_Information::SECTION ] ?? null;
		if ( ! is_array( $section ) ) {
			return $info;
		}
		$fields            = is_array( $section['fields'] ?? null ) ? $section['fields'] : array();
		$section['fields'] = $fields + $this->fields();

		$info[ Debug_Information::SECTION ] = $section;
		return $info;
	}

	/**
	 * The sync's fields.
	 *
	 * @return array<string, array<string, mixed>>
	 *
	 * @phpstan-return array<string, Field>
	 */
	public function fields(): array {
		$now       = $this->overview->current();
		$never     = __( 'Never', 'causerie-connector' );
		$reconcile = $now['reconcile'];
		$failures  = array_map( static fn( array $failure ): string => '#' . $failure['postId'] . ': ' . $failure['error'], $this->report->failures( self::FAILURES ) );
		$at        = is_int( $reconcile['at'] ?? null ) ? $reconcile['at'] : null;
		$fixed     = null === $at ? $never : sprintf(
			/* translators: 1: date and time; 2, 3, 4: how many documents */
			__( '%1$s: %2$d missing, %3$d stale, %4$d orphaned', 'causerie-connector' ),
			Site_Health_Result::local_time( $at ),
			is_int( $reconcile['missing'] ?? null ) ? $reconcile['missing'] : 0,
			is_int( $reconcile['stale'] ?? null ) ? $reconcile['stale'] : 0,
			is_int( $reconcile['orphaned'] ?? null ) ? $reconcile['orphaned'] : 0
		);
		return array(
			'sync_documents' => array(
				'label' => __( 'Posts in the chatbot\'s knowledge', 'causerie-connector' ),
				/* translators: 1: posts in the chatbot's knowledge; 2: posts that should be */
				'value' => sprintf( __( '%1$d of %2$d', 'causerie-connector' ), $now['synced'], $now['total'] ),
			),
			'sync_queued'    => array(
				'label' => __( 'Posts queued for the sync', 'causerie-connector' ),
				'value' => (string) $now['pending'],
			),
			'sync_failed'    => array(
				'label' => __( 'Posts the sync could not send', 'causerie-connector' ),
				'value' => (string) $now['failed'],
			),
			'sync_last'      => array(
				'label' => __( 'Last sent to the chatbot\'s knowledge', 'causerie-connector' ),
				'value' => null === $now['sentAt'] ? $never : Site_Health_Result::local_time( $now['sentAt'] ),
				'debug' => null === $now['sentAt'] ? 'never' : gmdate( 'c', $now['sentAt'] ),
			),
			'sync_paused'    => array(
				'label' => __( 'Sync paused by', 'causerie-connector' ),
				'value' => null === $now['pause'] ? __( 'Nothing', 'causerie-connector' ) : Catalog::title( $now['pause']['code'] ) . ' (' . $now['pause']['code'] . ')',
				'debug' => $now['pause']['code'] ?? 'none',
			),
			'sync_reconcile' => array(
				'label' => __( 'Last reconciliation', 'causerie-connector' ),
				'value' => $fixed,
			),
			'sync_failures'  => array(
				'label' => __( 'First failed posts', 'causerie-connector' ),
				'value' => array() === $failures ? __( 'None', 'causerie-connector' ) : implode( '; ', $failures ),
			),
		);
	}

	/**
	 * A recommended result that links to the Knowledge tab.
	 *
	 * @param string   $label      One line.
	 * @param string[] $paragraphs Explanation.
	 * @param string[] $steps      Ordered steps of the fix.
	 * @phpstan-param list<string> $paragraphs
	 * @phpstan-param list<string> $steps
	 * @phpstan-return Result
	 */
	private function problem( string $label, array $paragraphs, array $steps ): array {
		$result            = Site_Health_Result::make( self::BACKLOG, Site_Health_Result::RECOMMENDED, $label, $paragraphs, $steps, false );
		$result['actions'] = sprintf(
			'<p><a href="%s">%s</a></p>',
			esc_url( admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) . self::KNOWLEDGE_FRAGMENT ),
			esc_html__( 'Open the Knowledge tab', 'causerie-connector' )
		);
		return $result;
	}
}
