<?php
/**
 * Publishes the development site's sample pages, once: a small shop's pages that the chatbot answers from.
 *
 *   WP_URL=http://127.0.0.1:8880 php sample-content.php
 *
 * Prints the question to try, which the page "Shipping and returns" answers.
 *
 * @package Causerie\Connector
 */

// As a request to the site, so permalinks and hooks are the site's own.
require __DIR__ . '/load.php';

$causerie_pages = array(
	'shipping-and-returns' => array(
		'Shipping and returns',
		'<!-- wp:paragraph --><p>We ship every order within two working days from our workshop in Lyon.</p><!-- /wp:paragraph -->'
		. '<!-- wp:paragraph --><p>Delivery in France takes three to five days; the rest of Europe takes up to ten days.</p><!-- /wp:paragraph -->'
		. '<!-- wp:paragraph --><p>You can return any item within thirty days for a full refund: write to us and we send a prepaid label.</p><!-- /wp:paragraph -->',
	),
	'opening-hours'        => array(
		'Opening hours',
		'<!-- wp:paragraph --><p>The shop in Lyon is open Tuesday to Saturday, from ten in the morning to seven in the evening.</p><!-- /wp:paragraph -->'
		. '<!-- wp:paragraph --><p>We are closed on Sundays, Mondays and public holidays.</p><!-- /wp:paragraph -->',
	),
	'our-teas'             => array(
		'Our teas',
		'<!-- wp:paragraph --><p>Every tea we sell is organic and comes from small gardens in Darjeeling, Yunnan and Shizuoka.</p><!-- /wp:paragraph -->'
		. '<!-- wp:paragraph --><p>Green teas steep for two minutes at eighty degrees; black teas for four minutes in boiling water.</p><!-- /wp:paragraph -->',
	),
);

foreach ( $causerie_pages as $causerie_slug => list( $causerie_title, $causerie_content ) ) {
	if ( null !== get_page_by_path( $causerie_slug ) ) {
		continue;
	}
	$causerie_id = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => $causerie_slug,
			'post_title'   => $causerie_title,
			'post_content' => $causerie_content,
		),
		true
	);
	if ( is_wp_error( $causerie_id ) ) {
		fwrite( STDERR, $causerie_id->get_error_message() . "\n" );
		exit( 1 );
	}
}

echo 'How long does shipping take?';
