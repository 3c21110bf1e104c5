<?php
/**
 * Writes the documents a full sync must send, one JSON object a line, for the baseline upload of
 * `npm run bench:sync`: every published post and page without a password.
 *
 *   WP_URL=http://127.0.0.1:8885 php bench-export.php OUT.jsonl
 *   WP_URL=http://127.0.0.1:8885 php bench-export.php --count
 *
 * Each line is {source_id, title, url, language, modified, terms, content}, with the content rendered as a
 * visitor reads it (blocks and filters) and its tags stripped: the least a sync has to do for each post. With
 * --count it writes nothing and prints how many there are, from the same condition.
 *
 * @package Causerie\Connector
 */

$causerie_count_only = '--count' === ( $argv[1] ?? '' );
$causerie_out        = fopen( $causerie_count_only ? 'php://memory' : (string) ( $argv[1] ?? 'php://stdout' ), 'w' );

require __DIR__ . '/load.php';

const CAUSERIE_EXPORT_PAGE = 500;

// The documents a full sync must send: one condition for the export and the count.
$causerie_eligible = "post_type IN ('post', 'page') AND post_status = 'publish' AND post_password = ''";

if ( false === $causerie_out ) {
	fwrite( STDERR, "cannot write the export\n" );
	exit( 1 );
}
if ( $causerie_count_only ) {
	echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM $wpdb->posts WHERE $causerie_eligible" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a fixed condition; one count.
	exit( 0 );
}
$causerie_language = str_replace( '_', '-', get_locale() );
$causerie_count    = 0;
$causerie_after    = 0;
do {
	// Keyset pages keep memory flat, however many posts there are.
	$causerie_ids = array_map(
		'intval',
		$wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- one pass over the posts; nothing to cache.
			$wpdb->prepare(
				"SELECT ID FROM $wpdb->posts WHERE $causerie_eligible AND ID > %d ORDER BY ID LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a fixed condition.
				$causerie_after,
				CAUSERIE_EXPORT_PAGE
			)
		)
	);
	_prime_post_caches( $causerie_ids, true, false );
	foreach ( $causerie_ids as $causerie_id ) {
		$post = get_post( $causerie_id ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the_content's filters read the global post.
		setup_postdata( $post );
		$causerie_terms = array();
		foreach ( array( 'category', 'post_tag' ) as $causerie_taxonomy ) {
			$causerie_found = get_the_terms( $post, $causerie_taxonomy );
			foreach ( is_array( $causerie_found ) ? $causerie_found : array() as $causerie_term ) {
				$causerie_terms[] = $causerie_term->name;
			}
		}
		$causerie_text = wp_strip_all_tags( apply_filters( 'the_content', $post->post_content ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
		$causerie_line = array(
			'source_id' => 'post-' . $causerie_id,
			'title'     => html_entity_decode( get_the_title( $post ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ),
			'url'       => get_permalink( $post ),
			'language'  => $causerie_language,
			'modified'  => get_post_modified_time( 'c', true, $post ),
			'terms'     => $causerie_terms,
			'content'   => trim( (string) preg_replace( '/\n{3,}/', "\n\n", html_entity_decode( $causerie_text, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ) ),
		);
		fwrite( $causerie_out, wp_json_encode( $causerie_line, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n" );
		++$causerie_count;
	}
	$causerie_after = (int) end( $causerie_ids );
	$causerie_full  = count( $causerie_ids ) === CAUSERIE_EXPORT_PAGE;
	wp_cache_flush_runtime();
} while ( $causerie_full );
fclose( $causerie_out );
echo (int) $causerie_count;
