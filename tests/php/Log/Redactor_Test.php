<?php
/**
 * Tests of the redactor.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Log;

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Log\Redactor;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Secrets are masked by key and by value, at any depth, in the event log, the support report and every
 * piece of evidence shown; evidence from upstream is bounded and stripped of control characters.
 */
final class Redactor_Test extends TestCase {

	private const SECRET  = 'redactor-test-client-secret-4821';
	private const ACCESS  = 'opaque-access-token-7Hq2Lx9Vb';
	private const REFRESH = 'opaque-refresh-token-Zt5Km3Wd';
	private const JWT     = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
	// Headers `{ "alg": …` and a pretty-printed `{\n  "alg": "none"\n}` (unsigned, so the last segment is empty).
	private const JWT_SPACED   = 'eyAiYWxnIjogIlJTMjU2IiwgInR5cCI6ICJhdCtqd3QiIH0.eyJzdWIiOiJ3cC1kZXZlbG9wbWVudCIsInNjb3BlIjoicmVhZDp3aWRnZXQifQ.c2lnbmF0dXJlLWJ5dGVz';
	private const JWT_UNSIGNED = 'ewogICJhbGciOiAibm9uZSIKfQ.eyJzdWIiOiJ3cC1kZXZlbG9wbWVudCIsInNjb3BlIjoicmVhZDp3aWRnZXQifQ.';
	private const BASIC        = 'd3AtcHJvZHVjdGlvbjpzYW5kYm94LXByb2R1Y3Rpb24tc2VjcmV0';

	protected function setUp(): void {
		parent::setUp();
		Redactor::remember( self::SECRET, self::ACCESS, self::REFRESH );
	}

	/**
	 * Evidence with secrets where no key names them, and what must survive next to them.
	 *
	 * @return array<string, array{array<mixed>, list<string>, list<string>}>
	 */
	public static function secrets_anywhere(): array {
		return array(
			'the client secret under an innocent key'      => array( array( 'detail' => 'client ' . self::SECRET . ' was refused for wp-development' ), array( self::SECRET ), array( 'was refused for wp-development' ) ),
			'the current access token inside a sentence'   => array( array( 'note' => 'sent ' . self::ACCESS . ' to the API' ), array( self::ACCESS ), array( 'to the API' ) ),
			'the current refresh token in a list'          => array( array( 'tried' => array( 'first', self::REFRESH ) ), array( self::REFRESH ), array( 'first' ) ),
			'a JWT inside a sentence'                      => array( array( 'errorDescription' => 'the token ' . self::JWT . ' has expired' ), array( self::JWT, 'c2lnbmF0dXJl' ), array( 'has expired' ) ),
			'a JWT whose header has spaces'                => array( array( 'detail' => self::JWT_SPACED ), array( 'eyJzdWIiOiJ3cC1kZXZlbG9wbWVudCIsInNjb3BlIjoicmVhZDp3aWRnZXQifQ' ), array() ),
			'an unsigned JWT with a pretty-printed header' => array( array( 'detail' => 'got ' . self::JWT_UNSIGNED ), array( 'eyJzdWIiOiJ3cC1kZXZlbG9wbWVudCIsInNjb3BlIjoicmVhZDp3aWRnZXQifQ' ), array( 'got ' ) ),
			'a bearer header in a nested array'            => array( array( 'request' => array( 'headers' => array( 'X-Original' => 'Bearer abcDEF123456789xyz' ) ) ), array( 'abcDEF123456789xyz' ), array( 'Bearer [redacted]' ) ),
			'a Basic header under an innocent key'         => array( array( 'sent' => 'Authorization: Basic ' . self::BASIC ), array( self::BASIC ), array( 'Basic [redacted]' ) ),
			'a value under a key that names a secret'      => array( array( 'client_secret' => 'short' ), array( 'short' ), array( 'client_secret' ) ),
		);
	}

	/**
	 * What looks close to a secret but is evidence worth reading.
	 *
	 * @return array<string, array{array<mixed>}>
	 */
	public static function evidence_that_stays(): array {
		return array(
			'a host name of three long dotted parts' => array( array( 'url' => 'https://causerie-sandbox.development-cluster.internal-zone/api' ) ),
			'a challenge with its parameters'        => array( array( 'wwwAuthenticate' => 'Bearer resource_metadata="https://api.example/.well-known/oauth-protected-resource", error="invalid_token"' ) ),
			'keys that only speak of a token'        => array(
				array(
					'refusedToken'     => 'token_expired',
					'tokenEndpoint'    => 'https://auth.example/token',
					'tokenEnvironment' => 'production',
				),
			),
			'a short word after Basic'               => array( array( 'detail' => 'Basic auth is not offered' ) ),
		);
	}

