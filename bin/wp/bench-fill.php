<?php
/**
 * Fills a site with N published posts and pages of realistic size for `npm run bench:sync`, plus one
 * post in a hundred that must never be sent (draft, pending, private, password-protected).
 *
 *   WP_URL=http://127.0.0.1:8885 php bench-fill.php N [SEED]
 *
 * Each has a title, 3–8 KB of text as block markup (paragraphs, headings, lists) and, for posts, one or two
 * categories and up to three tags. The text comes from a seeded generator, so every run with the same N and
 * seed makes the same site. Run it before the plugin is activated: the fill must not queue anything.
 *
 * @package Causerie\Connector
 */

$causerie_total = (int) ( $argv[1] ?? 10000 );
mt_srand( (int) ( $argv[2] ?? 12 ) );

const CAUSERIE_WORDS = 'the a of to and in for with on at by from your our this that each every opening hours price prices menu order
delivery pickup shop store product products garden kitchen coffee café bread pastry crème brûlée season winter summer spring autumn
weekend weekday morning evening booking reservation table guests family children parking access wheelchair terrace recipe
ingredient flour butter sugar chocolate vanilla strawberry organic local farm market fresh daily special offer discount gift card
member newsletter event workshop class course lesson beginner advanced teacher studio bike repair service warranty return refund
shipping payment invoice account password contact phone email address map street city village river mountain lake forest trail
walk tour guide ticket museum gallery exhibition concert festival library book author reading school holiday closed open until
before after during between always sometimes often never please note remember ask visit discover enjoy choose prepare bake serve
taste share welcome thank offer include require allow change update cancel confirm arrive leave stay try find make keep small
large warm cold quiet busy friendly simple careful quick slow new old best first last next free extra several many few most';

const CAUSERIE_CATEGORIES = array( 'News', 'Recipes', 'Events', 'Shop', 'Guides', 'Workshops', 'Travel', 'Garden', 'Kitchen', 'Community', 'Offers', 'FAQ' );

const CAUSERIE_TAGS = array( 'opening hours', 'prices', 'gluten-free', 'vegan', 'family', 'weekend', 'booking', 'delivery', 'seasonal', 'beginners', 'outdoor', 'indoor', 'accessibility', 'gift', 'members', 'summer', 'winter', 'local', 'organic', 'chocolate', 'coffee', 'bread', 'cycling', 'walking', 'music', 'books', 'children', 'parking', 'refunds', 'newsletter' );

/**
 * A word list, split once.
 *
 * @return list<string>
 */
function causerie_words(): array {
	static $words = null;
	$words      ??= preg_split( '/\s+/', CAUSERIE_WORDS );
	return $words;
}

/**
 * Words drawn at random.
 *
 * @param int $min The fewest words.
 * @param int $max The most words.
 */
function causerie_phrase( int $min, int $max ): string {
	$words = causerie_words();
	$out   = array();
	for ( $n = mt_rand( $min, $max ); $n > 0; $n-- ) {
		$out[] = $words[ mt_rand( 0, count( $words ) - 1 ) ];
	}
	return implode( ' ', $out );
}

/**
 * A sentence, sometimes with a price or opening hours.
 */
function causerie_sentence(): string {
	$sentence = ucfirst( causerie_phrase( 6, 18 ) );
	if ( 0 === mt_rand( 0, 3 ) ) {
		$sentence .= sprintf( ' %d.%02d €', mt_rand( 2, 90 ), mt_rand( 0, 99 ) );
	} elseif ( 0 === mt_rand( 0, 4 ) ) {
		$sentence .= sprintf( ', from %d:00 to %d:30', mt_rand( 7, 11 ), mt_rand( 16, 21 ) );
	}
	return $sentence . ( 0 === mt_rand( 0, 7 ) ? '?' : '.' );
}

/**
 * Three to seven sentences.
 */
function causerie_paragraph(): string {
	$sentences = array();
	for ( $n = mt_rand( 3, 7 ); $n > 0; $n-- ) {
		$sentences[] = causerie_sentence();
	}
	return implode( ' ', $sentences );
}

/**
 * Block markup of an introduction, then sections of a heading, paragraphs and sometimes a list.
 *
 * @param int $bytes How much text (not markup) to write, at least.
 */
