<?php
/**
 * What kind of place an IP address is.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Http;

/**
 * Reads IP literals strictly and sorts addresses by the IANA special-purpose registries (RFC 6890 and its
 * updates): public, loopback, special (private, shared, documentation, benchmarking and other ranges that are
 * not the public internet) or never (this-network, link-local such as the cloud metadata address 169.254.169.254,
 * multicast, reserved and broadcast: no API lives there). An IPv6 address that carries an IPv4 one (mapped,
 * compatible, NAT64, 6to4) is judged by that IPv4 address too, as the network would route it.
 */
final class Ip_Address {

	public const PUBLIC   = 'public';
	public const LOOPBACK = 'loopback';
	public const SPECIAL  = 'special';
	public const NEVER    = 'never';

	/**
	 * Range → kind. Not listed: the globally reachable entries of the registries (AS112, AMT, anycast).
	 */
	private const RANGES = array(
		'0.0.0.0/8'       => self::NEVER,
		'10.0.0.0/8'      => self::SPECIAL,
		'100.64.0.0/10'   => self::SPECIAL,
		'127.0.0.0/8'     => self::LOOPBACK,
		'169.254.0.0/16'  => self::NEVER,
		'172.16.0.0/12'   => self::SPECIAL,
		'192.0.0.0/24'    => self::SPECIAL,
		'192.0.2.0/24'    => self::SPECIAL,
		'192.88.99.0/24'  => self::SPECIAL,
		'192.168.0.0/16'  => self::SPECIAL,
		'198.18.0.0/15'   => self::SPECIAL,
		'198.51.100.0/24' => self::SPECIAL,
		'203.0.113.0/24'  => self::SPECIAL,
		'224.0.0.0/4'     => self::NEVER,
		'240.0.0.0/4'     => self::NEVER,
		'::/128'          => self::NEVER,
		'::1/128'         => self::LOOPBACK,
		'::ffff:0:0/96'   => self::SPECIAL,
		'::/96'           => self::SPECIAL,
		'64:ff9b:1::/48'  => self::SPECIAL,
		'100::/64'        => self::SPECIAL,
		'2001::/23'       => self::SPECIAL,
		'2001:db8::/32'   => self::SPECIAL,
		'2002::/16'       => self::SPECIAL,
		'3fff::/20'       => self::SPECIAL,
		'5f00::/16'       => self::SPECIAL,
		'fc00::/7'        => self::SPECIAL,
		'fe80::/10'       => self::NEVER,
		'fec0::/10'       => self::SPECIAL,
		'ff00::/8'        => self::NEVER,
	);

	/**
	 * IPv6 prefixes that carry an IPv4 address → the byte where it starts: mapped, compatible (deprecated),
	 * NAT64 (RFC 6052) and 6to4 (RFC 3056).
	 */
	private const CARRIERS = array(
		'::ffff:0:0/96' => 12,
		'::/96'         => 12,
		'64:ff9b::/96'  => 12,
		'2002::/16'     => 2,
	);

	/**
	 * The canonical form of an IP literal (brackets removed), or null when the host is not one. IPv4 counts
	 * only as four decimal numbers without leading zeros, the one form every parser reads alike.
	 *
	 * @param string $host Host, lower-cased.
	 */
	public static function literal( string $host ): ?string {
		$host   = trim( $host, '[]' );
		$binary = '' === $host ? false : @inet_pton( $host ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- not an address is an answer here.
		return false === $binary ? null : (string) inet_ntop( $binary );
	}

	/**
	 * Whether a host name ends in a number, so that URL parsers read it as IPv4 (WHATWG URL, "ends in a
	 * number"): 2852039166, 0xa9fea9fe, 0251.0376.0251.0376 and 127.1 all reach an address, each parser its
	 * own way. Only the canonical dotted form is read the same everywhere.
	 *
	 * @param string $host Host name, lower-cased, without a trailing dot.
	 */
	public static function ends_in_number( string $host ): bool {
		$labels = explode( '.', $host );
		$last   = (string) end( $labels );
		return 1 === preg_match( '/^(?:[0-9]+|0x[0-9a-f]*)$/', $last );
	}

	/**
	 * The kind of an address, and the range that makes it so (empty for a public address).
	 *
	 * @param string $address Canonical IP address.
	 * @return array{kind: string, range: string}
	 */
	public static function classify( string $address ): array {
		$binary = @inet_pton( $address ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- checked below.
		if ( false === $binary ) {
			return array(
				'kind'  => self::NEVER,
				'range' => $address,
			);
		}
		$found = array(
			'kind'  => self::PUBLIC,
			'range' => '',
		);
		foreach ( self::RANGES as $range => $kind ) {
			if ( self::in( $binary, $range ) ) {
				$found = array(
					'kind'  => $kind,
					'range' => $range,
				);
				break;
			}
		}
		if ( self::NEVER === $found['kind'] || self::LOOPBACK === $found['kind'] ) {
			return $found;
		}
		foreach ( self::CARRIERS as $carrier => $offset ) {
			if ( self::in( $binary, $carrier ) ) {
				$inner = self::classify( (string) inet_ntop( substr( $binary, $offset, 4 ) ) );
				// The carried address decides when it is worse than the carrier, never when it is better.
				if ( self::NEVER === $inner['kind'] || self::PUBLIC === $found['kind'] && self::PUBLIC !== $inner['kind'] ) {
					return array(
						'kind'  => self::LOOPBACK === $inner['kind'] ? self::SPECIAL : $inner['kind'],
						'range' => $carrier . ' ' . $inner['range'],
					);
				}
				break;
			}
		}
		return $found;
	}

	/**
	 * Whether a binary address lies in a range.
	 *
	 * @param string $binary Packed address.
	 * @param string $range  CIDR.
	 */
	private static function in( string $binary, string $range ): bool {
		list( $network, $bits ) = explode( '/', $range );
		$network                = (string) inet_pton( $network );
		$bits                   = (int) $bits;
		if ( strlen( $network ) !== strlen( $binary ) ) {
			return false;
		}
		$bytes = intdiv( $bits, 8 );
		if ( substr( $binary, 0, $bytes ) !== substr( $network, 0, $bytes ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $binary[ $bytes ] ) & $mask ) === ( ord( $network[ $bytes ] ) & $mask );
	}
}
