<?php
/**
 * Integration tests for GET /causerie/v1/jwks.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\TestCase;

/**
 * The inspector gets the API's public keys from the server, cached, and only when it is an administrator.
 */
final class Jwks_Controller_Test extends TestCase {

	private const ROUTE = '/causerie/v1/jwks';

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
		( new Credential_Store( new Encryption(), new Overrides() ) )->save( wp_get_environment_type(), array( 'apiUrl' => Sandbox::url() ) );
		delete_transient( Jwks::CACHE_PREFIX . md5( Sandbox::url() . '/auth/jwks.json' ) );
	}

	public function test_the_api_keys_are_relayed_and_cached(): void {
		$this->act_as( 'administrator' );
		$published = Sandbox::control( 'GET', '/state' )['signingKey'];
		self::assertIsArray( $published );

		$first = $this->dispatch( 'GET', self::ROUTE );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'jwks',
				'mode'     => '503',
			)
		);
		$second = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 200, $first->get_status() );
		$keys = $first->get_data();
		self::assertIsArray( $keys );
		self::assertIsArray( $keys['keys'] );
		self::assertIsArray( $keys['keys'][0] );
		self::assertSame( $published['kid'], $keys['keys'][0]['kid'] );
		self::assertArrayNotHasKey( 'd', $keys['keys'][0] );
		self::assertSame( $keys, $second->get_data(), 'served from the cache while the API fails' );
	}

	public function test_an_unreachable_api_is_a_diagnosis(): void {
		$this->act_as( 'administrator' );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'all',
				'mode'     => '503',
				'count'    => 5,
			)
		);
		delete_transient( Discovery::CACHE_PREFIX . md5( Sandbox::url() . '||' ) );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 502, $response->get_status() );
		self::assertSame( 'causerie_jwks_unavailable', $this->error_code( $response ) );
	}

	#[\PHPUnit\Framework\Attributes\DataProvider( 'refused_roles' )]
	public function test_only_administrators_get_the_keys( string $role, int $status ): void {
		$this->act_as( $role );

		self::assertSame( $status, $this->dispatch( 'GET', self::ROUTE )->get_status() );
	}
}
