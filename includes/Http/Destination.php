<?php
/**
 * Where a request may go.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Http;

/**
 * A URL the address policy accepted: its parts, normalised, and once resolved the addresses that were checked,
 * which the connection is then pinned to so that DNS can't answer differently a moment later.
 */
final class Destination {

	/**
	 * Constructor.
	 *
	 * @param string   $scheme    http or https.
	 * @param string   $host      Lower-cased host, without a trailing dot; an IPv6 address without brackets.
	 * @param int|null $port      Port written in the URL, or null.
	 * @param string   $rest      Path, query and fragment, as written.
	 * @param string[] $addresses Checked addresses of the host; empty until resolved.
	 *
	 * @phpstan-param list<string> $addresses
	 */
	public function __construct(
		public readonly string $scheme,
		public readonly string $host,
		public readonly ?int $port,
		public readonly string $rest,
		public readonly array $addresses = array()
	) {}

	/**
	 * The URL with the host normalised.
	 */
	public function url(): string {
		$host = str_contains( $this->host, ':' ) ? '[' . $this->host . ']' : $this->host;
		return $this->scheme . '://' . $host . ( null === $this->port ? '' : ':' . $this->port ) . $this->rest;
	}

	/**
	 * The same place with its checked addresses.
	 *
	 * @param string[] $addresses Addresses.
	 *
	 * @phpstan-param list<string> $addresses
	 */
	public function resolved_to( array $addresses ): self {
		return new self( $this->scheme, $this->host, $this->port, $this->rest, $addresses );
	}

	/**
	 * The CURLOPT_RESOLVE entry of cURL that pins the host to its checked addresses, or null for an IP literal,
	 * which needs no lookup.
	 */
	public function pin(): ?string {
		if ( array() === $this->addresses || null !== Ip_Address::literal( $this->host ) ) {
			return null;
		}
		$addresses = array_map( static fn( string $address ): string => str_contains( $address, ':' ) ? '[' . $address . ']' : $address, $this->addresses );
		return $this->host . ':' . ( $this->port ?? ( 'https' === $this->scheme ? 443 : 80 ) ) . ':' . implode( ',', $addresses );
	}
}
