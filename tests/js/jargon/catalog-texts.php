<?php
/**
 * Prints every diagnosis text of the Catalog, in English, as JSON: what the jargon test
 * (tests/js/jargon/jargon.test.tsx) reads of the words the server sends to the owner's screen.
 *
 * @package Causerie\Connector
 */

/**
 * The untranslated text: no WordPress is loaded here.
 *
 * @param string $text   The text.
 * @param string $domain Its text domain.
 */
function __( string $text, string $domain = 'default' ): string { // phpcs:ignore
	unset( $domain );
	return $text;
}

require dirname( __DIR__, 3 ) . '/includes/Diagnosis/Catalog.php';

$causerie_texts = array();
foreach ( array_keys( Causerie\Connector\Diagnosis\Catalog::codes() ) as $causerie_code ) {
	$causerie_texts[ $causerie_code ] = Causerie\Connector\Diagnosis\Catalog::describe( $causerie_code );
}
echo json_encode( $causerie_texts );
