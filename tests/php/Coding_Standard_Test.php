<?php
/**
 * No file switches the coding standard off wholesale or without saying why.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase as Base;

/**
 * The security sniffs only protect what they see. In every file phpcs checks (the ruleset's file list), a
 * comment that silences a sniff names it and gives its reason after "--", and a disable is a short block
 * closed by its enable, never the rest of a file. Comments are read with PHP's tokenizer, so code and
 * strings that merely mention the markers are not mistaken for them.
 */
final class Coding_Standard_Test extends Base {

	/**
	 * The most lines a disable may span before its enable: one statement, never a file.
	 */
	private const MAX_BLOCK = 12;

	/**
	 * A sniff's name: Standard.Category, optionally .Sniff and .Message.
	 */
	private const SNIFF = '/^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z0-9_]+){0,2}$/';

	public function test_every_silenced_sniff_is_named_and_justified_and_no_file_is_switched_off(): void {
		$problems = array();
		foreach ( self::files() as $path => $source ) {
			foreach ( self::problems( $source ) as $problem ) {
				$problems[] = $path . ':' . $problem;
			}
		}

		self::assertSame( array(), $problems );
	}

	/**
	 * Sources with one bad comment each, and what the check says of it.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function bad_sources(): array {
		// In strings, not comments: the check reads comments only, so this file is not one of its cases.
		$ignore  = '// phpcs:ignore';
		$disable = '// phpcs:disable';
		$enable  = '// phpcs:enable';
		$sniff   = 'WordPress.DB.DirectDatabaseQuery';
		return array(
			'an ignore that names no sniff'          => array( "<?php\nx(); $ignore\n", '2: names no sniff' ),
			'an ignore without a reason'             => array( "<?php\nx(); $ignore $sniff\n", '2: gives no reason' ),
			'an ignore with an empty reason'         => array( "<?php\nx(); $ignore $sniff --\n", '2: gives no reason' ),
			'an ignore naming a sniff by a word'     => array( "<?php\n$ignore WordPress -- why\nx();\n", '2: names no sniff' ),
			'a disable never enabled again'          => array( "<?php\n$disable $sniff -- why\nx();\n", '2: switches the sniff off for the rest of the file' ),
			'a disable enabled again too far down'   => array( "<?php\n$disable $sniff -- why\n" . str_repeat( "x();\n", self::MAX_BLOCK + 1 ) . "$enable\n", '2: switches the sniff off for the rest of the file' ),
			'a whole file ignored'                   => array( "<?php\n// phpcs:ignoreFile\n", '2: ignores the whole file' ),
			'the old annotation'                     => array( "<?php\n// @codingStandardsIgnoreStart\n", '2: ignores the whole file' ),
			'a disable of every sniff in a docblock' => array( "<?php\n/**\n * Phpcs:disable\n */\n", '2: names no sniff' ),
		);
	}

	#[DataProvider( 'bad_sources' )]
	public function test_the_check_finds( string $source, string $problem ): void {
		self::assertContains( $problem, self::problems( $source ) );
	}

	public function test_the_check_accepts_a_named_justified_ignore_and_a_short_block(): void {
		$ignore  = '// phpcs:ignore';
		$disable = '// phpcs:disable';
		$enable  = '// phpcs:enable';
		$source  = "<?php\nx(); $ignore WordPress.DB.DirectDatabaseQuery.NoCaching, Generic.PHP.NoSilencedErrors -- why.\n"
			. "$disable WordPress.DB -- a query over two lines.\nx(\n);\n$enable\n\$y = '// phpcs:ignore';\n";

		self::assertSame( array(), self::problems( $source ) );
	}

	/**
	 * What is wrong with a source's phpcs comments, as "line: problem".
	 *
	 * @param string $source PHP source.
	 * @return list<string>
	 */
	private static function problems( string $source ): array {
		$problems = array();
		$enables  = array();
		$disables = array();
		foreach ( token_get_all( $source ) as $token ) {
			if ( ! is_array( $token ) || ! in_array( $token[0], array( T_COMMENT, T_DOC_COMMENT ), true ) ) {
				continue;
			}
			if ( 1 === preg_match( '/@codingStandardsIgnore(Start|File)|phpcs:ignoreFile/i', $token[1] ) ) {
				$problems[] = $token[2] . ': ignores the whole file';
				continue;
			}
			if ( 1 !== preg_match( '/phpcs:(ignore|disable|enable)\b(.*)/is', $token[1], $found ) ) {
				continue;
			}
			$kind = strtolower( $found[1] );
			if ( 'enable' === $kind ) {
				$enables[] = $token[2];
				continue;
			}
			$parts  = explode( '--', trim( preg_replace( '#\s*\*/$#', '', $found[2] ) ?? '' ), 2 );
			$sniffs = array_filter( array_map( 'trim', explode( ',', $parts[0] ) ), static fn( string $name ): bool => '' !== $name );
			if ( array() === $sniffs || array() !== array_filter( $sniffs, static fn( string $name ): bool => 1 !== preg_match( self::SNIFF, $name ) ) ) {
				$problems[] = $token[2] . ': names no sniff';
			}
			if ( '' === trim( $parts[1] ?? '' ) ) {
				$problems[] = $token[2] . ': gives no reason';
			}
			if ( 'disable' === $kind ) {
				$disables[] = $token[2];
			}
		}
		foreach ( $disables as $line ) {
			$closed = array_filter( $enables, static fn( int $enable ): bool => $enable > $line && $enable - $line <= self::MAX_BLOCK );
			if ( array() === $closed ) {
				$problems[] = $line . ': switches the sniff off for the rest of the file';
			}
		}
		return $problems;
	}

	/**
	 * The PHP files phpcs checks, by the ruleset's own list, with their sources.
	 *
	 * @return array<string, string>
	 */
	private static function files(): array {
		$root    = dirname( __DIR__, 2 );
		$ruleset = simplexml_load_string( (string) file_get_contents( $root . '/phpcs.xml.dist' ) );
		self::assertNotFalse( $ruleset );
		$files = array();
		foreach ( $ruleset->file as $entry ) {
			$path = $root . '/' . $entry;
			$list = is_dir( $path ) ? new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $path, \FilesystemIterator::SKIP_DOTS ) ) : array( new \SplFileInfo( $path ) );
			foreach ( $list as $file ) {
				if ( $file instanceof \SplFileInfo && 'php' === $file->getExtension() ) {
					$files[ substr( $file->getPathname(), strlen( $root ) + 1 ) ] = (string) file_get_contents( $file->getPathname() );
				}
			}
		}
		self::assertGreaterThan( 100, count( $files ), 'the ruleset lists the plugin, its tests and bin/wp' );
		return $files;
	}
}
