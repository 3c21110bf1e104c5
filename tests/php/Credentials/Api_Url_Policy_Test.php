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
 * HTTPS is required, loopback http only on local or development sites, no credentials in the URL, and no
 * private addresses in production.
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
		);
	}

	#[DataProvider( 'accepted' )]
	public function test_a_good_url_is_accepted_and_normalised( string $url, string $environment, string $normalised ): void {
		self::assertSame( $normalised, $this->policy()->check( $url, $environment ) );
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
		return new Api_Url_Policy(
			static fn( string $host ): array => 'internal.causerie.example' === $host ? array( '10.1.2.3' ) : array( '203.0.113.10' )
		);
	}
}
