<?php
/**
 * What reading a site's credentials costs on a network.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Multisite;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Option_Prefetch;
use Causerie\Connector\Credentials\Option_Storage;
use Causerie\Connector\Credentials\Overrides;

/**
 * A site's credentials are two rows that are never autoloaded (the site's own, holding an encrypted secret, and
 * the network's), read on every admin page for the notice: one query reads both, and leaves them where
 * get_option() and get_site_option() look, so neither asks the database again.
 */
final class Credentials_Read_Cost_Test extends Network_TestCase {

	private Credential_Store $site;
	private Credential_Store $network;

	protected function setUp(): void {
		parent::setUp();
		$encryption    = new Encryption( 'test-key' );
		$overrides     = new Overrides( static fn() => null, static fn() => null );
		$this->network = new Credential_Store( $encryption, $overrides, Credential_Store::network_storage() );
		$this->site    = new Credential_Store( $encryption, $overrides, null, Credential_Store::network_storage() );
	}

	/**
	 * Queries a callback runs on a fresh request, once WordPress has loaded the autoloaded options.
	 *
	 * @param callable $read What to count.
	 */
	private function queries( callable $read ): int {
		wp_cache_flush();
		wp_load_alloptions();
		$wpdb   = $this->wpdb();
		$before = $wpdb->num_queries;
		$read();
		return $wpdb->num_queries - $before;
	}

	public function test_a_site_reads_its_own_credentials_and_the_networks_in_one_query(): void {
		$environment = $this->site->active_environment();
		$this->network->save(
			$environment,
			array(
				'clientId'     => 'network-client',
				'clientSecret' => self::SECRET,
				'apiUrl'       => 'https://api.example.test',
			)
		);
		$this->site->save( $environment, array( 'clientId' => 'site-client' ) );

		$credentials = null;
		$queries     = $this->queries(
			function () use ( &$credentials ): void {
				$credentials = $this->site->credentials();
			}
		);

		self::assertSame( 1, $queries );
		self::assertInstanceOf( \Causerie\Connector\Credentials\Credentials::class, $credentials );
		self::assertSame( 'site-client', $credentials->client_id );
		self::assertSame( self::SECRET, $credentials->secret, 'The network\'s secret, read from the shared query, still decrypts.' );
		self::assertSame( 'https://api.example.test', $credentials->api_url );
		self::assertSame( 0, $this->queries_after_the_read( fn() => array( get_option( Credential_Store::OPTION ), get_site_option( Credential_Store::NETWORK_OPTION ) ) ) );
	}

	public function test_rows_that_do_not_exist_are_remembered_as_missing(): void {
		self::assertSame( 1, $this->queries( fn() => $this->site->credentials() ) );

		self::assertSame( 0, $this->queries_after_the_read( fn() => array( get_option( Credential_Store::OPTION ), get_site_option( Credential_Store::NETWORK_OPTION ) ) ) );
		self::assertFalse( get_option( Credential_Store::OPTION ) );
		self::assertFalse( get_site_option( Credential_Store::NETWORK_OPTION ) );
	}

	public function test_the_rows_read_together_are_what_core_reads_one_by_one(): void {
		$environment = $this->site->active_environment();
		$this->network->save( $environment, array( 'clientSecret' => self::SECRET ) );
		$this->site->save( $environment, array( 'clientId' => 'site-client' ) );
		$storages = array( new Option_Storage( Credential_Store::OPTION ), Credential_Store::network_storage() );

		wp_cache_flush();
		$one_by_one = array_map( static fn( Option_Storage $storage ): mixed => $storage->read(), $storages );
		wp_cache_flush();
		Option_Prefetch::read( ...$storages );
		$together = array_map( static fn( Option_Storage $storage ): mixed => $storage->read(), $storages );

		self::assertSame( $one_by_one, $together );
		self::assertNotSame( array(), $together[0] );
		self::assertNotSame( array(), $together[1] );
	}

	/**
	 * Queries a callback runs right after the site's credentials were read, without flushing the caches.
	 *
	 * @param callable $read What to count.
	 */
	private function queries_after_the_read( callable $read ): int {
		wp_cache_flush();
		wp_load_alloptions();
		$this->site->credentials();
		$wpdb   = $this->wpdb();
		$before = $wpdb->num_queries;
		$read();
		return $wpdb->num_queries - $before;
	}
}
