<?php
/**
 * Tests of WWW-Authenticate parsing.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Http;

use Causerie\Connector\Http\Challenge;
use Causerie\Connector\Tests\TestCase;

/**
 * Bearer challenges are read as RFC 9110 and RFC 6750 write them.
 */
final class Challenge_Test extends TestCase {

	public function test_scheme_and_parameters_are_read_with_quoted_pairs_unescaped(): void {
		$challenge = Challenge::parse( 'Bearer realm="causerie", error="invalid_token", error_description="a \\"quoted\\" word and a \\\\ backslash", scope=read:widget' );

		self::assertSame( 'bearer', $challenge->scheme );
		self::assertSame( 'causerie', $challenge->param( 'realm' ) );
		self::assertSame( 'invalid_token', $challenge->param( 'ERROR' ) );
		self::assertSame( 'a "quoted" word and a \\ backslash', $challenge->param( 'error_description' ) );
		self::assertSame( 'read:widget', $challenge->param( 'scope' ) );
	}

	public function test_a_bare_challenge_has_no_error(): void {
		$challenge = Challenge::parse( 'Bearer realm="causerie"' );

		self::assertSame( '', $challenge->param( 'error' ) );
		self::assertSame( '', Challenge::parse( '' )->scheme );
	}
}
