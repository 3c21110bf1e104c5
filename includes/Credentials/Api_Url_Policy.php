<?php
/**
 * Which API base URLs the plugin may talk to.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

use WP_Error;

/**
 * HTTPS only, except plain http to a loopback host on a local or development site; no credentials in the
 * URL; and in production, no host that resolves to a private or reserved address.
 */
final class Api_Url_Policy {

	/**
	 * Constructor.
	 *
	 * @param \Closure|null $resolve Host name to IP addresses; DNS by default.
	 *
	 * @phpstan-param (\Closure(string): list<string>)|null $resolve
	 */
	public function __construct( private readonly ?\Closure $resolve = null ) {}

	/**
	 * Checks a URL for the site's environment.
	 *
	 * @param string $url         Candidate API base URL.
	 * @param string $environment wp_get_environment_type() of the site.
	 * @return string|WP_Error The normalised URL (no trailing slash), or why it is refused.
	 */
	public function check( string $url, string $environment ) {
		$parts = wp_parse_url( trim( $url ) );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) || '' === $parts['host'] ) {
			return $this->refuse( 'causerie_url_invalid', __( 'Enter a full address, such as https://api.causerie.example.', 'causerie-connector' ) );
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return $this->refuse( 'causerie_url_credentials', __( 'The API address must not contain a user name or password. Enter the client id and secret in their own fields.', 'causerie-connector' ) );
		}
		if ( isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
			return $this->refuse( 'causerie_url_invalid', __( 'The API address must not contain a query string or fragment.', 'causerie-connector' ) );
		}
		$scheme   = strtolower( $parts['scheme'] );
		$host     = strtolower( trim( $parts['host'], '[]' ) );
		$loopback = self::is_loopback( $host );
		if ( 'https' !== $scheme && ! ( 'http' === $scheme && $loopback && in_array( $environment, array( 'local', 'development' ), true ) ) ) {
			return $this->refuse( 'causerie_url_insecure', __( 'The API address must start with https://. Plain http is allowed only for this computer (localhost) on a local or development site.', 'causerie-connector' ) );
		}
		if ( 'production' === $environment && $this->reaches_private_network( $host ) ) {
			return $this->refuse( 'causerie_url_private', __( 'On a production site the API address must not point to a private or internal network address.', 'causerie-connector' ) );
		}
		$port = isset( $parts['port'] ) ? ':' . $parts['port'] : '';
		$path = isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		return $scheme . '://' . ( str_contains( $host, ':' ) ? '[' . $host . ']' : $host ) . $port . $path;
	}

	/**
	 * Whether a host is this machine.
	 *
	 * @param string $host Host name or IP address, without brackets.
	 */
	public static function is_loopback( string $host ): bool {
		if ( 'localhost' === $host || str_ends_with( $host, '.localhost' ) ) {
			return true;
		}
		return false !== filter_var( $host, FILTER_VALIDATE_IP ) && ( str_starts_with( $host, '127.' ) || '::1' === $host );
	}

	/**
	 * Whether the host is, or resolves to, an address outside the public internet.
	 *
	 * @param string $host Host name or IP address.
	 */
	private function reaches_private_network( string $host ): bool {
		$addresses = false !== filter_var( $host, FILTER_VALIDATE_IP ) ? array( $host ) : $this->resolve_host( $host );
		foreach ( $addresses as $address ) {
			if ( false === filter_var( $address, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE ) ) {
				return true;
			}
		}
		return self::is_loopback( $host );
	}

	/**
	 * IP addresses of a host name.
	 *
	 * @param string $host Host name.
	 * @return list<string>
	 */
	private function resolve_host( string $host ): array {
		if ( null !== $this->resolve ) {
			return ( $this->resolve )( $host );
		}
		$records = @dns_get_record( $host, DNS_A | DNS_AAAA ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an unresolvable host is not an error here.
		$found   = array();
		foreach ( is_array( $records ) ? $records : array() as $record ) {
			$address = $record['ip'] ?? $record['ipv6'] ?? null;
			if ( is_string( $address ) ) {
				$found[] = $address;
			}
		}
		return $found;
	}

	/**
	 * A 400 error for the apiUrl field.
	 *
	 * @param string $code    Stable error code.
	 * @param string $message Plain-language reason.
	 */
	private function refuse( string $code, string $message ): WP_Error {
		return new WP_Error(
			$code,
			$message,
			array(
				'status' => 400,
				'field'  => 'apiUrl',
			)
		);
	}
}