function causerie_content( int $bytes ): string {
	$blocks = array();
	$text   = 0;
	$add    = static function ( string $block, string $plain ) use ( &$blocks, &$text ) {
		$blocks[] = $block;
		$text    += strlen( $plain );
	};
	$intro  = causerie_paragraph();
	$add( "<!-- wp:paragraph -->\n<p>" . esc_html( $intro ) . "</p>\n<!-- /wp:paragraph -->", $intro );
	while ( $text < $bytes ) {
		$heading = ucfirst( causerie_phrase( 2, 6 ) );
		$add( "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . esc_html( $heading ) . "</h2>\n<!-- /wp:heading -->", $heading );
		for ( $n = mt_rand( 1, 3 ); $n > 0 && $text < $bytes; $n-- ) {
			$paragraph = causerie_paragraph();
			$add( "<!-- wp:paragraph -->\n<p>" . esc_html( $paragraph ) . "</p>\n<!-- /wp:paragraph -->", $paragraph );
		}
		if ( 0 === mt_rand( 0, 2 ) ) {
			$items = array();
			$plain = '';
			for ( $n = mt_rand( 3, 6 ); $n > 0; $n-- ) {
				$item    = ucfirst( causerie_phrase( 2, 8 ) );
				$items[] = "<!-- wp:list-item -->\n<li>" . esc_html( $item ) . "</li>\n<!-- /wp:list-item -->";
				$plain  .= $item;
			}
			$add( "<!-- wp:list -->\n<ul class=\"wp-block-list\">" . implode( "\n", $items ) . "</ul>\n<!-- /wp:list -->", $plain );
		}
	}
	return implode( "\n\n", $blocks );
}

/**
 * The arguments of one post: the $i-th eligible one, or, with $status, one that must never be sent.
 *
 * @param int                $i          Its number: every twentieth eligible one is a page.
 * @param array<string, int> $categories Category ids by name.
 * @param string             $status     A post status, or 'password' for a published post with one.
 * @return array<string, mixed>
 */
function causerie_post( int $i, array $categories, string $status = 'publish' ): array {
	$page = 0 === $i % 20;
	$post = array(
		'post_type'    => $page ? 'page' : 'post',
		'post_status'  => 'password' === $status ? 'publish' : $status,
		'post_title'   => ucfirst( causerie_phrase( 3, 9 ) ),
		'post_content' => causerie_content( mt_rand( 3000, 8000 ) ),
		'post_author'  => 1,
		// Spread over five years before a fixed day, so modified dates are the same on every run.
		'post_date'    => gmdate( 'Y-m-d H:i:s', 1767225600 - mt_rand( 0, 5 * 365 * 86400 ) ),
	);
	if ( 'password' === $status ) {
		$post['post_password'] = 'secret';
	}
	if ( ! $page ) {
		$names                 = array_values( array_unique( array( CAUSERIE_CATEGORIES[ mt_rand( 0, 11 ) ], CAUSERIE_CATEGORIES[ mt_rand( 0, 11 ) ] ) ) );
		$post['post_category'] = array_map( static fn( string $name ): int => $categories[ $name ], array_slice( $names, 0, mt_rand( 1, 2 ) ) );
		$post['tags_input']    = array_values( array_unique( array_map( static fn(): string => CAUSERIE_TAGS[ mt_rand( 0, 29 ) ], range( 0, mt_rand( 0, 3 ) ) ) ) );
	}
	return $post;
}

/**
 * Runs a transaction statement.
 *
 * @param string $statement START TRANSACTION, COMMIT or ROLLBACK.
 */
function causerie_transaction( string $statement ): void {
	global $wpdb;
	$wpdb->query( $statement ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared -- a fixed statement; WordPress has no API for transactions.
}

require __DIR__ . '/load.php';

// Core's sample post and page would make the eligible count N + 2.
wp_delete_post( 1, true );
wp_delete_post( 2, true );
$causerie_categories = array();
foreach ( CAUSERIE_CATEGORIES as $causerie_name ) {
	$causerie_term                         = term_exists( $causerie_name, 'category' ) ?? wp_insert_term( $causerie_name, 'category' );
	$causerie_categories[ $causerie_name ] = (int) $causerie_term['term_id'];
}

// Saves as fast as WordPress allows: no term counts, pings or kses per post, a transaction per 250. The
// object cache stays on (suspending it doubles the queries of each insert) and is emptied with each commit.
wp_defer_term_counting( true );
kses_remove_filters();
remove_action( 'publish_post', '_publish_post_hook', 5 );
$causerie_hidden = array( 'draft', 'pending', 'private', 'password' );
$causerie_start  = microtime( true );
causerie_transaction( 'START TRANSACTION' );
for ( $causerie_i = 1; $causerie_i <= $causerie_total; $causerie_i++ ) {
	$causerie_id = wp_insert_post( wp_slash( causerie_post( $causerie_i, $causerie_categories ) ), true );
	if ( 50 === $causerie_i % 100 ) {
		$causerie_id = wp_insert_post( wp_slash( causerie_post( $causerie_i, $causerie_categories, $causerie_hidden[ intdiv( $causerie_i, 100 ) % 4 ] ) ), true );
	}
	if ( is_wp_error( $causerie_id ) ) {
		causerie_transaction( 'ROLLBACK' );
		fwrite( STDERR, "post $causerie_i: " . $causerie_id->get_error_message() . "\n" );
		exit( 1 );
	}
	if ( 0 === $causerie_i % 250 ) {
		causerie_transaction( 'COMMIT' );
		wp_cache_flush_runtime();
		causerie_transaction( 'START TRANSACTION' );
	}
	if ( 0 === $causerie_i % 1000 ) {
		fprintf( STDERR, "%d posts, %.0f s\n", $causerie_i, microtime( true ) - $causerie_start );
	}
}
causerie_transaction( 'COMMIT' );
wp_defer_term_counting( false );
fprintf( STDERR, "filled %d posts in %.1f s\n", $causerie_total, microtime( true ) - $causerie_start );
