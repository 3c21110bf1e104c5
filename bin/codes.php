<?php
/**
 * Writes the admin app's copies of two server-side lists, so the two sides can't drift:
 * includes/Diagnosis/codes.json from Catalog::codes(), and includes/Credentials/scopes.json from Scopes::rows().
 *
 *   npm run codes          write them
 *   npm run codes -- check exit 1 when one is not current
 *
 * @package Causerie\Connector
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput, WordPress.WP.GlobalVariablesOverride

require dirname( __DIR__ ) . '/includes/Diagnosis/Catalog.php';
require dirname( __DIR__ ) . '/includes/Credentials/Scopes.php';

$causerie_files = array(
	'includes/Diagnosis/codes.json'   => array(
		'$comment' => 'Written by `npm run codes` from includes/Diagnosis/Catalog.php, the one home of every diagnosis; do not edit by hand.',
		'codes'    => Causerie\Connector\Diagnosis\Catalog::codes(),
	),
	'includes/Credentials/scopes.json' => array(
		'$comment' => 'Written by `npm run codes` from includes/Credentials/Scopes.php, the one home of every scope; do not edit by hand. The admin app words each one in src/shared/scopes.ts.',
		'scopes'   => Causerie\Connector\Credentials\Scopes::rows(),
	),
);

$causerie_stale = false;
foreach ( $causerie_files as $causerie_path => $causerie_data ) {
	$causerie_file = dirname( __DIR__ ) . '/' . $causerie_path;
	$causerie_json = json_encode( $causerie_data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n";
	if ( 'check' !== ( $argv[1] ?? '' ) ) {
		file_put_contents( $causerie_file, $causerie_json );
	} elseif ( ! is_file( $causerie_file ) || file_get_contents( $causerie_file ) !== $causerie_json ) {
		fwrite( STDERR, "$causerie_path is not current: run npm run codes\n" );
		$causerie_stale = true;
	}
}
exit( $causerie_stale ? 1 : 0 );
