<?php
/**
 * The one door for the plugin's calls to other servers.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

use Causerie\Connector\Credentials\Site_Binding;

/**
 * Every outbound call of the plugin (metadata, keys, tokens, revocation, introspection, the API) goes through
 * here to Http_Client. A copy of the site that an admin paused must not act with the original's credentials,
 * so while the binding is paused nothing is sent, whichever route, job or command asks: the caller gets a
 * connection_paused failure instead, as it would get any other failure to reach the server.
 */
final class Outbound {

	/**
	 * Constructor.
	 *
	 * @param Http_Client  $http    Sends the requests.
	 * @param Site_Binding $binding Whether this copy of the site is paused.
	 */
	public function __construct(
		private readonly Http_Client $http,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Sends a request, unless this copy of the site is paused.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $url     Absolute URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string|null           $body    Request body.
	 * @param float                 $timeout Seconds, in all.
	 * @return Response|Transport_Error
	 */
	public function request( string $method, string $url, array $headers = array(), ?string $body = null, float $timeout = Http_Client::DEFAULT_TIMEOUT ) {
		if ( $this->binding->is_paused() ) {
			return new Transport_Error( 'connection_paused', 'Not sent: the connection is paused on this copy of the site.', 0.0 );
		}
		return $this->http->request( $method, $url, $headers, $body, $timeout );
	}
}
