<?php
/**
 * Tests of the API URL rules.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Credentials;

use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_Error;

/**
 * HTTPS is required, loopback http only on local or development sites, no credentials in the URL, no
 * ambiguous numeric hosts, no reserved addresses anywhere and no private ones in production, in every form an
 * address can be written.
 */
final class Api_Url_Policy_Test extends TestCase {

	/**
	 * URLs that pass, with the environment and the normalised form.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function accepted(): array {
		return array(
			'https in production'                     => array( 'https://api.causerie.example/', 'production', 'https://api.causerie.example' ),
			'https with a port and path'              => array( 'https://API.causerie.example:8443/base/', 'staging', 'https://api.causerie.example:8443/base' ),
			'http to 127.0.0.1 on a local site'       => array( 'http://127.0.0.1:8877', 'local', 'http://127.0.0.1:8877' ),
			'http to localhost on a development site' => array( 'http://localhost:8877', 'development', 'http://localhost:8877' ),
			'http to IPv6 loopback on a local site'   => array( 'http://[::1]:8877', 'local', 'http://[::1]:8877' ),
			'a trailing dot on a name is dropped'     => array( 'https://api.causerie.example./v1', 'production', 'https://api.causerie.example/v1' ),
			'a public IPv4 address'                   => array( 'https://1.1.1.1', 'production', 'https://1.1.1.1' ),
			'a public IPv6 address, lower-cased'      => array( 'https://[2606:4700:4700:0:0:0:0:1111]', 'production', 'https://[2606:4700:4700::1111]' ),
			'NAT64 of a public address'               => array( 'https://[64:ff9b::101:101]', 'production', 'https://[64:ff9b::101:101]' ),
			'a name that does not resolve yet'        => array( 'https://not-yet.causerie.example', 'production', 'https://not-yet.causerie.example' ),
			'a LAN address on staging'                => array( 'https://192.168.1.20', 'staging', 'https://192.168.1.20' ),
		);
	}

	#[DataProvider( 'accepted' )]
	public function test_a_good_url_is_accepted_and_normalised( string $url, string $environment, string $normalised ): void {
		self::assertSame( $normalised, $this->policy()->check( $url, $environment ) );
	}

	/**
	 * Every way an address the policy refuses can be written, with the environment and the error code. The
	 * request-time check (Http_Client_Test) walks the same table.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function refused_addresses(): array {
		return array(
			'IPv4-mapped IPv6, dotted'                   => array( 'https://[::ffff:169.254.169.254]', 'production', 'causerie_url_private' ),
			'IPv4-mapped IPv6, in hex'                   => array( 'https://[::ffff:a9fe:a9fe]', 'production', 'causerie_url_private' ),
			'IPv4-mapped IPv6 on staging'                => array( 'https://[::ffff:a9fe:a9fe]', 'staging', 'causerie_url_private' ),
			'IPv4-compatible IPv6'                       => array( 'https://[::a9fe:a9fe]', 'staging', 'causerie_url_private' ),
			'NAT64 of the metadata address'              => array( 'https://[64:ff9b::a9fe:a9fe]', 'local', 'causerie_url_private' ),
			'6to4 of a private address'                  => array( 'https://[2002:a00:1::1]', 'production', 'causerie_url_private' ),
			'a decimal integer'                          => array( 'https://2852039166', 'production', 'causerie_url_ambiguous_address' ),
			'a hex integer'                              => array( 'https://0xa9fea9fe', 'production', 'causerie_url_ambiguous_address' ),
			'octal parts'                                => array( 'https://0251.0376.0251.0376', 'production', 'causerie_url_ambiguous_address' ),
			'a short form'                               => array( 'https://127.1', 'production', 'causerie_url_ambiguous_address' ),
			'a short form on a local site'               => array( 'http://127.1:8877', 'local', 'causerie_url_ambiguous_address' ),
			'mixed dotted and hex'                       => array( 'https://169.254.0xa9fe', 'staging', 'causerie_url_ambiguous_address' ),
			'a leading zero'                             => array( 'https://169.254.169.0254', 'production', 'causerie_url_ambiguous_address' ),
			'five parts'                                 => array( 'https://1.1.1.1.1', 'production', 'causerie_url_ambiguous_address' ),
			'the metadata address with a trailing dot'   => array( 'https://169.254.169.254.', 'production', 'causerie_url_private' ),
			'the metadata address on staging'            => array( 'https://169.254.169.254', 'staging', 'causerie_url_private' ),
			'the metadata address on a local site'       => array( 'https://169.254.169.254', 'local', 'causerie_url_private' ),
			'shared address space'                       => array( 'https://100.64.0.1', 'production', 'causerie_url_private' ),
			'this network'                               => array( 'https://0.0.0.0', 'staging', 'causerie_url_private' ),
			'IETF protocol assignments'                  => array( 'https://192.0.0.8', 'production', 'causerie_url_private' ),
			'documentation (TEST-NET-1)'                 => array( 'https://192.0.2.10', 'production', 'causerie_url_private' ),
			'benchmarking'                               => array( 'https://198.18.0.1', 'production', 'causerie_url_private' ),
			'documentation (TEST-NET-3)'                 => array( 'https://203.0.113.10', 'production', 'causerie_url_private' ),
			'a private 172.16/12 address'                => array( 'https://172.20.0.1', 'production', 'causerie_url_private' ),
			'multicast'                                  => array( 'https://224.0.0.1', 'local', 'causerie_url_private' ),
			'reserved'                                   => array( 'https://240.0.0.1', 'staging', 'causerie_url_private' ),
			'broadcast'                                  => array( 'https://255.255.255.255', 'staging', 'causerie_url_private' ),
			'IPv6 unspecified'                           => array( 'https://[::]', 'staging', 'causerie_url_private' ),
			'IPv6 loopback in production'                => array( 'https://[::1]', 'production', 'causerie_url_private' ),
			'IPv6 unique local'                          => array( 'https://[fd00::1]', 'production', 'causerie_url_private' ),
			'IPv6 link-local'                            => array( 'https://[fe80::1]', 'staging', 'causerie_url_private' ),
			'IPv6 multicast'                             => array( 'https://[ff02::1]', 'local', 'causerie_url_private' ),
			'IPv6 documentation'                         => array( 'https://[2001:db8::1]', 'production', 'causerie_url_private' ),
			'Teredo'                                     => array( 'https://[2001::1]', 'production', 'causerie_url_private' ),
			'a bracketed IPv4 address'                   => array( 'https://[169.254.169.254]', 'production', 'causerie_url_invalid' ),
			'a percent-encoded host'                     => array( 'https://169.254.169.254%2e', 'production', 'causerie_url_invalid' ),
			'localhost over https in production'         => array( 'https://localhost', 'production', 'causerie_url_private' ),
			'localhost with a trailing dot, production'  => array( 'https://localhost.', 'production', 'causerie_url_private' ),
			'a name resolving to the metadata address'   => array( 'https://metadata.causerie.example', 'staging', 'causerie_url_private' ),
			'a name with one private address among two'  => array( 'https://mixed.causerie.example', 'production', 'causerie_url_private' ),
			'a name resolving to IPv4-mapped metadata'   => array( 'https://mapped.causerie.example', 'staging', 'causerie_url_private' ),
			'plain http to a name resolving to loopback' => array( 'http://loopback.causerie.example', 'local', 'causerie_url_insecure' ),
		);
	}

	#[DataProvider( 'refused_addresses' )]
	public function test_every_form_of_a_refused_address_is_refused_when_saved( string $url, string $environment, string $code ): void {
		$result = $this->policy()->check( $url, $environment );

		self::assertInstanceOf( WP_Error::class, $result, $url );
		self::assertSame( $code, $result->get_error_code() );
	}

	/**
	 * URLs that are refused, with the environment and the error code.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function refused(): array {
		return array(
			'not a URL'                                => array( 'causerie', 'production', 'causerie_url_invalid' ),
			'no host'                                  => array( 'https:///v1', 'production', 'causerie_url_invalid' ),
			'a query string'                           => array( 'https://api.causerie.example/?x=1', 'production', 'causerie_url_invalid' ),
			'plain http in production'                 => array( 'http://api.causerie.example', 'production', 'causerie_url_insecure' ),
			'plain http to loopback on staging'        => array( 'http://127.0.0.1:8877', 'staging', 'causerie_url_insecure' ),
			'plain http to a LAN host on a local site' => array( 'http://192.168.1.20', 'local', 'causerie_url_insecure' ),
			'ftp'                                      => array( 'ftp://api.causerie.example', 'local', 'causerie_url_insecure' ),
			'credentials in the URL'                   => array( 'https://id:secret@api.causerie.example', 'production', 'causerie_url_credentials' ),
			'a private address in production'          => array( 'https://10.0.0.5', 'production', 'causerie_url_private' ),
			'a host resolving privately in production' => array( 'https://internal.causerie.example', 'production', 'causerie_url_private' ),
			'loopback over https in production'        => array( 'https://127.0.0.1:8877', 'production', 'causerie_url_private' ),
		);
	}

	#[DataProvider( 'refused' )]
	public function test_a_bad_url_is_refused_with_a_field_level_400( string $url, string $environment, string $code ): void {
		$result = $this->policy()->check( $url, $environment );

		self::assertInstanceOf( WP_Error::class, $result );
		self::assertSame( $code, $result->get_error_code() );
		self::assertSame(
			array(
				'status' => 400,
				'field'  => 'apiUrl',
			),
			$result->get_error_data()
		);
	}

	public function test_private_addresses_are_allowed_outside_production(): void {
		self::assertSame( 'https://internal.causerie.example', $this->policy()->check( 'https://internal.causerie.example', 'staging' ) );
	}

	/**
	 * A policy whose DNS answers from a fixed table.
	 */
	private function policy(): Api_Url_Policy {
		return new Api_Url_Policy( self::dns( ... ) );
	}

	/**
	 * The test's DNS: fixed answers, and a public address for any other name.
	 *
	 * @param string $host Host name.
	 * @return list<string>
	 */
	public static function dns( string $host ): array {
		return match ( $host ) {
			'internal.causerie.example' => array( '10.1.2.3' ),
			'metadata.causerie.example' => array( '169.254.169.254' ),
			'mixed.causerie.example'    => array( '93.184.215.14', '10.0.0.1' ),
			'mapped.causerie.example'   => array( '::ffff:169.254.169.254' ),
			'loopback.causerie.example' => array( '127.0.0.1' ),
			'not-yet.causerie.example'  => array(),
			default                     => array( '93.184.215.14' ),
		};
	}
}
