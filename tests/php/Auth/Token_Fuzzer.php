<?php
/**
 * Generated hostile tokens for the fuzz test.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Auth;

/**
 * Each case is made from its own seed, so a failure is reproduced from that one number. The shapes follow
 * the ways a token goes wrong: noise, cut or padded segments, the wrong count of dots, the other base64
 * alphabet, a huge header, deep JSON, every claim of every wrong type, unicode and bytes that are not UTF-8.
 * tests/js/inspector/fuzz-tokens.ts makes the same shapes for the browser's inspector.
 */
final class Token_Fuzzer {

	public const KINDS = array(
		'random bytes',
		'base64url noise',
		'wrong segment count',
		'truncated',
		'padded',
		'base64 alphabet',
		'huge header',
		'deep json',
		'wrong claim types',
		'unicode',
		'not an object',
		'well formed',
	);

	/**
	 * Claims an access token carries (RFC 9068 §2.2, plus the scope and environment the plugin reads).
	 */
	public const CLAIMS = array( 'iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'client_id', 'scope', 'scp', 'environment' );

	/**
	 * Header parameters the plugin reads.
	 */
	public const HEADER = array( 'alg', 'kid', 'typ' );

	/**
	 * JSON values of every type, in their raw text, so that what json_encode never writes is there too.
	 */
	private const WRONG_VALUES = array(
		'"1900000000"',
		'"  1900000000 "',
		'"1e999"',
		'"0x7fffffff"',
		'"soon"',
		'""',
		'"\u0000"',
		'[]',
		'[1900000000]',
		'[[["deep"]]]',
		'{}',
		'{"exp":1}',
		'1900000000.5',
		'-1',
		'0',
		'-0',
		'1e308',
		'1e999',
		'-1e999',
		'1.0e+10',
		'9223372036854775807',
		'9223372036854775808',
		'-9223372036854775808',
		'-9223372036854775809',
		'123456789012345678901234567890',
		'18446744073709551616',
		'true',
		'false',
		'null',
		'"https://evil.test"',
		'["https://evil.test",{"a":[]},7]',
		'{"0":"https://api.test/v1"}',
	);

	private const UNICODE = array(
		'"caf\u00e9"',
		'"日本語のトークン"',
		'"🔑🔑🔑"',
		'"\u202eevil"',
		'"\ud83d\ude00"',
		'"\ud800"',
		'"\udfff\ud800"',
		'"a\u0000b"',
		"\"\xff\xfe\"",
		"\"\xc3\x28\"",
		"\"\xed\xa0\x80\"",
		"\"\xf4\x90\x80\x80\"",
		"\"caf\xc3\xa9\"",
		"\"\xef\xbb\xbfbom\"",
	);

	/**
	 * The xorshift32 state: a generator of its own, so nothing else that draws random numbers moves it.
	 *
	 * @var int
	 */
	private int $state = 1;

	/**
	 * The token of one case.
	 *
	 * @param int $seed The case's seed.
	 * @return array{kind: string, token: string}
	 */
	public function token( int $seed ): array {
		$this->state = max( 1, ( $seed ^ 0x9e3779b9 ) & 0xffffffff );
		for ( $round = 0; $round < 8; $round++ ) {
			$this->next();
		}
		$kind = self::KINDS[ $seed % count( self::KINDS ) ];
		return array(
			'kind'  => $kind,
			'token' => $this->make( $kind ),
		);
	}

	/**
	 * A token of one kind.
	 *
	 * @param string $kind One of KINDS.
	 */
	private function make( string $kind ): string {
		return match ( $kind ) {
			'random bytes' => $this->bytes( $this->int( 0, 300 ) ),
			'base64url noise' => implode( '.', array_map( fn(): string => $this->noise(), range( 0, $this->int( 0, 4 ) ) ) ),
			'wrong segment count' => $this->wrong_count(),
			'truncated' => substr( $this->jwt( $this->header(), $this->claims() ), 0, $this->int( 0, 200 ) ),
			'padded' => $this->padded(),
			'base64 alphabet' => $this->standard_alphabet(),
			'huge header' => $this->jwt( '{"alg":"RS256","typ":"at+jwt","kid":"' . str_repeat( $this->pick( array( 'k', '\\u00e9', '🔑' ) ), $this->int( 300, 4500 ) ) . '"}', $this->claims() ),
			'deep json' => $this->deep(),
			'wrong claim types' => $this->wrong_types(),
			'unicode' => $this->unicode(),
			'not an object' => $this->not_object(),
			default => $this->jwt( $this->header(), $this->claims() ),
		};
	}

	/**
	 * A sound header, as JSON text.
	 *
	 * @param array<string, string> $members Members to add or replace, as JSON text.
	 */
	public function header( array $members = array() ): string {
		$alg = $this->pick( array( 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'HS256', 'none', 'XX256', 'RS', '' ) );
		return self::object(
			$members + array(
				'alg' => '"' . $alg . '"',
				'typ' => '"at+jwt"',
				'kid' => '"' . $this->pick( array( 'rs256-key', 'es256-key', 'unknown', '' ) ) . '"',
			)
		);
	}

	/**
	 * Sound claims, as JSON text.
	 *
	 * @param array<string, string> $members Members to add or replace, as JSON text.
	 */
	public function claims( array $members = array() ): string {
		$now = 1900000000 + $this->int( -7200, 7200 );
		return self::object(
			$members + array(
				'iss'         => '"https://api.test"',
				'sub'         => '"wp-development"',
				'aud'         => '"https://api.test/v1"',
				'exp'         => (string) ( $now + 3600 ),
				'nbf'         => (string) $now,
				'iat'         => (string) $now,
				'jti'         => '"' . bin2hex( $this->bytes( 8 ) ) . '"',
				'client_id'   => '"wp-development"',
				'scope'       => '"read:widget write:knowledge"',
				'environment' => '"' . $this->pick( array( 'development', 'production', 'staging' ) ) . '"',
			)
		);
	}

	/**
	 * A compact JWS from header and claims text, with a signature of random bytes.
	 *
	 * @param string $header Header JSON text.
	 * @param string $claims Claims JSON text.
	 */
	public function jwt( string $header, string $claims ): string {
		return self::base64url( $header ) . '.' . self::base64url( $claims ) . '.' . self::base64url( $this->bytes( $this->pick( array( 0, 64, 256 ) ) ) );
	}

	/**
	 * JOSE's base64url: no padding.
	 *
	 * @param string $bytes Bytes.
	 */
	public static function base64url( string $bytes ): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- JOSE encoding of a test token.
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	/**
	 * A JSON object from members already in JSON text.
	 *
	 * @param array<string, string> $members Name => JSON text.
	 */
	private static function object( array $members ): string {
		$pairs = array();
		foreach ( $members as $name => $json ) {
			$pairs[] = '"' . $name . '":' . $json;
		}
		return '{' . implode( ',', $pairs ) . '}';
	}

	private function wrong_count(): string {
		$segments = array( self::base64url( $this->header() ), self::base64url( $this->claims() ), self::base64url( 'sig' ), 'e30', '' );
		$count    = $this->pick( array( 0, 1, 2, 4, 5, 6, 40 ) );
		$parts    = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$parts[] = $this->pick( $segments );
		}
		return 1 === $count ? $parts[0] . '.' : implode( '.', $parts );
	}

