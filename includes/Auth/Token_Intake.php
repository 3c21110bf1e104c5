<?php
/**
 * Takes in a newly issued token.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Site_Binding;

/**
 * Turns a token answer into the token kept, asking introspection for the expiry when nothing else states it,
 * and stores it, tying the credentials to this site's address the first time.
 */
final class Token_Intake {

	/**
	 * Constructor.
	 *
	 * @param Token_Client $client  The introspection endpoint.
	 * @param Token_Store  $store   The token in use.
	 * @param Site_Binding $binding Which site the credentials belong to.
	 */
	public function __construct(
		private readonly Token_Client $client,
		private readonly Token_Store $store,
		private readonly Site_Binding $binding
	) {}

	/**
	 * A token answer as it is kept, asking introspection for the expiry when nothing else states it.
	 *
	 * @param Token_Response $response    The answer.
	 * @param Endpoints      $endpoints   Where it came from.
	 * @param Credentials    $credentials Who it was issued to.
	 */
	public function cache_form( Token_Response $response, Endpoints $endpoints, Credentials $credentials ): Cached_Token {
		$exp = null;
		if ( Cached_Token::needs_expiry( $response ) && '' !== $endpoints->introspection_endpoint ) {
			$state = $this->client->introspect( $endpoints, $credentials, $response->access_token );
			$exp   = is_array( $state ) && isset( $state['exp'] ) && is_int( $state['exp'] ) ? $state['exp'] : null;
		}
		return Cached_Token::from_response( $response, $credentials->environment, $credentials->identity(), $exp );
	}

	/**
	 * Stores a token and ties the credentials to this site's address the first time.
	 *
	 * @param Cached_Token $token The token.
	 */
	public function put( Cached_Token $token ): void {
		$this->store->put( $token );
		if ( ! $this->binding->is_bound() ) {
			$this->binding->bind();
		}
	}
}
