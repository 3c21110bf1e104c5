<?php
/**
 * Commands the tests need on the WP-CLI site, which has no core commands: loaded with --require.
 *
 * @package Causerie\Connector
 */

WP_CLI::add_command(
	'fixture posts',
	/**
	 * Publishes posts, through wp_insert_post() so that every hook runs.
	 *
	 * @param string[] $args The number of posts.
	 */
	static function ( array $args ): void {
		$count = is_numeric( $args[0] ?? null ) ? (int) $args[0] : 1;
		for ( $i = 1; $i <= $count; $i++ ) {
			wp_insert_post(
				array(
					'post_title'   => 'Fixture post ' . $i,
					'post_content' => '<!-- wp:paragraph --><p>What a visitor reads on post ' . $i . '.</p><!-- /wp:paragraph -->',
					'post_status'  => 'publish',
				)
			);
		}
	}
);
