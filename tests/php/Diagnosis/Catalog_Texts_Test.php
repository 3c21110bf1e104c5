<?php
/**
 * Tests of the diagnosis texts.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Diagnosis;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Tests\TestCase;

/**
 * Every code has its own title, an explanation and at least one fix step.
 */
final class Catalog_Texts_Test extends TestCase {

	public function test_every_code_has_a_title_an_explanation_and_steps(): void {
		$generic = Catalog::describe( 'no_such_code' );
		$titles  = array();
		foreach ( array_keys( Catalog::codes() ) as $code ) {
			$fix = Catalog::describe( $code );
			self::assertNotSame( $generic['title'], $fix['title'], "$code has its own title" );
			self::assertNotSame( '', $fix['explanation'], $code );
			self::assertNotEmpty( $fix['steps'], $code );
			$titles[] = $fix['title'];
		}
		self::assertSame( $titles, array_unique( $titles ), 'no two codes read the same' );
	}

	public function test_a_rejected_secret_walks_through_regeneration_in_order(): void {
		$steps = Catalog::describe( 'invalid_client' )['steps'];

		self::assertStringContainsString( 'generate a new client secret', $steps[0] );
		self::assertStringContainsString( 'Paste the new secret', $steps[1] );
	}
}
