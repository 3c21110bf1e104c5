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

WP_CLI::add_command(
	'fixture setup',
	/**
	 * Prints GET /causerie/v1/setup as an administrator reads it on the screen.
	 */
	static function (): void {
		$admins = get_users(
			array(
				'role'   => 'administrator',
				'number' => 1,
				'fields' => 'ID',
			)
		);
		wp_set_current_user( is_numeric( $admins[0] ?? null ) ? (int) $admins[0] : 1 );
		$response = rest_do_request( new WP_REST_Request( 'GET', '/causerie/v1/setup' ) );
		WP_CLI::line( (string) wp_json_encode( $response->get_data() ) );
	}
);
