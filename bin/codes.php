<?php
/**
 * Writes includes/Diagnosis/codes.json, the admin app's copy of the diagnosis catalog, from Catalog::codes().
 *
 *   npm run codes          write it
 *   npm run codes -- check exit 1 when it is not current
 *
 * @package Causerie\Connector
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput, WordPress.WP.GlobalVariablesOverride

require dirname( __DIR__ ) . '/includes/Diagnosis/Catalog.php';

$causerie_file = dirname( __DIR__ ) . '/includes/Diagnosis/codes.json';
$causerie_json = json_encode(
	array(
		'$comment' => 'Written by `npm run codes` from includes/Diagnosis/Catalog.php, the one home of every diagnosis; do not edit by hand.',
		'codes'    => Causerie\Connector\Diagnosis\Catalog::codes(),
	),
	JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES
) . "\n";

if ( 'check' === ( $argv[1] ?? '' ) ) {
	if ( file_get_contents( $causerie_file ) !== $causerie_json ) {
		fwrite( STDERR, "includes/Diagnosis/codes.json is not current: run npm run codes\n" );
		exit( 1 );
	}
	exit( 0 );
}
file_put_contents( $causerie_file, $causerie_json );
