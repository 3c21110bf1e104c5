<?php
/**
 * What uninstall does beyond sweeping the database: revoking the token, forgetting the object cache's copies.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Revoker;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\REST\Token_Controller;

/**
 * Called by uninstall.php for each site, over the same shared graph as the plugin.
 */
final class Uninstaller {

	/**
	 * Seconds uninstall gives to revoking the tokens of every site, in all.
	 */
	public const REVOKE_SECONDS = 5;

	/**
	 * Constructor.
	 *
	 * @param string $file    Absolute path of the main plugin file.
	 * @param string $version Plugin version.
	 */
	public function __construct(
		private readonly string $file,
		private readonly string $version = ''
	) {}

	/**
	 * Revokes the current site's token with the credentials it was issued to, as a best effort: on uninstall,
	 * so a deleted plugin leaves no live token behind. Every request, discovery included, ends by the
	 * deadline, which uninstall sets once for all the sites of a network.
	 *
	 * @param float $deadline Unix time, with microseconds, by which to give up.
	 */
	public function revoke_token( float $deadline ): void {
		// A paused copy holds the live site's token: the graph's HTTP client, paused, must not revoke it.
		$graph = new Service_Graph( $this->file, $this->version, $deadline );
		$token = $graph->token_store()->get();
		if ( null === $token ) {
			return;
		}
		( new Token_Revoker( $graph->discovery(), new Token_Client( new Client_Request( $graph->http(), $graph->secrets() ) ) ) )->revoke_stale( $token, $graph->credentials()->credentials( $token->environment ) );
	}

	/**
	 * Forgets the current site's copies in the object cache, which uninstall's sweep of the database can't
	 * see: the token, the locks older versions kept there, the endpoints and signing keys found for each profile (the site's own and
	 * the network's), and the last regeneration. Without a persistent cache, these are rows the sweep removes.
	 */
	public function forget_cached_copies(): void {
		$graph     = new Service_Graph( $this->file, $this->version );
		$discovery = $graph->discovery();
		$stores    = array( $graph->credentials() );
		if ( is_multisite() ) {
			$stores[] = new Credential_Store( $graph->encryption(), new Overrides(), Credential_Store::network_storage() );
		}
		foreach ( $stores as $store ) {
			foreach ( Credential_Store::ENVIRONMENTS as $environment ) {
				$credentials = $store->credentials( $environment );
				$endpoints   = $discovery->cached( $credentials );
				if ( null !== $endpoints ) {
					$graph->jwks()->forget( $endpoints );
				}
				$discovery->forget( $credentials );
			}
		}
		$graph->token_store()->clear();
		Token_Controller::forget_regeneration();
		// Older versions kept the locks in this group too; they hold no secret and expire, but a cache that can
		// flush a group drops them now.
		if ( wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( Token_Store::GROUP );
		}
	}
}
