<?php
/**
 * REST route for each site's knowledge sync, on the network's Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Sync\Sync_Status;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /causerie/v1/network/sync, on a multisite network only: each site syncs its own content into its own
 * queue table, so the network administrator reads each one's state here, site by site, without visiting
 * them. It only reads, and makes no table on a site that has none.
 */
final class Network_Sync_Controller extends Network_Admin_Controller {

	public const REST_BASE = 'network/sync';

	/**
	 * Sites listed at most, the first by id.
	 */
	public const MAX_SITES = 100;

	/**
	 * Constructor.
	 *
	 * @param Sync_Status $overview The sync at a glance, read on each site in turn.
	 */
	public function __construct( private readonly Sync_Status $overview ) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->read_route( 'get_items' );
	}

	/**
	 * Each site's state.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		return rest_ensure_response( $this->rows() );
	}

	/**
	 * Each site's state; the TypeScript type NetworkSiteSync mirrors a row.
	 *
	 * @return list<array{site: int, name: string, url: string, synced: int, total: int, pending: int, failed: int, pause: array{code: string, title: string}|null}>
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
			$pause  = $now['pause']['code'] ?? '';
			$rows[] = array(
				'site'    => (int) $site->blog_id,
				'name'    => (string) get_bloginfo( 'name' ),
				'url'     => home_url( '/' ),
				'synced'  => $now['synced'],
				'total'   => $now['total'],
				'pending' => $now['pending'],
				'failed'  => $now['failed'],
				'pause'   => '' === $pause ? null : array(
					'code'  => $pause,
					'title' => Catalog::title( $pause ),
				),
			);
			restore_current_blog();
		}
		return $rows;
	}
}
