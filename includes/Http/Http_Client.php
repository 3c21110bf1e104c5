<?php
/**
 * Outbound HTTP for the plugin.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Http;

/**
 * Every call to the API goes through here: always with a connect and a total timeout, never following
 * redirects to another place silently, and returning either a Response or a classified Transport_Error,
 * never a PHP warning. Before each request the address policy checks the URL and every address its host
 * resolves to, and the connection is pinned to those addresses, so a name that resolves differently a moment
 * later (DNS rebinding) can't send it elsewhere. An answer is read up to a size limit; one that reaches it
 * is refused rather than parsed cut short.
 */
final class Http_Client {

	/**
	 * Seconds an interactive call may take in all.
	 */
	public const DEFAULT_TIMEOUT = 5;

	/**
	 * Seconds a call may spend getting a connection: an API that can't be reached fails fast.
	 */
	public const DEFAULT_CONNECT_TIMEOUT = 3;

	/**
	 * Seconds below which a request under a deadline is not worth sending.
	 */
	private const MIN_TIMEOUT = 0.2;

	/**
	 * Request argument that marks the plugin's own requests and carries their connect timeout, in seconds.
	 * WordPress's HTTP API has no connect timeout of its own, so the http_api_curl hook applies it.
	 */
	public const CONNECT_TIMEOUT_ARG = 'causerie_connect_timeout';

	/**
	 * Request argument that carries the CURLOPT_RESOLVE entry pinning the host to its checked addresses.
	 */
	public const PIN_ARG = 'causerie_pin';

	/**
	 * Bytes of an answer read when the caller names no limit of its own.
	 */
	public const DEFAULT_MAX_BYTES = 1024 * 1024;

	/**
	 * Where requests may go.
	 *
	 * @var Address_Policy
	 */
	private Address_Policy $addresses;

	/**
	 * Sets an option on a cURL handle; curl_setopt by default.
	 *
	 * @var \Closure(\CurlHandle, int, mixed): void
	 */
	private \Closure $set_option;

