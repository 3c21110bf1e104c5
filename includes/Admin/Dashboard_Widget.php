<?php
/**
 * The Causerie box on the admin dashboard.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Admin;

use Causerie\Connector\Conversations\Weekly_Activity;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Health\Connection_Status;
use Causerie\Connector\Plugin;
use Causerie\Connector\Sync\Sync_Status;

/**
 * For administrators: the connection, the week's conversations and leads, and the knowledge sync, each with a
 * link into the plugin's screen. Everything comes from what the site keeps (the connection's last known state,
 * the counts WP-Cron keeps, the sync's queue and state): the dashboard never waits for the API.
 *
 * @phpstan-type Row array{label: string, text: string, link: string, url: string}
 */
final class Dashboard_Widget {

	public const ID = 'causerie_connector_dashboard';

	/**
	 * Where each link opens the plugin's screen.
	 */
	public const FIX_FRAGMENT           = '#fix';
	public const CONVERSATIONS_FRAGMENT = '#conversations';
	public const KNOWLEDGE_FRAGMENT     = '#knowledge';

	/**
	 * Constructor.
	 *
	 * @param Connection_Status $status   The connection's last known state, as the notice shows it.
	 * @param Weekly_Activity   $activity The week's counts.
	 * @param Sync_Status       $sync     The knowledge sync, as the Knowledge tab shows it.
	 */
	public function __construct(
		private readonly Connection_Status $status,
		private readonly Weekly_Activity $activity,
		private readonly Sync_Status $sync
	) {}

	/**
	 * Hooks the widget.
	 */
	public function register(): void {
		add_action( 'wp_dashboard_setup', array( $this, 'add' ) );
	}

	/**
	 * Adds the widget for administrators.
	 */
	public function add(): void {
		if ( current_user_can( Plugin::CAPABILITY ) ) {
			wp_add_dashboard_widget( self::ID, __( 'Causerie chatbot', 'causerie-connector' ), array( $this, 'render' ) );
		}
	}

	/**
	 * Prints the widget.
	 */
	public function render(): void {
		echo '<ul class="causerie-dashboard">';
		foreach ( $this->rows( time() ) as $row ) {
			printf(
				'<li><p><strong>%1$s</strong><br />%2$s</p><p><a href="%3$s">%4$s</a></p></li>',
				esc_html( $row['label'] ),
				esc_html( $row['text'] ),
				esc_url( $row['url'] ),
				esc_html( $row['link'] )
			);
		}
		echo '</ul>';
	}

	/**
	 * What the widget says, row by row.
	 *
	 * @param int $now Unix time.
	 * @return list<Row>
	 */
	public function rows( int $now ): array {
		return array( $this->connection(), $this->week( $now ), $this->knowledge() );
	}

	/**
	 * The connection: connected, or what is wrong with the way to fix it.
	 *
	 * @phpstan-return Row
	 */
	private function connection(): array {
		$status    = $this->status->current();
		$diagnosis = $status['diagnosis'];
		$label     = __( 'Connection', 'causerie-connector' );
		if ( null === $diagnosis ) {
			return $this->row( $label, __( 'Connected.', 'causerie-connector' ), __( 'Open Causerie settings', 'causerie-connector' ), '' );
		}
		$text = 'broken' === $status['state']
			/* translators: %s: what is wrong, such as "The access token has expired." */
			? sprintf( __( 'Disconnected: %s', 'causerie-connector' ), $diagnosis['title'] )
			/* translators: %s: what is wrong, such as "The connection is not set up yet." */
			: sprintf( __( 'Needs attention: %s', 'causerie-connector' ), $diagnosis['title'] );
		return $this->row( $label, $text, __( 'Fix the connection', 'causerie-connector' ), self::FIX_FRAGMENT );
	}

