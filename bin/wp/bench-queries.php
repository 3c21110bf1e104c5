<?php
/**
 * Plugin Name: Causerie bench: the page's query count on request
 * Description: For npm run bench:scale only. A request with the header X-Causerie-Queries gets, after the page,
 * an HTML comment with the database queries WordPress made for it: `<!-- causerie-queries: 12 -->`.
 *
 * @package Causerie\Connector
 */

if ( isset( $_SERVER['HTTP_X_CAUSERIE_QUERIES'] ) ) {
	// Last at shutdown, so that every query of the page view is counted; the comment follows the page.
	add_action(
		'shutdown',
		static function (): void {
			echo "\n<!-- causerie-queries: " . (int) get_num_queries() . " -->\n";
		},
		PHP_INT_MAX
	);
}
