<?php
/**
 * Tests of the shared scope list.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Credentials;

use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Tests\TestCase;

/**
 * The scopes are declared once, in Scopes, and the admin app's copy (scopes.json) is current.
 */
final class Scopes_Test extends TestCase {

	public function test_the_admin_app_s_copy_is_written_from_the_scopes(): void {
		$copy = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/includes/Credentials/scopes.json' ), true );
		self::assertIsArray( $copy );

		self::assertSame( Scopes::rows(), $copy['scopes'], 'run npm run codes' );
	}

	public function test_the_required_scopes_are_known_ones_and_the_conversations_scope_is_optional(): void {
		self::assertSame( array(), array_diff( Scopes::REQUIRED, Scopes::ALL ) );
		self::assertFalse( Scopes::rows()[ Scopes::READ_CONVERSATIONS ]['required'] );
		self::assertTrue( Scopes::rows()[ Scopes::WRITE_KNOWLEDGE ]['required'] );
	}

	public function test_site_health_names_the_missing_scopes_by_what_they_allow_with_the_id_in_parentheses(): void {
		self::assertSame( 'Update the chatbot’s knowledge (write:knowledge)', Scopes::listed( array( Scopes::WRITE_KNOWLEDGE ) ) );
		self::assertSame( 'Show the chat widget (read:widget) and Read conversations (read:conversations)', Scopes::listed( array( Scopes::READ_WIDGET, Scopes::READ_CONVERSATIONS ) ) );
		self::assertSame( 'write:everything', Scopes::listed( array( 'write:everything' ) ), 'a scope this build does not know keeps its id' );
	}

	public function test_the_server_s_scope_labels_are_the_admin_app_s(): void {
		$words = (string) file_get_contents( dirname( __DIR__, 3 ) . '/src/shared/scopes.ts' );
		foreach ( Scopes::ALL as $scope ) {
			self::assertStringContainsString( "label: __( '" . Scopes::label( $scope ) . "'", $words, $scope );
		}
	}

	public function test_no_source_file_spells_a_scope_outside_the_scopes_class(): void {
		$sources = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( dirname( __DIR__, 3 ) . '/includes' ) );
		$found   = array();
		foreach ( $sources as $file ) {
			if ( $file instanceof \SplFileInfo && 'php' === $file->getExtension() && 'Scopes.php' !== $file->getFilename() ) {
				foreach ( Scopes::ALL as $scope ) {
					if ( str_contains( (string) file_get_contents( $file->getPathname() ), "'$scope'" ) ) {
						$found[] = $file->getFilename() . ": $scope";
					}
				}
			}
		}
		self::assertSame( array(), $found );
	}
}