	/**
	 * The week's conversations and leads, or why they are not counted.
	 *
	 * @param int $now Unix time.
	 * @phpstan-return Row
	 */
	private function week( int $now ): array {
		$week  = $this->activity->current( $now );
		$label = __( 'This week', 'causerie-connector' );
		$link  = __( 'See the conversations', 'causerie-connector' );
		if ( null !== $week['conversations'] && null !== $week['leads'] ) {
			$text = sprintf(
				/* translators: 1: how many conversations, such as "3 conversations"; 2: how many leads, such as "1 lead" */
				__( '%1$s and %2$s in the last 7 days.', 'causerie-connector' ),
				/* translators: %d: how many conversations */
				sprintf( _n( '%d conversation', '%d conversations', $week['conversations'], 'causerie-connector' ), $week['conversations'] ),
				/* translators: %d: how many leads */
				sprintf( _n( '%d lead', '%d leads', $week['leads'], 'causerie-connector' ), $week['leads'] )
			);
			return $this->row( $label, $text, $link, self::CONVERSATIONS_FRAGMENT );
		}
		$text = match ( $week['reason'] ) {
			Weekly_Activity::MISSING_SCOPE => __( 'Not counted: the chatbot\'s credentials are not allowed to read conversations. Allow it in the Causerie settings.', 'causerie-connector' ),
			Weekly_Activity::NOT_CONNECTED => __( 'Counted once the chatbot is connected.', 'causerie-connector' ),
			default                        => null === $week['refreshedAt']
				? __( 'Not counted yet: the first count comes within a few minutes.', 'causerie-connector' )
				: __( 'Not counted: Causerie did not answer. It is asked again every few minutes.', 'causerie-connector' ),
		};
		return Weekly_Activity::MISSING_SCOPE === $week['reason']
			? $this->row( $label, $text, __( 'Open Causerie settings', 'causerie-connector' ), '' )
			: $this->row( $label, $text, $link, self::CONVERSATIONS_FRAGMENT );
	}

	/**
	 * The knowledge sync: how much of the site the chatbot knows, and what holds the rest back.
	 *
	 * @phpstan-return Row
	 */
	private function knowledge(): array {
		$now   = $this->sync->current();
		$parts = array(
			/* translators: 1: posts in the chatbot's knowledge; 2: posts that should be */
			sprintf( _n( '%1$d of %2$d post is in the chatbot\'s knowledge.', '%1$d of %2$d posts are in the chatbot\'s knowledge.', $now['total'], 'causerie-connector' ), $now['synced'], $now['total'] ),
		);
		if ( null !== $now['pause'] ) {
			/* translators: %s: what stops the sync, such as "The access token lacks a permission" */
			$parts[] = sprintf( __( 'The knowledge sync is paused: %s', 'causerie-connector' ), Catalog::title( $now['pause']['code'] ) );
		} elseif ( null !== $now['backoff'] ) {
			$parts[] = __( 'The knowledge sync is waiting for the Causerie API to answer.', 'causerie-connector' );
		} elseif ( $now['pending'] > 0 ) {
			/* translators: %d: how many posts */
			$parts[] = sprintf( _n( '%d post is waiting to be sent.', '%d posts are waiting to be sent.', $now['pending'], 'causerie-connector' ), $now['pending'] );
		}
		if ( $now['failed'] > 0 ) {
			/* translators: %d: how many posts */
			$parts[] = sprintf( _n( '%d post could not be sent.', '%d posts could not be sent.', $now['failed'], 'causerie-connector' ), $now['failed'] );
		}
		return $this->row( __( 'Knowledge', 'causerie-connector' ), implode( ' ', $parts ), __( 'See the knowledge', 'causerie-connector' ), self::KNOWLEDGE_FRAGMENT );
	}

	/**
	 * One row, its link into the plugin's screen.
	 *
	 * @param string $label    What the row is about.
	 * @param string $text     What it says.
	 * @param string $link     The link's words.
	 * @param string $fragment Where on the screen the link opens; empty for the screen as it opens.
	 * @phpstan-return Row
	 */
	private function row( string $label, string $text, string $link, string $fragment ): array {
		return array(
			'label' => $label,
			'text'  => $text,
			'link'  => $link,
			'url'   => admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) . $fragment,
		);
	}
}
