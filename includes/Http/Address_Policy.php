<?php
/**
 * Where the plugin may connect.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Http;

/**
 * The one rule for every address the plugin sends a request to, at save time and again at request time:
 * - http or https only, and plain http only to this computer (localhost, 127.0.0.0/8, ::1) on a local or
 *   development site;
 * - no user name or password in the URL;
 * - a host that ends in a number must be an IPv4 address in its canonical dotted form: the other forms
 *   (2852039166, 0xa9fea9fe, 0251.0376.0251.0376, 127.1) are refused rather than normalised, since parsers
 *   disagree on them and no real API is written that way;
 * - never a this-network, link-local (cloud metadata), multicast or reserved address; and in production only
 *   public addresses: no loopback, private, shared or documentation range (Ip_Address).
 * A host name is judged by every address it resolves to.
 *
 * @phpstan-type Refusal array{reason: string, address: string}
 */
final class Address_Policy {

	public const REASON_INVALID     = 'invalid';
	public const REASON_CREDENTIALS = 'credentials';
	public const REASON_INSECURE    = 'insecure';
	public const REASON_NUMERIC     = 'ambiguous_number';
	public const REASON_PRIVATE     = 'private';
	public const REASON_UNRESOLVED  = 'unresolved';

	/**
	 * Environment types from the most to the least permissive.
	 */
	public const ENVIRONMENTS = array( 'local', 'development', 'staging', 'production' );

	/**
	 * Environments where plain http to this computer is allowed.
	 */
	private const PLAIN_HTTP = array( 'local', 'development' );

	/**
	 * A host name: letters, digits, hyphens and underscores in dot-separated labels (international names in
	 * their xn-- form).
	 */
	private const HOST_NAME = '/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/';

	/**
	 * Constructor.
	 *
	 * @param \Closure|null $resolve Host name to IP addresses; the system's resolver by default.
	 *
	 * @phpstan-param (\Closure(string): list<string>)|null $resolve
	 */
	public function __construct( private readonly ?\Closure $resolve = null ) {}

	/**
	 * The stricter of two environment types; an unknown one counts as production.
	 *
	 * @param string $a One environment type.
	 * @param string $b The other.
	 */
	public static function stricter( string $a, string $b ): string {
		$ranks = array_flip( self::ENVIRONMENTS );
		return isset( $ranks[ $a ], $ranks[ $b ] ) ? self::ENVIRONMENTS[ max( $ranks[ $a ], $ranks[ $b ] ) ] : 'production';
	}

	/**
	 * A URL checked and resolved: where a request may go now, or why not.
	 *
	 * @param string $url         Absolute URL.
	 * @param string $environment Environment type whose rule applies.
	 * @return Destination|array{reason: string, address: string}
	 */
	public function destination( string $url, string $environment ): Destination|array {
		$parsed = $this->parse( $url, $environment );
		return $parsed instanceof Destination ? $this->resolve( $parsed, $environment ) : $parsed;
	}

