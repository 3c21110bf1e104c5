<?php
/**
 * Fuzzing of everything that reads a token string.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Endpoints;
use Causerie\Connector\Auth\Environment_Match;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Jwt_Segments;
use Causerie\Connector\Auth\Jwt_Signature;
use Causerie\Connector\Auth\Refusal;
use Causerie\Connector\Auth\Token_Response;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Tests\Services;
use Causerie\Connector\Tests\TestCase;

/**
 * Generated tokens go through every entry point that takes a token from the API: the segment decoder, the
 * token's schedule and storage, the environment and audience checks, the signature check and the diagnosis
 * of a refusal. None may throw or raise a PHP error, warning or deprecation, and what they decode must fit
 * in the JSON of the REST answer, the command line and the support report. A seeded run of 10,000 is part
 * of the suite; CAUSERIE_FUZZ_RUNS and CAUSERIE_FUZZ_SEED run more, or replay one case.
 */
final class Token_Fuzz_Test extends TestCase {

	private const RUNS = 10000;
	private const SEED = 1;
	private const NOW  = 1900000000;
	// On this computer, so the address gate lets it through to the pre_http_request filter that serves it.
	private const JWKS = 'http://127.0.0.1/auth/jwks.json';

	/**
	 * The API's clock minus the site's, in turn: a day behind, level, a day ahead.
	 */
	private const SKEWS = array( -86400, 0, 86400 );

