<?php
/**
 * Tests of the shared diagnosis codes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Diagnosis;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Tests\TestCase;

/**
 * Every code the PHP side can produce is defined once, in the Catalog, with a known severity and fix, and the
 * admin app's copy (codes.json) is current.
 */
final class Catalog_Codes_Test extends TestCase {

	public function test_every_code_has_a_known_severity(): void {
		self::assertGreaterThan( 20, count( Catalog::codes() ) );
		foreach ( Catalog::codes() as $code => $meta ) {
			self::assertMatchesRegularExpression( '/^[a-z_]+$/', $code );
			self::assertContains( $meta['severity'], array( 'error', 'warning', 'info' ), $code );
			self::assertContains( $meta['fix'], array( 'renew', 'secret', 'scopes', 'environment', 'address', 'clock', 'site', 'paused', 'wait' ), $code );
		}
	}

	public function test_the_admin_app_s_copy_is_written_from_the_catalog(): void {
		$copy = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/includes/Diagnosis/codes.json' ), true );
		self::assertIsArray( $copy );

		self::assertSame( Catalog::codes(), $copy['codes'], 'run npm run codes' );
	}

	public function test_every_code_written_in_the_php_sources_is_defined(): void {
		$sources = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( dirname( __DIR__, 3 ) . '/includes' ) );
		$used    = array();
		foreach ( $sources as $file ) {
			if ( $file instanceof \SplFileInfo && 'php' === $file->getExtension() ) {
				preg_match_all( "/new Finding\(\s*'([a-z_]+)'/", (string) file_get_contents( $file->getPathname() ), $matches );
				$used = array_merge( $used, $matches[1] );
			}
		}
		preg_match_all( "/=> '([a-z_]+)',/", (string) file_get_contents( dirname( __DIR__, 3 ) . '/includes/Http/Transport_Error.php' ), $transport );
		preg_match_all( "/'((?:token|signing)_[a-z_]+)'/", (string) file_get_contents( dirname( __DIR__, 3 ) . '/includes/Auth/Refusal.php' ), $refusals );

		$used = array_unique( array_merge( $used, $transport[1], $refusals[1], array( 'rate_limited', 'server_error', 'not_json', 'invalid_client', 'invalid_grant', 'invalid_scope', 'unauthorized_client' ) ) );
		self::assertGreaterThan( 10, count( $used ) );
		foreach ( $used as $code ) {
			self::assertTrue( Catalog::exists( $code ), "code $code is not in the Catalog" );
		}
	}
}
