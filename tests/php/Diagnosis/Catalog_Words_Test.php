<?php
/**
 * Tests of the diagnosis texts' wording.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Diagnosis;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Tests\TestCase;

/**
 * A step that sends the admin somewhere says where; the fix wizard, whose form sits right below its steps,
 * says "below" instead.
 */
final class Catalog_Words_Test extends TestCase {

	public function test_the_secret_step_says_below_in_the_wizard_and_names_the_screen_elsewhere(): void {
		foreach ( array( 'invalid_client', 'encryption_key_changed', 'secret_copied', 'secret_address_changed' ) as $code ) {
			$texts = Catalog::describe( $code );

			self::assertStringContainsString( 'in the field below', implode( ' ', $texts['wizardSteps'] ), $code );
			self::assertStringNotContainsString( 'below', implode( ' ', $texts['steps'] ), $code );
			self::assertStringContainsString( 'Settings → Causerie', implode( ' ', $texts['steps'] ), $code );
			self::assertCount( count( $texts['steps'] ), $texts['wizardSteps'], $code );
		}
	}

	public function test_every_step_that_sends_the_admin_to_a_section_or_the_support_report_says_where_it_is(): void {
		foreach ( array_keys( Catalog::codes() ) as $code ) {
			foreach ( Catalog::describe( $code )['steps'] as $step ) {
				if ( 1 === preg_match( '/section|support report|tab\b/', $step ) ) {
					self::assertStringContainsString( 'Settings → Causerie', $step, "$code: $step" );
				}
			}
		}
	}

	public function test_the_steps_done_in_the_causerie_dashboard_are_marked_so_the_screen_links_the_server_s_page(): void {
		foreach ( array( 'invalid_client', 'secret_mismatch', 'insufficient_scope', 'invalid_scope', 'environment_mismatch', 'not_configured', 'secret_address_changed' ) as $code ) {
			self::assertNotSame( array(), Catalog::describe( $code )['dashboardSteps'], $code );
		}
		foreach ( array_keys( Catalog::codes() ) as $code ) {
			$texts = Catalog::describe( $code );
			foreach ( $texts['dashboardSteps'] as $index ) {
				self::assertStringContainsString( 'Causerie', $texts['steps'][ $index ], $code );
			}
		}
		self::assertSame( array(), Catalog::describe( 'token_expired' )['dashboardSteps'] );
	}

	public function test_the_clock_texts_do_not_blame_this_server_and_say_how_to_tell(): void {
		$texts = Catalog::describe( 'clock_skew' );

		self::assertStringNotContainsString( 'This server\'s clock is', $texts['title'] );
		self::assertStringContainsString( 'not which one is wrong', $texts['explanation'] );
		self::assertStringContainsString( 'phone', $texts['steps'][0] );
	}

	public function test_an_expired_token_is_blamed_on_wp_cron_only_when_it_is_known_to_have_stopped(): void {
		self::assertStringNotContainsString( 'WP-Cron', Catalog::describe( 'token_expired' )['explanation'] );
		self::assertStringNotContainsString( 'WP-Cron', Catalog::describe( 'token_expired', array( 'cronRunning' => true ) )['explanation'] );
		self::assertStringContainsString( 'WP-Cron', Catalog::describe( 'token_expired', array( 'cronRunning' => false ) )['explanation'] );
	}
}