	/**
	 * The keys the tokens are checked against: one RSA, one EC, as the JWKS publishes them.
	 *
	 * @var array{rsa: array<string, string>, ec: array<string, string>, private: \OpenSSLAsymmetricKey}
	 */
	private static array $keys;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		$rsa = openssl_pkey_new(
			array(
				'private_key_type' => OPENSSL_KEYTYPE_RSA,
				'private_key_bits' => 2048,
			)
		);
		$ec  = openssl_pkey_new(
			array(
				'private_key_type' => OPENSSL_KEYTYPE_EC,
				'curve_name'       => 'prime256v1',
			)
		);
		self::assertNotFalse( $rsa );
		self::assertNotFalse( $ec );
		$r = openssl_pkey_get_details( $rsa );
		$e = openssl_pkey_get_details( $ec );
		self::assertIsArray( $r );
		self::assertIsArray( $e );
		self::$keys = array(
			'rsa'     => array(
				'kty' => 'RSA',
				'kid' => 'rs256-key',
				'n'   => Token_Fuzzer::base64url( self::member( $r, 'rsa', 'n' ) ),
				'e'   => Token_Fuzzer::base64url( self::member( $r, 'rsa', 'e' ) ),
			),
			'ec'      => array(
				'kty' => 'EC',
				'kid' => 'es256-key',
				'crv' => 'P-256',
				'x'   => Token_Fuzzer::base64url( self::member( $e, 'ec', 'x' ) ),
				'y'   => Token_Fuzzer::base64url( self::member( $e, 'ec', 'y' ) ),
			),
			'private' => $rsa,
		);
	}

	/**
	 * One number of a key, from openssl_pkey_get_details().
	 *
	 * @param array<mixed> $details The details.
	 * @param string       $type    rsa or ec.
	 * @param string       $name    The member.
	 */
	private static function member( array $details, string $type, string $name ): string {
		$value = is_array( $details[ $type ] ?? null ) ? ( $details[ $type ][ $name ] ?? null ) : null;
		self::assertIsString( $value );
		return $value;
	}

	public function test_generated_tokens_are_read_without_a_php_error(): void {
		$runs     = max( 0, (int) getenv( 'CAUSERIE_FUZZ_RUNS' ) );
		$runs     = 0 === $runs ? self::RUNS : $runs;
		$seed     = is_numeric( getenv( 'CAUSERIE_FUZZ_SEED' ) ) ? (int) getenv( 'CAUSERIE_FUZZ_SEED' ) : self::SEED;
		$fuzzer   = new Token_Fuzzer();
		$refusal  = new Refusal( ( new Services() )->jwks, ( new Services() )->client );
		$classes  = array();
		$failures = array();
		add_filter( 'pre_http_request', array( $this, 'serve_keys' ), 10, 3 );
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- a PHP warning in a case is that case's failure, with its seed.
		set_error_handler(
			static function ( int $level, string $message, string $file, int $line ): never {
				throw new \ErrorException( $message, 0, $level, $file, $line ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed.
			}
		);
		try {
			for ( $i = 0; $i < $runs; $i++ ) {
				$case  = $fuzzer->token( $seed + $i );
				$token = 'well formed' === $case['kind'] && 0 === $i % 2 ? $this->signed( $case['token'] ) : $case['token'];
				try {
					// The API's clock behind, level with or ahead of the site's.
					$class                                     = $this->exercise( $token, self::SKEWS[ $i % 3 ], $refusal );
					$classes[ $case['kind'] . ' → ' . $class ] = ( $classes[ $case['kind'] . ' → ' . $class ] ?? 0 ) + 1;
				} catch ( \Throwable $error ) {
					$failures[] = sprintf( 'CAUSERIE_FUZZ_SEED=%d CAUSERIE_FUZZ_RUNS=1 (%s, %d bytes): %s: %s', $seed + $i, $case['kind'], strlen( $case['token'] ), get_class( $error ), $error->getMessage() );
				}
			}
		} finally {
			restore_error_handler();
			remove_filter( 'pre_http_request', array( $this, 'serve_keys' ) );
		}

		self::assertSame( array(), array_slice( $failures, 0, 20 ), sprintf( '%d of %d cases failed, from seed %d; replay one with the variables shown', count( $failures ), $runs, $seed ) );
		self::assertSame( $runs, array_sum( $classes ) );
		if ( self::RUNS === $runs && self::SEED === $seed ) {
			// The generator reaches every outcome worth reaching; a change that stops it would fuzz nothing.
			foreach ( array( 'random bytes → claims unreadable', 'deep json → claims unreadable', 'huge header → token_expired', 'not an object → claims unreadable', 'well formed → token_expired', 'wrong claim types → token_issuer_mismatch', 'wrong claim types → token_audience_mismatch', 'wrong claim types → token_not_yet_valid', 'well formed → signature holds', 'well formed → token_signature_invalid' ) as $expected ) {
				self::assertArrayHasKey( $expected, $classes, implode( "\n", array_keys( $classes ) ) );
			}
		}
	}

	/**
	 * Tokens the fuzzer broke a reader with, each with the API clock's skew that broke it.
	 *
	 * @return array<string, array{string, int}>
	 */
	public static function broken_tokens(): array {
		$header = Token_Fuzzer::base64url( '{"alg":"RS256","typ":"at+jwt","kid":"rs256-key"}' );
		$token  = static fn( string $claims ): string => $header . '.' . Token_Fuzzer::base64url( $claims ) . '.c2ln';
		return array(
			'a number beyond a double is decoded as INF, which the REST answer cannot encode' => array( $token( '{"iss":"https://api.test","sub":1e999}' ), 0 ),
			'claims nested 510 deep decode, and are too deep for the REST answer around them' => array( $token( '{"extra":' . str_repeat( '[', 509 ) . str_repeat( ']', 509 ) . '}' ), 0 ),
			'exp at the largest integer with the API clock behind overflows the expiry' => array( $token( '{"exp":9223372036854775807}' ), -86400 ),
			'exp at the smallest integer with the API clock ahead overflows the expiry' => array( $token( '{"exp":-9223372036854775808}' ), 86400 ),
		);
	}

	#[\PHPUnit\Framework\Attributes\DataProvider( 'broken_tokens' )]
	public function test_a_token_that_broke_a_reader_is_read( string $token, int $skew ): void {
		add_filter( 'pre_http_request', array( $this, 'serve_keys' ), 10, 3 );
		try {
			$class = $this->exercise( $token, $skew, new Refusal( ( new Services() )->jwks, ( new Services() )->client ) );
		} finally {
			remove_filter( 'pre_http_request', array( $this, 'serve_keys' ) );
		}

		self::assertNotSame( '', $class );
	}

	/**
	 * Every reader of a token, on one token; what they concluded.
	 *
	 * @param string  $token   The token.
	 * @param int     $skew    The API's clock minus the site's.
	 * @param Refusal $refusal The refusal diagnosis.
	 */
	private function exercise( string $token, int $skew, Refusal $refusal ): string {
		$header    = Jwt_Segments::decode( $token, Jwt_Segments::HEADER );
		$claims    = Jwt_Segments::decode( $token, Jwt_Segments::CLAIMS );
		$endpoints = new Endpoints( 'https://api.test', 'https://api.test/auth/token', self::JWKS, '', '', array(), 'https://api.test/v1', 'test' );
		// Where the decoded segments go: the REST answer, the command line and the support report.
		self::check( false !== wp_json_encode( array( 'data' => array( 'token' => array( $header, $claims ) ) ) ), 'the decoded token is not JSON again' );
		Environment_Match::check( $token, null, 'production' );
		$signature = array( Jwt_Signature::verify( $token, self::$keys['rsa'] ), Jwt_Signature::verify( $token, self::$keys['ec'] ) );

		$response = new Token_Response( $token, null, array(), null, self::NOW, self::NOW + $skew );
		Cached_Token::needs_expiry( $response );
		$cached = Cached_Token::from_response( $response, 'production', 'id' );
		self::check( $cached->renew_at() >= $cached->issued_at || $cached->expires_at < $cached->issued_at, 'renewal is due before the token came' );
		// A token reaches storage only from the token endpoint's JSON answer, so it is UTF-8.
		if ( mb_check_encoding( $token, 'UTF-8' ) ) {
			$stored = wp_json_encode( $cached->to_array() );
			self::check( is_string( $stored ) && Cached_Token::from_array( json_decode( $stored, true ) )?->to_array() === $cached->to_array(), 'the token is not read back as stored' );
		}
		$credentials = new Credentials( 'production', 'wp-development', 'secret', null, 'https://api.test', array(), array() );
		$finding     = $refusal->diagnose( $cached, $endpoints, $credentials, self::NOW, array() );
		if ( in_array( true, $signature, true ) && 'token_invalid' === $finding->code ) {
			return 'signature holds';
		}
		return null === $claims ? 'claims unreadable' : $finding->code;
	}

	/**
	 * Fails the case, without the cost of an assertion for each of thousands.
	 *
	 * @param bool   $holds   What must hold.
	 * @param string $problem What it means when it doesn't.
	 * @throws \UnexpectedValueException When it doesn't.
	 */
	private static function check( bool $holds, string $problem ): void {
		if ( ! $holds ) {
			throw new \UnexpectedValueException( $problem ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- a test failure, never printed to a page.
		}
	}

	/**
	 * The token signed with the RSA key, as the API signs it.
	 *
	 * @param string $token A compact JWS.
	 */
	private function signed( string $token ): string {
		$parts = explode( '.', $token );
		$input = $parts[0] . '.' . ( $parts[1] ?? '' );
		openssl_sign( $input, $signature, self::$keys['private'], OPENSSL_ALGO_SHA256 );
		return $input . '.' . Token_Fuzzer::base64url( is_string( $signature ) ? $signature : '' );
	}

	/**
	 * Answers the JWKS request with the two public keys.
	 *
	 * @param false|array<mixed>|\WP_Error $pre  Short-circuit value.
	 * @param array<mixed>                 $args Request arguments.
	 * @param string                       $url  Request URL.
	 * @return false|array<mixed>|\WP_Error
	 */
	public function serve_keys( $pre, array $args, string $url ) {
		if ( self::JWKS !== $url ) {
			return $pre;
		}
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => (string) wp_json_encode( array( 'keys' => array( self::$keys['rsa'], self::$keys['ec'] ) ) ),
			'response' => array(
				'code'    => 200,
				'message' => 'OK',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}
}
