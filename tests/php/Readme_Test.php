<?php
/**
 * The readme.txt follows the WordPress.org format and agrees with the plugin header.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use PHPUnit\Framework\TestCase as Base;

/**
 * The rules of the WordPress.org readme parser that a release would otherwise break silently.
 */
final class Readme_Test extends Base {

	private const SECTIONS = array( 'Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog' );

	/**
	 * The readme.
	 */
	private static function readme(): string {
		return (string) file_get_contents( dirname( __DIR__, 2 ) . '/readme.txt' );
	}

	/**
	 * The readme's header fields.
	 *
	 * @return array<string, string>
	 */
	private static function fields(): array {
		$head = explode( "\n\n", self::readme(), 2 )[0];
		preg_match_all( '/^([A-Za-z ]+):\s*(.+)$/m', $head, $matches, PREG_SET_ORDER );
		$fields = array();
		foreach ( $matches as $match ) {
			$fields[ $match[1] ] = trim( $match[2] );
		}
		return $fields;
	}

	/**
	 * The level-2 sections, in order, with their bodies.
	 *
	 * @return array<string, string>
	 */
	private static function sections(): array {
		$parts    = preg_split( '/^== (.+?) ==$/m', self::readme(), -1, PREG_SPLIT_DELIM_CAPTURE );
		$parts    = false === $parts ? array() : $parts;
		$sections = array();
		$count    = count( $parts );
		for ( $i = 1; $i + 1 < $count; $i += 2 ) {
			$sections[ $parts[ $i ] ] = trim( $parts[ $i + 1 ] );
		}
		return $sections;
	}

	public function test_the_header_names_the_plugin_and_agrees_with_the_main_file(): void {
		$plugin = get_file_data(
			dirname( __DIR__, 2 ) . '/causerie-connector.php',
			array(
				'name'     => 'Plugin Name',
				'version'  => 'Version',
				'requires' => 'Requires at least',
				'php'      => 'Requires PHP',
			)
		);
		$fields = self::fields();

		self::assertStringStartsWith( '=== ' . $plugin['name'] . " ===\n", self::readme() );
		foreach ( array( 'Contributors', 'Tags', 'Requires at least', 'Tested up to', 'Requires PHP', 'Stable tag', 'License' ) as $field ) {
			self::assertArrayHasKey( $field, $fields, $field );
		}
		self::assertSame( $plugin['version'], $fields['Stable tag'] );
		self::assertSame( $plugin['requires'], $fields['Requires at least'] );
		self::assertSame( $plugin['php'], $fields['Requires PHP'] );
		self::assertLessThanOrEqual( 5, count( explode( ',', $fields['Tags'] ) ), 'WordPress.org shows 5 tags at most' );
	}

	public function test_the_short_description_fits_the_directory(): void {
		$after_header = explode( "\n\n", self::readme(), 3 )[1] ?? '';

		self::assertNotSame( '', trim( $after_header ) );
		self::assertStringStartsNotWith( '==', $after_header );
		self::assertLessThanOrEqual( 150, mb_strlen( trim( $after_header ) ) );
	}

	public function test_every_section_is_there_in_order_and_not_empty(): void {
		$sections = self::sections();

		self::assertSame( self::SECTIONS, array_values( array_intersect( array_keys( $sections ), self::SECTIONS ) ) );
		foreach ( self::SECTIONS as $section ) {
			self::assertNotSame( '', $sections[ $section ], $section );
		}
	}

	public function test_the_faq_covers_the_six_causes_of_a_401(): void {
		$faq = strtolower( self::sections()['Frequently Asked Questions'] );

		foreach ( array( 'expired', 'malformed', 'signature', 'revoked', 'scope', 'environment' ) as $cause ) {
			self::assertStringContainsString( $cause, $faq, $cause );
		}
	}

	public function test_the_changelog_has_the_current_version_and_screenshots_are_numbered(): void {
		$sections = self::sections();

		self::assertStringContainsString( '= ' . self::fields()['Stable tag'] . ' =', $sections['Changelog'] );
		preg_match_all( '/^(\d+)\. /m', $sections['Screenshots'], $numbers );
		self::assertSame( range( 1, count( $numbers[1] ) ), array_map( 'intval', $numbers[1] ) );
	}
}
