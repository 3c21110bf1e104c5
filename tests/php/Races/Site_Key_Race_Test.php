<?php
/**
 * The site's key in the knowledge base, drawn by several processes at once.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Races;

use Causerie\Connector\Sync\Source_Ids;
use PHPUnit\Framework\Attributes\DataProviderExternal;

/**
 * The first runners of a new site, on several servers, name its documents at once: they all name them under one
 * key, the one kept, so no document is sent under a key another server then replaces (a copy that would stay in
 * the knowledge base, unknown to the site).
 */
final class Site_Key_Race_Test extends \PHPUnit\Framework\TestCase {

	private const RACERS = 4;

	protected function tearDown(): void {
		Racers::forget();
		parent::tearDown();
	}

	#[DataProviderExternal( Racers::class, 'caches' )]
	public function test_processes_naming_documents_at_once_on_a_new_site_all_use_the_key_kept( string $cache ): void {
		$results = Racers::start( array_fill( 0, self::RACERS, array( 'site-key' ) ), $cache )->results();

		$prefixes = array_unique( array_map( static fn( array $result ): string => is_string( $result['prefix'] ?? null ) ? $result['prefix'] : '', $results ) );
		self::assertCount( 1, $prefixes, 'one key for every process' );
		wp_cache_flush();
		$kept = get_option( Source_Ids::OPTION );
		self::assertIsString( $kept );
		self::assertSame( 'site-' . $kept . ':', reset( $prefixes ), 'the key kept' );
	}
}
