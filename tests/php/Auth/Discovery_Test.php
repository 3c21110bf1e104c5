<?php
/**
 * Integration tests of endpoint discovery, against the sandbox in each of its shapes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Well_Known;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * From the API address alone the plugin finds the authorization server, on the same origin or another, through
 * RFC 9728 then RFC 8414 or OpenID Connect; without metadata it uses Causerie's paths only on Causerie's own
 * address, and a server that publishes nothing can be set up by hand. Every failure names the address.
 */
final class Discovery_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	/**
	 * Credentials for an API address.
	 *
	 * @param string $api_url        API address.
	 * @param string $issuer         Issuer set by hand.
	 * @param string $token_endpoint Token endpoint set by hand.
	 */
	private static function credentials( string $api_url, string $issuer = '', string $token_endpoint = '' ): Credentials {
		return new Credentials( 'local', 'wp-development', 'sandbox-development-secret', null, $api_url, array( 'read:widget' ), array(), array(), $issuer, $token_endpoint );
	}

	/**
	 * Discovers afresh.
	 *
	 * @param Credentials $credentials Whose API.
	 * @return Endpoints|Finding
	 */
	private static function discover( Credentials $credentials ) {
		return ( new Services() )->discovery->endpoints( $credentials, true );
	}

	public function test_the_well_known_segment_goes_before_an_identifier_path(): void {
		self::assertSame( 'https://a.example/.well-known/oauth-authorization-server', Well_Known::url( 'https://a.example', Well_Known::AUTHORIZATION_SERVER ) );
		self::assertSame( 'https://a.example/.well-known/oauth-authorization-server/tenant/1', Well_Known::url( 'https://a.example/tenant/1/', Well_Known::AUTHORIZATION_SERVER ) );
		self::assertSame( 'https://api.example/.well-known/oauth-protected-resource/v1', Well_Known::url( 'https://api.example/v1', Well_Known::PROTECTED_RESOURCE ) );
		self::assertSame( 'https://a.example/tenant/.well-known/openid-configuration', Well_Known::openid( 'https://a.example/tenant/' ) );
	}

	public function test_on_one_origin_the_api_metadata_and_the_issuer_metadata_name_everything(): void {
		$endpoints = self::discover( self::credentials( Sandbox::url() ) );

		self::assertInstanceOf( Endpoints::class, $endpoints );
		self::assertSame( Endpoints::FROM_METADATA, $endpoints->source );
		self::assertSame( Sandbox::url(), $endpoints->issuer );
		self::assertSame( Sandbox::url() . '/v1', $endpoints->resource );
		self::assertSame( Sandbox::url() . '/auth/token', $endpoints->token_endpoint );
		self::assertSame( Sandbox::url() . '/auth/revoke', $endpoints->revocation_endpoint );
	}

	public function test_with_split_origins_the_api_address_alone_leads_to_the_authorization_server(): void {
		list( $issuer, $api ) = Sandbox::split();
		self::assertNotSame( $issuer, $api );

		$endpoints = self::discover( self::credentials( $api ) );

		self::assertInstanceOf( Endpoints::class, $endpoints );
		self::assertSame( $issuer, $endpoints->issuer );
		self::assertSame( $api . '/v1', $endpoints->resource );
		self::assertSame( $issuer . '/auth/token', $endpoints->token_endpoint );
	}

	public function test_openid_connect_discovery_is_read_when_rfc_8414_metadata_is_absent(): void {
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'openid' ) );

		$endpoints = self::discover( self::credentials( Sandbox::url() ) );

		self::assertInstanceOf( Endpoints::class, $endpoints );
		self::assertSame( Endpoints::FROM_OPENID, $endpoints->source );
		self::assertSame( Sandbox::url() . '/auth/token', $endpoints->token_endpoint );
	}

	public function test_without_metadata_causerie_s_own_paths_apply_to_its_own_address_only(): void {
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'none' ) );

		$endpoints = self::discover( self::credentials( Sandbox::url() ) );

		self::assertInstanceOf( Endpoints::class, $endpoints );
		self::assertSame( Endpoints::FROM_DEFAULTS, $endpoints->source );
		self::assertNull( $endpoints->resource );
		self::assertContains( Sandbox::url() . '/.well-known/oauth-authorization-server', $endpoints->unpublished );
	}

	public function test_a_split_server_without_metadata_is_set_up_by_hand(): void {
		list( $issuer, $api ) = Sandbox::split();
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'none' ), $issuer );

		$guessed  = self::discover( self::credentials( $api ) );
		$set_up   = self::discover( self::credentials( $api, $issuer, $issuer . '/auth/token' ) );
		$services = ( new Services() )->connect(
			Sandbox::credentials( 'wp-development', $api ) + array(
				'issuer'        => $issuer,
				'tokenEndpoint' => $issuer . '/auth/token',
			)
		);

		self::assertInstanceOf( Endpoints::class, $guessed, 'the API address is taken as the issuer' );
		self::assertSame( Endpoints::FROM_DEFAULTS, $guessed->source );
		self::assertInstanceOf( Endpoints::class, $set_up );
		self::assertSame( Endpoints::FROM_SETTINGS, $set_up->source );
		self::assertSame( $issuer . '/auth/token', $set_up->token_endpoint );
		self::assertInstanceOf( \Causerie\Connector\Api\Api_Response::class, $services->api->request( 'GET', '/v1/me' ) );
	}

	public function test_a_guessed_path_that_answers_404_is_nothing_at_this_address_not_a_server_fault(): void {
		list( , $api ) = Sandbox::split();
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'none' ), Sandbox::split()[0] );
		$services = ( new Services() )->connect( Sandbox::credentials( 'wp-development', $api ) );

		$token = $services->tokens->token();

		self::assertInstanceOf( Finding::class, $token );
		self::assertSame( 'not_found', $token->code );
		self::assertSame( $api . '/auth/token', $token->evidence['url'] );
		self::assertIsArray( $token->evidence['unpublished'] );
		self::assertContains( $api . '/.well-known/oauth-authorization-server', $token->evidence['unpublished'] );
	}

	public function test_a_failing_metadata_document_is_a_failing_server_not_a_missing_one(): void {
		list( $issuer, $api ) = Sandbox::split();
		Sandbox::control( 'PUT', '/modes', array( 'metadata' => 'openid' ), $issuer );
		Sandbox::control(
			'POST',
			'/faults',
			array(
				'endpoint' => 'metadata',
				'mode'     => '503',
				'count'    => 1,
			),
			$issuer
		);

		$unavailable = self::discover( self::credentials( $api ) );

		self::assertInstanceOf( Finding::class, $unavailable );
		self::assertSame( 'server_error', $unavailable->code, 'a failing server is not a missing document' );
	}

	public function test_a_wrong_address_is_named(): void {
		$endpoints = self::discover( self::credentials( str_replace( '127.0.0.1', 'localhost', Sandbox::url() ) ) );

		self::assertInstanceOf( Finding::class, $endpoints );
		self::assertSame( 'metadata_invalid', $endpoints->code );
		self::assertSame( Sandbox::url() . '/v1', $endpoints->evidence['resource'], 'the API describes itself under another address' );
	}

	public function test_the_endpoints_are_kept_as_long_as_the_documents_allow(): void {
		$services    = new Services();
		$credentials = self::credentials( Sandbox::url() );
		$services->discovery->endpoints( $credentials );
		Sandbox::control( 'DELETE', '/counters' );

		$again = $services->discovery->endpoints( $credentials );

		self::assertInstanceOf( Endpoints::class, $again );
		self::assertSame( 0, Sandbox::requests()['metadata'] ?? null );
		$timeout = get_option( '_transient_timeout_causerie_endpoints_' . md5( Sandbox::url() . '||' ) );
		self::assertIsNumeric( $timeout );
		self::assertEqualsWithDelta( time() + HOUR_IN_SECONDS, (int) $timeout, 5, 'documents without caching headers are kept an hour' );
	}
}
