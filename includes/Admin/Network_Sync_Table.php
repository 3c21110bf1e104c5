<?php
/**
 * Each site's knowledge sync, on the network's Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Plugin;
use Causerie\Connector\Sync\Sync_Status;

/**
 * A table under the network's credentials: each site syncs its own content into its own queue table, so the
 * network administrator reads each one's state here, site by site, without visiting them. It only reads.
 */
final class Network_Sync_Table {

	/**
	 * Sites listed at most, the first by id.
	 */
	public const MAX_SITES = 100;

	/**
	 * Constructor.
	 *
	 * @param Sync_Status $overview The sync at a glance, read on each site in turn.
	 */
	public function __construct( private readonly Sync_Status $overview ) {}

	/**
	 * Renders after the network screen's form, on the same page.
	 */
	public function register(): void {
		add_action( 'network_admin_menu', array( $this, 'hook_page' ), 20 );
	}

	/**
	 * Adds the table to the page Network_Settings_Page registered.
	 */
	public function hook_page(): void {
		add_action( get_plugin_page_hookname( Network_Settings_Page::SLUG, 'settings.php' ), array( $this, 'render' ), 20 );
	}

	/**
	 * Each site's state.
	 *
	 * @return list<array{site: int, name: string, url: string, synced: int, total: int, pending: int, failed: int, pause: string}>
	 */
	public function rows(): array {
		$rows = array();
		foreach ( get_sites(
			array(
				'number'   => self::MAX_SITES,
				'orderby'  => 'id',
				'archived' => 0,
				'deleted'  => 0,
			)
		) as $site ) {
			switch_to_blog( (int) $site->blog_id );
			$now    = $this->overview->current();
			$rows[] = array(
				'site'    => (int) $site->blog_id,
				'name'    => (string) get_bloginfo( 'name' ),
				'url'     => home_url( '/' ),
				'synced'  => $now['synced'],
				'total'   => $now['total'],
				'pending' => $now['pending'],
				'failed'  => $now['failed'],
				'pause'   => $now['pause']['code'] ?? '',
			);
			restore_current_blog();
		}
		return $rows;
	}

	/**
	 * Prints the table.
	 */
	public function render(): void {
		if ( ! current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			return;
		}
		echo '<div class="wrap"><h2>' . esc_html__( 'Knowledge sync of each site', 'causerie-connector' ) . '</h2>';
		echo '<table class="widefat striped"><thead><tr>';
		foreach ( array( __( 'Site', 'causerie-connector' ), __( 'In the chatbot\'s knowledge', 'causerie-connector' ), __( 'Queued', 'causerie-connector' ), __( 'Failed', 'causerie-connector' ), __( 'Paused by', 'causerie-connector' ) ) as $heading ) {
			echo '<th scope="col">' . esc_html( $heading ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		foreach ( $this->rows() as $row ) {
			$name  = '' === $row['name'] ? $row['url'] : $row['name'];
			$cause = '' === $row['pause'] ? __( 'Nothing', 'causerie-connector' ) : Catalog::title( $row['pause'] ) . ' (' . $row['pause'] . ')';
			printf(
				'<tr><th scope="row"><a href="%1$s">%2$s</a></th><td>%3$s</td><td>%4$d</td><td>%5$d</td><td>%6$s</td></tr>',
				esc_url( $row['url'] ),
				esc_html( $name ),
				/* translators: 1: posts in the chatbot's knowledge; 2: posts that should be */
				esc_html( sprintf( __( '%1$d of %2$d', 'causerie-connector' ), $row['synced'], $row['total'] ) ),
				(int) $row['pending'],
				(int) $row['failed'],
				esc_html( $cause )
			);
		}
		echo '</tbody></table></div>';
	}
}