	/**
	 * A URL checked without looking its host up.
	 *
	 * @param string $url         Absolute URL.
	 * @param string $environment Environment type whose rule applies.
	 * @return Destination|array{reason: string, address: string}
	 */
	public function parse( string $url, string $environment ): Destination|array {
		$parts = wp_parse_url( trim( $url ) );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) || '' === $parts['host'] ) {
			return self::refusal( self::REASON_INVALID, '' );
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return self::refusal( self::REASON_CREDENTIALS, '' );
		}
		$host = strtolower( $parts['host'] );
		$ip   = self::ip_of( $host );
		if ( '' === $ip ) {
			return self::refusal( self::REASON_INVALID, $host );
		}
		if ( null === $ip ) {
			$host = str_ends_with( $host, '.' ) ? substr( $host, 0, -1 ) : $host;
			if ( 1 !== preg_match( self::HOST_NAME, $host ) ) {
				return self::refusal( self::REASON_INVALID, $host );
			}
			if ( Ip_Address::ends_in_number( $host ) ) {
				$ip = Ip_Address::literal( $host );
				if ( null === $ip || $ip !== $host ) {
					return self::refusal( self::REASON_NUMERIC, $host );
				}
			}
		}
		$scheme   = strtolower( $parts['scheme'] );
		$loopback = null === $ip ? 'localhost' === $host || str_ends_with( $host, '.localhost' ) : self::is_loopback( $ip );
		if ( 'https' !== $scheme && ! ( 'http' === $scheme && $loopback && in_array( $environment, self::PLAIN_HTTP, true ) ) ) {
			return self::refusal( self::REASON_INSECURE, $host );
		}
		$destination = new Destination( $scheme, $ip ?? $host, $parts['port'] ?? null, self::rest_of( $parts ), null === $ip ? array() : array( $ip ) );
		if ( null !== $ip ) {
			return $this->judge( $destination, $environment );
		}
		return $loopback && 'production' === $environment ? self::refusal( self::REASON_PRIVATE, $host ) : $destination;
	}

	/**
	 * Looks a destination's host up and checks every address it has.
	 *
	 * @param Destination $destination A parsed destination.
	 * @param string      $environment Environment type whose rule applies.
	 * @return Destination|array{reason: string, address: string}
	 */
	public function resolve( Destination $destination, string $environment ): Destination|array {
		if ( array() !== $destination->addresses ) {
			return $destination;
		}
		$host = $destination->host;
		// RFC 6761 §6.3: localhost names are this computer, whatever a resolver says.
		$found = 'localhost' === $host || str_ends_with( $host, '.localhost' ) ? array( '127.0.0.1' ) : $this->lookup( $host );
		$found = array_values( array_unique( array_filter( array_map( array( Ip_Address::class, 'literal' ), $found ), 'is_string' ) ) );
		if ( array() === $found ) {
			return self::refusal( self::REASON_UNRESOLVED, $host );
		}
		return $this->judge( $destination->resolved_to( $found ), $environment );
	}

	/**
	 * Whether an address is this computer.
	 *
	 * @param string $address Canonical IP address.
	 */
	public static function is_loopback( string $address ): bool {
		return Ip_Address::LOOPBACK === Ip_Address::classify( $address )['kind'];
	}

	/**
	 * The destination, or a refusal for the first address the environment does not allow.
	 *
	 * @param Destination $destination With its addresses.
	 * @param string      $environment Environment type.
	 * @return Destination|array{reason: string, address: string}
	 */
	private function judge( Destination $destination, string $environment ): Destination|array {
		foreach ( $destination->addresses as $address ) {
			$kind = Ip_Address::classify( $address )['kind'];
			if ( Ip_Address::NEVER === $kind || ( 'production' === $environment && Ip_Address::PUBLIC !== $kind ) ) {
				return self::refusal( self::REASON_PRIVATE, $address );
			}
		}
		return $destination;
	}

	/**
	 * The canonical IPv6 address of a bracketed host, an empty string when the brackets hold no IPv6 address,
	 * or null for any other host.
	 *
	 * @param string $host Host as parsed.
	 */
	private static function ip_of( string $host ): ?string {
		if ( ! str_starts_with( $host, '[' ) ) {
			return null;
		}
		$ip = Ip_Address::literal( $host );
		return null !== $ip && str_ends_with( $host, ']' ) && str_contains( $ip, ':' ) ? $ip : '';
	}

	/**
	 * Path, query and fragment of parsed URL parts.
	 *
	 * @param array<string, mixed> $parts wp_parse_url() parts.
	 */
	private static function rest_of( array $parts ): string {
		$rest  = is_string( $parts['path'] ?? null ) ? $parts['path'] : '';
		$rest .= is_string( $parts['query'] ?? null ) ? '?' . $parts['query'] : '';
		return $rest . ( is_string( $parts['fragment'] ?? null ) ? '#' . $parts['fragment'] : '' );
	}

	/**
	 * The addresses of a host name: IPv4 as the system resolves it (hosts file included), else IPv6 from DNS.
	 *
	 * @param string $host Host name.
	 * @return list<string>
	 */
	private function lookup( string $host ): array {
		if ( null !== $this->resolve ) {
			return ( $this->resolve )( $host );
		}
		$found = gethostbynamel( $host );
		if ( is_array( $found ) && array() !== $found ) {
			return $found;
		}
		$records = @dns_get_record( $host, DNS_AAAA ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an unknown host is an answer here.
		$found   = array();
		foreach ( is_array( $records ) ? $records : array() as $record ) {
			if ( isset( $record['ipv6'] ) && is_string( $record['ipv6'] ) ) {
				$found[] = $record['ipv6'];
			}
		}
		return $found;
	}

	/**
	 * A refusal.
	 *
	 * @param string $reason  A REASON_ constant.
	 * @param string $address The host or address at fault, when there is one.
	 * @return array{reason: string, address: string}
	 */
	private static function refusal( string $reason, string $address ): array {
		return array(
			'reason'  => $reason,
			'address' => $address,
		);
	}
}