	private function padded(): string {
		$parts        = explode( '.', $this->jwt( $this->header(), $this->claims() ) );
		$at           = $this->int( 0, 2 );
		$parts[ $at ] = match ( $this->int( 0, 4 ) ) {
			0 => $parts[ $at ] . str_repeat( '=', $this->int( 1, 3 ) ),
			1 => $parts[ $at ] . $this->noise(),
			2 => str_repeat( 'A', $this->int( 1, 5 ) ) . $parts[ $at ],
			3 => chunk_split( $parts[ $at ], max( 1, $this->int( 1, 40 ) ), $this->pick( array( "\n", ' ', "\t", "\r\n" ) ) ),
			default => $parts[ $at ] . '%3D',
		};
		$prefix = $this->pick( array( '', 'Bearer ', 'bearer  ', "  \n" ) );
		return $prefix . implode( '.', $parts ) . $this->pick( array( '', ' ', "\n", '.' ) );
	}

	private function standard_alphabet(): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the wrong alphabet on purpose.
		$encode = static fn( string $json ): string => base64_encode( $json );
		$claims = $this->claims( array( 'sub' => '"' . str_repeat( "\xfb\xff", $this->int( 1, 30 ) ) . '"' ) );
		return $encode( $this->header() ) . '.' . $encode( $claims ) . '.' . $encode( $this->bytes( 64 ) );
	}

	private function deep(): string {
		$depth = $this->int( 10, 2000 );
		$open  = $this->pick( array( '[', '{"a":' ) );
		$close = '[' === $open ? ']' : '}';
		$value = str_repeat( $open, $depth ) . '1' . str_repeat( $close, $depth );
		$name  = $this->pick( array_merge( self::CLAIMS, array( 'extra' ) ) );
		return 0 === $this->int( 0, 1 ) ? $this->jwt( $this->header( array( 'kid' => $value ) ), $this->claims() ) : $this->jwt( $this->header(), $this->claims( array( $name => $value ) ) );
	}

	private function wrong_types(): string {
		$claims = array();
		foreach ( self::CLAIMS as $name ) {
			if ( 0 === $this->int( 0, 2 ) ) {
				$claims[ $name ] = $this->pick( self::WRONG_VALUES );
			}
		}
		$header = array();
		if ( 0 === $this->int( 0, 2 ) ) {
			$header[ $this->pick( self::HEADER ) ] = $this->pick( self::WRONG_VALUES );
		}
		return $this->jwt( $this->header( $header ), $this->claims( $claims ) );
	}

	private function unicode(): string {
		$value = $this->pick( self::UNICODE );
		$name  = $this->pick( array_merge( self::CLAIMS, self::HEADER ) );
		if ( in_array( $name, self::HEADER, true ) ) {
			return $this->jwt( $this->header( array( $name => $value ) ), $this->claims() );
		}
		$token = $this->jwt( $this->header(), $this->claims( array( $name => $value ) ) );
		// Now and then the unicode is in the token itself, outside any segment.
		return 0 === $this->int( 0, 5 ) ? str_replace( '.', trim( $this->pick( self::UNICODE ), '"' ), $token ) : $token;
	}

	private function not_object(): string {
		$json = $this->pick( array( '', ' ', '1', '"text"', 'null', 'true', '[]', '[{}]', '{', '{"a":}', '{"a":1,"a":2}', '{"":1}', '{"\u0000":1}', '{"exp":1900000000}garbage' ) );
		return 0 === $this->int( 0, 1 ) ? $this->jwt( $json, $this->claims() ) : $this->jwt( $this->header(), $json );
	}

	private function noise(): string {
		$alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=';
		$text     = '';
		for ( $length = $this->int( 0, 120 ); $length > 0; $length-- ) {
			$text .= $alphabet[ $this->int( 0, strlen( $alphabet ) - 1 ) ];
		}
		return $text;
	}

	/**
	 * Random bytes, none for a length of 0.
	 *
	 * @param int $length How many.
	 */
	private function bytes( int $length ): string {
		$bytes = '';
		for ( $i = 0; $i < $length; $i++ ) {
			$bytes .= chr( $this->int( 0, 255 ) );
		}
		return $bytes;
	}

	/**
	 * An integer in a range.
	 *
	 * @param int $min Lowest.
	 * @param int $max Highest.
	 */
	private function int( int $min, int $max ): int {
		return $min + $this->next() % ( $max - $min + 1 );
	}

	/**
	 * The next 32 bits of xorshift32.
	 */
	private function next(): int {
		$this->state ^= ( $this->state << 13 ) & 0xffffffff;
		$this->state ^= $this->state >> 17;
		$this->state ^= ( $this->state << 5 ) & 0xffffffff;
		return $this->state;
	}

	/**
	 * One element.
	 *
	 * @template T
	 * @param array<T> $values Choices.
	 * @return T
	 */
	private function pick( array $values ): mixed {
		$values = array_values( $values );
		return $values[ $this->int( 0, count( $values ) - 1 ) ];
	}
}