	/**
	 * The secrets are masked, and what surrounds them survives, by either entry point.
	 *
	 * @param array<mixed>  $evidence What was observed.
	 * @param array<string> $hidden   What must not appear.
	 * @param array<string> $kept     What must still appear.
	 */
	#[DataProvider( 'secrets_anywhere' )]
	public function test_secrets_are_masked_by_value_and_shape_at_any_depth( array $evidence, array $hidden, array $kept ): void {
		foreach ( array( Redactor::evidence( $evidence ), Redactor::redact( $evidence ) ) as $redacted ) {
			$text = (string) wp_json_encode( $redacted, JSON_UNESCAPED_SLASHES );
			foreach ( $hidden as $secret ) {
				self::assertStringNotContainsString( $secret, $text );
			}
			foreach ( $kept as $words ) {
				self::assertStringContainsString( $words, $text );
			}
		}
	}

	/**
	 * Evidence that is not a secret comes out as it went in.
	 *
	 * @param array<mixed> $evidence What was observed.
	 */
	#[DataProvider( 'evidence_that_stays' )]
	public function test_evidence_that_only_resembles_a_secret_stays_readable( array $evidence ): void {
		self::assertSame( $evidence, Redactor::evidence( $evidence ) );
		self::assertSame( $evidence, Redactor::redact( $evidence ) );
	}

	public function test_a_secret_is_known_as_soon_as_credentials_hold_it_in_clear(): void {
		new Credentials( 'production', 'wp-production', 'secret-read-from-wp-config-91', null, 'https://api.example', array(), array() );

		self::assertSame( 'denied: [redacted]', Redactor::text( 'denied: secret-read-from-wp-config-91' ) );
	}

	public function test_a_known_value_that_is_part_of_a_token_does_not_cut_the_token(): void {
		// A truncated token, as a broken answer may leave one in memory.
		Redactor::remember( substr( self::JWT, 0, 18 ) );

		self::assertSame( 'the token [redacted token] has expired', Redactor::text( 'the token ' . self::JWT . ' has expired' ) );
	}

	public function test_a_long_running_process_forgets_the_secrets_it_saw_longest_ago(): void {
		Redactor::remember( 'the-client-secret-in-use' );
		for ( $i = 0; $i < 100; $i++ ) {
			Redactor::remember( sprintf( 'rotated-token-%03d', $i ) );
			// The secret in use is seen again with every set of credentials built.
			Redactor::remember( 'the-client-secret-in-use' );
		}

		self::assertSame( '[redacted] [redacted]', Redactor::text( 'rotated-token-099 the-client-secret-in-use' ) );
		self::assertSame( 'rotated-token-000', Redactor::text( 'rotated-token-000' ) );
	}

	public function test_a_token_is_known_as_soon_as_it_is_read_from_storage(): void {
		Cached_Token::from_array(
			array(
				'accessToken'  => 'stored-access-token-value-64',
				'refreshToken' => 'stored-refresh-token-value-65',
				'issuedAt'     => time(),
				'expiresAt'    => time() + 60,
				'environment'  => 'local',
			)
		);

		self::assertSame( '[redacted] and [redacted]', Redactor::text( 'stored-access-token-value-64 and stored-refresh-token-value-65' ) );
	}

	public function test_upstream_text_is_cut_stripped_of_control_characters_and_bounded_in_count_and_depth(): void {
		$nested = array( 'level' => 'deepest' );
		for ( $i = 0; $i < 10; $i++ ) {
			$nested = array( 'level' => $nested );
		}

		$evidence = Redactor::evidence(
			array(
				'errorDescription' => "fine\r\nInjected-Header: yes\x1b[31m red\x00" . str_repeat( 'x', 5000 ),
				'many'             => range( 1, 500 ),
				'nested'           => $nested,
				"key\nwith a line" => 'value',
			)
		);

		self::assertIsString( $evidence['errorDescription'] );
		self::assertSame( 0, preg_match( '/[\x00-\x1F\x7F]/', $evidence['errorDescription'] ) );
		self::assertStringStartsWith( 'fine Injected-Header: yes [31m red ', $evidence['errorDescription'] );
		self::assertSame( Redactor::MAX_LENGTH + 1, mb_strlen( $evidence['errorDescription'] ), 'cut, and marked with an ellipsis' );
		self::assertIsArray( $evidence['many'] );
		self::assertCount( Redactor::MAX_ITEMS + 1, $evidence['many'], 'the first entries, and how many more there were' );
		self::assertSame( '450 more', $evidence['many']['…'] );
		self::assertStringNotContainsString( 'deepest', (string) wp_json_encode( $evidence['nested'] ) );
		self::assertArrayHasKey( 'key with a line', $evidence );
	}
}
