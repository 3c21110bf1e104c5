<?php
/**
 * Whether the site still needs its first setup.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Setup;

use Causerie\Connector\Credentials\Credential_Store;

/**
 * The guided first run is for a site where nothing is configured yet: no profile holds complete credentials,
 * none has a field set in wp-config.php or the server environment, none has a secret that can no longer be
 * read (that is a fault to diagnose, not a fresh site), and the site takes nothing from its network. An agency
 * that sets credentials in wp-config.php or with `wp causerie credentials set` never sees it.
 */
final class First_Run {

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $store The site's credentials, overrides applied.
	 */
	public function __construct( private readonly Credential_Store $store ) {}

	/**
	 * Whether nothing is configured.
	 */
	public function needed(): bool {
		if ( array() !== $this->store->credentials()->inherited ) {
			return false;
		}
		foreach ( Credential_Store::ENVIRONMENTS as $environment ) {
			$credentials = $this->store->credentials( $environment );
			if ( $credentials->is_complete() || array() !== $credentials->locked || null !== $credentials->secret_failure ) {
				return false;
			}
		}
		return true;
	}
}
