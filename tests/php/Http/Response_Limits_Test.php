<?php
/**
 * Tests of the size limits of answers.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Metadata_Fetcher;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Response;
use Causerie\Connector\Http\Transport_Error;
use Causerie\Connector\Tests\Sandbox;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each kind of answer is read up to its own limit, and one that reaches it is set aside with a diagnosis of
 * its own, never parsed cut short.
 */
final class Response_Limits_Test extends TestCase {

	/**
	 * The limit each intercepted request was sent with.
	 *
	 * @var list<mixed>
	 */
	private array $limits = array();

	protected function setUp(): void {
		parent::setUp();
		Sandbox::reset();
	}

	protected function tearDown(): void {
		remove_all_filters( 'pre_http_request' );
		$this->limits = array();
		parent::tearDown();
	}

	public function test_a_real_answer_that_reaches_the_limit_is_refused_not_read_cut_short(): void {
		$url = Sandbox::url() . '/.well-known/oauth-authorization-server';

		$cut  = ( new Http_Client() )->request( 'GET', $url, max_bytes: 100 );
		$read = ( new Http_Client() )->request( 'GET', $url, max_bytes: Metadata_Fetcher::MAX_BYTES );

		self::assertInstanceOf( Transport_Error::class, $cut );
		self::assertSame( 'response_too_large', $cut->code );
		self::assertSame( 100, $cut->finding( $url )->evidence['limitBytes'] );
		self::assertInstanceOf( Response::class, $read );
		self::assertNotNull( $read->json() );
	}

	/**
	 * Each kind of call, with its limit.
	 *
	 * @return array<string, array{string, int}>
	 */
	public static function kinds(): array {
		return array(
			'a metadata document' => array( 'metadata', Metadata_Fetcher::MAX_BYTES ),
			'the signing keys'    => array( 'jwks', Metadata_Fetcher::MAX_BYTES ),
			'a token answer'      => array( 'token', Client_Request::MAX_BYTES ),
			'an API answer'       => array( 'api', Api_Client::MAX_BYTES ),
		);
	}

	#[DataProvider( 'kinds' )]
	public function test_each_kind_of_answer_has_its_limit_and_an_answer_that_reaches_it_is_unusable( string $kind, int $limit ): void {
		$this->answer_large( 'api' === $kind ? '/v1/me' : '127.0.0.1:9', $limit );

		$result = $this->call( $kind );

		self::assertInstanceOf( Finding::class, $result );
		self::assertSame( 'response_too_large', $result->code );
		self::assertSame( $limit, $result->evidence['limitBytes'] );
		self::assertSame( array( $limit ), $this->limits );
	}

	/**
	 * Calls one kind of endpoint.
	 *
	 * @param string $kind metadata, jwks, token or api.
	 * @return mixed What the plugin made of the answer.
	 */
	private function call( string $kind ): mixed {
		$http      = new Http_Client();
		$base      = 'http://127.0.0.1:9';
		$endpoints = new Endpoints( $base, $base . '/auth/token', $base . '/auth/jwks.json', '', '', array( 'client_secret_basic' ), null, Endpoints::FROM_SETTINGS );
		return match ( $kind ) {
			'metadata' => ( new Metadata_Fetcher( $http ) )->get( $base . '/.well-known/oauth-authorization-server' ),
			'jwks'     => ( new Jwks( new Metadata_Fetcher( $http ) ) )->keys( $endpoints ),
			'token'    => ( new Token_Client( new Client_Request( $http, new Secret_Binding( new Encryption( 'test-key' ) ) ) ) )->client_credentials( $endpoints, new Credentials( 'local', 'wp-development', 'a-secret', null, $base, array( 'read:widget' ), array() ) ),
			default    => ( new Services() )->connect( Sandbox::credentials() )->api->request( 'GET', Api_Client::ME ),
		};
	}

	/**
	 * Answers requests whose URL contains the text with a body of exactly the limit, recording the limit each
	 * was sent with; the others go through.
	 *
	 * @param string $match Part of the URL.
	 * @param int    $limit Bytes.
	 */
	private function answer_large( string $match, int $limit ): void {
		add_filter(
			'pre_http_request',
			function ( $preempt, $args, $url ) use ( $match, $limit ) {
				if ( ! is_string( $url ) || ! str_contains( $url, $match ) ) {
					return $preempt;
				}
				$this->limits[] = is_array( $args ) ? ( $args['limit_response_size'] ?? null ) : null;
				return array(
					'headers'  => array( 'content-type' => 'application/json' ),
					'body'     => '{"padding":"' . str_repeat( 'x', $limit - 14 ) . '"}',
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
				);
			},
			10,
			3
		);
	}
}