	/**
	 * Constructor.
	 *
	 * @param float               $connect_timeout Seconds to get a connection; never more than a call's total timeout.
	 * @param \Closure|null       $set_option      Sets a cURL option; tests pass a recorder.
	 * @param Address_Policy|null $addresses       Where requests may go; tests pass one with its own resolver.
	 * @param float|null          $deadline        Unix time, with microseconds, by which every request of this
	 *                                             client has ended; none is sent after it. Null for none.
	 * @param \Closure|null       $paused          Whether this copy of the site is paused: then nothing is sent,
	 *                                             whichever route, job or command asks.
	 *
	 * @phpstan-param (\Closure(\CurlHandle, int, mixed): void)|null $set_option
	 * @phpstan-param (\Closure(): bool)|null $paused
	 */
	public function __construct(
		private readonly float $connect_timeout = self::DEFAULT_CONNECT_TIMEOUT,
		?\Closure $set_option = null,
		?Address_Policy $addresses = null,
		private readonly ?float $deadline = null,
		private readonly ?\Closure $paused = null
	) {
		$this->set_option = $set_option ?? static function ( \CurlHandle $handle, int $option, mixed $value ): void {
			curl_setopt( $handle, $option, $value ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_setopt -- the hook hands over a cURL handle.
		};
		$this->addresses  = $addresses ?? new Address_Policy();
	}

	/**
	 * Applies the connect timeout and the pinned addresses to the plugin's requests when WordPress sends them
	 * with cURL.
	 */
	public function register(): void {
		add_action( 'http_api_curl', array( $this, 'apply_connect_timeout' ), 10, 2 );
		add_action( 'http_api_curl', array( $this, 'pin_addresses' ), 10, 2 );
	}

	/**
	 * Sends a request.
	 *
	 * @param string                $method    HTTP method.
	 * @param string                $url       Absolute URL.
	 * @param array<string, string> $headers   Request headers.
	 * @param string|null           $body      Request body.
	 * @param float                 $timeout   Seconds, in all.
	 * @param int                   $max_bytes Bytes of the answer to read; an answer that reaches them is refused.
	 * @param string                $profile   The environment profile whose credentials the request carries, if
	 *                                         any: the stricter of its rule and the site's applies.
	 */
	public function request( string $method, string $url, array $headers = array(), ?string $body = null, float $timeout = self::DEFAULT_TIMEOUT, int $max_bytes = self::DEFAULT_MAX_BYTES, string $profile = '' ): Response|Transport_Error {
		// A copy of the site that an admin paused must not act with the original's credentials.
		if ( null !== $this->paused && ( $this->paused )() ) {
			return new Transport_Error( 'connection_paused', 'Not sent: the connection is paused on this copy of the site.', 0.0 );
		}
		if ( null !== $this->deadline ) {
			// Each request gets what is left of the time given to all of them, so a series of calls stays bounded.
			$timeout = min( $timeout, $this->deadline - microtime( true ) );
			if ( $timeout < self::MIN_TIMEOUT ) {
				return new Transport_Error( 'timeout', 'Not sent: the time allowed for these requests ran out.', 0.0 );
			}
		}
		$start       = microtime( true );
		$site        = wp_get_environment_type();
		$destination = $this->addresses->destination( $url, '' === $profile ? $site : Address_Policy::stricter( $site, $profile ) );
		if ( ! $destination instanceof Destination ) {
			return Transport_Error::refused( $destination, ( microtime( true ) - $start ) * 1000 );
		}
		$args = array(
			'method'                  => $method,
			'headers'                 => $headers + array( 'Accept' => 'application/json' ),
			'timeout'                 => $timeout,
			'redirection'             => 0,
			// The version is unknown only when uninstall.php revokes the token without loading the plugin.
			'user-agent'              => 'CauserieConnector/' . ( defined( 'Causerie\Connector\VERSION' ) ? \Causerie\Connector\VERSION : 'uninstall' ) . '; ' . home_url( '/' ),
			self::CONNECT_TIMEOUT_ARG => min( $this->connect_timeout, $timeout ),
			self::PIN_ARG             => $destination->pin(),
			'limit_response_size'     => $max_bytes,
		);
		if ( null !== $body ) {
			$args['body'] = $body;
		}
		$result = wp_remote_request( $url, $args );
		$ms     = ( microtime( true ) - $start ) * 1000;
		if ( is_wp_error( $result ) ) {
			return Transport_Error::from_message( $result->get_error_message(), $ms );
		}
		if ( strlen( wp_remote_retrieve_body( $result ) ) >= $max_bytes ) {
			return Transport_Error::too_large( $max_bytes, $ms );
		}
		$headers_out = array();
		foreach ( wp_remote_retrieve_headers( $result ) as $name => $value ) {
			$values                                      = is_array( $value ) ? $value : array( $value );
			$headers_out[ strtolower( (string) $name ) ] = implode( ', ', array_filter( $values, 'is_string' ) );
		}
		return new Response( (int) wp_remote_retrieve_response_code( $result ), $headers_out, wp_remote_retrieve_body( $result ), $ms );
	}

	/**
	 * Sets cURL's connect timeout on a request this class sent; other requests are left alone. The streams
	 * transport has no such hook: there the request keeps WordPress's own connect limit and the total timeout.
	 *
	 * @param mixed $handle The cURL handle.
	 * @param mixed $args   The request's arguments.
	 */
	public function apply_connect_timeout( $handle, $args ): void {
		$seconds = is_array( $args ) ? ( $args[ self::CONNECT_TIMEOUT_ARG ] ?? null ) : null;
		if ( ! $handle instanceof \CurlHandle || ! is_numeric( $seconds ) ) {
			return;
		}
		( $this->set_option )( $handle, CURLOPT_CONNECTTIMEOUT_MS, max( 1, (int) round( (float) $seconds * 1000 ) ) );
	}

	/**
	 * Pins the host of a request this class sent to the addresses the policy checked, so cURL does not look it
	 * up again. The streams transport has no such hook: there the lookup happens again, moments after the check.
	 *
	 * @param mixed $handle The cURL handle.
	 * @param mixed $args   The request's arguments.
	 */
	public function pin_addresses( $handle, $args ): void {
		$pin = is_array( $args ) ? ( $args[ self::PIN_ARG ] ?? null ) : null;
		if ( ! $handle instanceof \CurlHandle || ! is_string( $pin ) ) {
			return;
		}
		( $this->set_option )( $handle, CURLOPT_RESOLVE, array( $pin ) );
	}
}
