<?php
/**
 * Sends the client's authenticated requests to the authorization server.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Transport_Error;

/**
 * The one place the client secret leaves the site, and only for the addresses it was proven with. The client
 * authenticates with the first method the server supports, in this order.
 */
final class Client_Request {

	public const AUTH_METHODS = array( 'client_secret_basic', 'client_secret_post', 'client_secret_json' );

	/**
	 * Bytes of an answer read at most: a token answer is a few kilobytes, even with a large JWT.
	 */
	public const MAX_BYTES = 64 * 1024;

	/**
	 * Constructor.
	 *
	 * @param Http_Client    $http    Outbound HTTP.
	 * @param Secret_Binding $secrets Where the client secret may be sent.
	 */
	public function __construct(
		private readonly Http_Client $http,
		private readonly Secret_Binding $secrets
	) {}

	/**
	 * Posts to an endpoint with client authentication.
	 *
	 * @param Endpoints             $endpoints   Which authentication methods the server takes.
	 * @param string                $url         Endpoint.
	 * @param Credentials           $credentials Who asks.
	 * @param array<string, string> $params      Body parameters.
	 * @param float                 $timeout     Seconds.
	 * @return Response|Finding
	 */
	public function post( Endpoints $endpoints, string $url, Credentials $credentials, array $params, float $timeout ) {
		$method = self::auth_method( $endpoints );
		if ( null === $method ) {
			return new Finding(
				'token_endpoint_error',
				array(
					'url'         => $url,
					'authMethods' => $endpoints->auth_methods,
				)
			);
		}
		// The last word before the secret leaves: only to the server it was proven with, whatever the settings or
		// the metadata say now.
		if ( ! $this->secrets->permits( $credentials, $endpoints->issuer, $endpoints->token_endpoint ) ) {
			return new Finding(
				'secret_address_changed',
				array(
					'apiUrl'        => $credentials->api_url,
					'issuer'        => $endpoints->issuer,
					'tokenEndpoint' => $endpoints->token_endpoint,
				)
			);
		}
		$headers = array();
		if ( 'client_secret_basic' === $method ) {
			// RFC 6749 §2.3.1: each part is form-urlencoded (urlencode, not rawurlencode) before the two are
			// joined and base64-encoded.
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.urlencode_urlencode, WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- what RFC 6749 asks.
			$headers['Authorization'] = 'Basic ' . base64_encode( urlencode( $credentials->client_id ) . ':' . urlencode( (string) $credentials->secret ) );
		} else {
			$params += array(
				'client_id'     => $credentials->client_id,
				'client_secret' => (string) $credentials->secret,
			);
		}
		// An empty parameter is an omitted one (RFC 6749 §3.2): a client with no scopes set asks for the default.
		$params = array_filter( $params, static fn( string $value ): bool => '' !== $value );
		if ( 'client_secret_json' === $method ) {
			$headers['Content-Type'] = 'application/json';
			$body                    = (string) wp_json_encode( $params );
		} else {
			$headers['Content-Type'] = 'application/x-www-form-urlencoded';
			$body                    = http_build_query( $params, '', '&', PHP_QUERY_RFC1738 );
		}
		// The secret goes out here: the stricter of the site's rule and its profile's applies to the address.
		$response = $this->http->request( 'POST', $url, $headers, $body, $timeout, self::MAX_BYTES, $credentials->environment );
		return $response instanceof Transport_Error ? $response->finding( $url ) : $response;
	}

	/**
	 * The first authentication method both sides support; RFC 8414's default is client_secret_basic.
	 *
	 * @param Endpoints $endpoints Server metadata.
	 */
	private static function auth_method( Endpoints $endpoints ): ?string {
		$supported = array() === $endpoints->auth_methods ? array( 'client_secret_basic' ) : $endpoints->auth_methods;
		foreach ( self::AUTH_METHODS as $method ) {
			if ( in_array( $method, $supported, true ) ) {
				return $method;
			}
		}
		return null;
	}
}
