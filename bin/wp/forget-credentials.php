<?php
/**
 * Forgets the plugin's credentials and token, for the E2E spec of the overview: the site is then not set up.
 *
 *   WP_URL=http://127.0.0.1:8871 php forget-credentials.php
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;

require __DIR__ . '/load.php';

( new Token_Store( new Encryption() ) )->clear();
delete_option( Credential_Store::OPTION );
wp_cache_flush();
