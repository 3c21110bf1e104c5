<?php
/**
 * Removes secrets from what is logged, reported or shown.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Log;

/**
 * The one home of the rules that keep a secret out of the event log, the support report, REST errors and CLI
 * output. Values under secret-looking keys are dropped; in every string at any depth, the secrets and tokens
 * this request has held in clear are masked, and so is anything shaped like a JWT or a Bearer or Basic
 * credential. evidence() also bounds what an upstream server said, before it is shown or stored.
 *
 * The known secrets are the ones this PHP process decrypted, read from wp-config.php, received from the
 * admin or from the token endpoint: a secret can only reach a log line or an answer from the process that
 * holds it in clear, so nothing is decrypted for the sake of redacting, and redacting stays a few string
 * replacements per value.
 */
final class Redactor {

	public const MASK       = '[redacted]';
	public const TOKEN_MASK = '[redacted token]';

	/**
	 * Longest string of evidence kept, in characters; longer ones are cut and marked.
	 */
	public const MAX_LENGTH = 500;

	/**
	 * Most entries kept of one array of evidence, and how deep it is followed.
	 */
	public const MAX_ITEMS = 50;
	public const MAX_DEPTH = 5;

	/**
	 * Shorter values are not remembered as secrets: masking them would blot out ordinary words.
	 */
	private const MIN_SECRET_LENGTH = 8;

	/**
	 * Most secrets remembered: a process holds a few; a long-running one (WP-CLI) forgets the oldest.
	 */
	private const MAX_KNOWN = 64;

	// Keys that hold a credential. Keys that only speak of one (tokenEndpoint, refusedToken, tokenEnvironment)
	// stay readable: a token under any key is masked by its value anyway.
	private const SECRET_KEYS = '/^(?:(?:access|refresh|id|bearer)[_-]?)?token$|secret|password|authorization|cookie|nonce|^key$|^(?:api|private)[_-]?key$|assertion/i';

	// Three base64url segments (a JWS; a JWE has five), the first starting like a JSON object: checked in jwt().
	private const JWT = '/(?<![A-Za-z0-9_-])e[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/';

	// RFC 7235 credentials (token68) after the scheme, but not a challenge's auth-param such as realm="…".
	private const CREDENTIAL = '/\b(Bearer|Basic)\s+(?![a-z][a-z0-9_-]*\s*=\s*")[A-Za-z0-9._~+\/-]{8,}=*/i';

	// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
	private const CONTROL = '/[\x00-\x1F\x7F\x{80}-\x{9F}\x{2028}\x{2029}]+/u';

	/**
	 * Secrets and tokens held in clear by this process, longest first.
	 *
	 * @var list<string>
	 */
	private static array $known = array();

	/**
	 * The same, oldest first.
	 *
	 * @var list<string>
	 */
	private static array $recent = array();

	/**
	 * Remembers secrets or tokens this process holds in clear, so they are masked wherever they turn up.
	 *
	 * @param string|null ...$secrets Secrets; null and short ones are ignored.
	 */
	public static function remember( ?string ...$secrets ): void {
		foreach ( $secrets as $secret ) {
			if ( null === $secret || strlen( $secret ) < self::MIN_SECRET_LENGTH ) {
				continue;
			}
			if ( end( self::$recent ) === $secret ) {
				continue;
			}
			// One in use again moves to the end, so what is forgotten is what was seen longest ago.
			$others       = array_values( array_diff( self::$recent, array( $secret ) ) );
			self::$recent = array_slice( array_merge( $others, array( $secret ) ), -self::MAX_KNOWN );
			self::$known  = self::$recent;
			// The longest first, so a secret that contains another is masked whole.
			usort( self::$known, static fn( string $a, string $b ): int => strlen( $b ) <=> strlen( $a ) );
		}
	}

	/**
	 * A redacted copy, whole: for the support report, whose text is long and keeps its lines.
	 *
	 * @param mixed $value Anything.
	 */
	public static function redact( mixed $value ): mixed {
		if ( is_array( $value ) ) {
			$clean = array();
			foreach ( $value as $key => $item ) {
				$clean[ $key ] = self::is_secret_key( $key ) ? self::MASK : self::redact( $item );
			}
			return $clean;
		}
		return is_string( $value ) ? self::text( $value ) : $value;
	}

	/**
	 * A redacted and bounded copy of evidence, as it may be shown or stored: strings without control
	 * characters and cut at MAX_LENGTH, at most MAX_ITEMS entries per array and MAX_DEPTH levels.
	 *
	 * @param array<mixed> $evidence What was observed.
	 * @return array<mixed>
	 */
	public static function evidence( array $evidence ): array {
		$bounded = self::bounded( $evidence, self::MAX_DEPTH );
		return is_array( $bounded ) ? $bounded : array();
	}

	/**
	 * One string with known secrets and credential-shaped values masked.
	 *
	 * @param string $text Text.
	 */
	public static function text( string $text ): string {
		// Shapes first: a token is masked whole, before a known value that is part of it could cut it.
		$text = (string) preg_replace_callback( self::JWT, static fn( array $match ): string => self::is_jose_header( $match[0] ) ? self::TOKEN_MASK : $match[0], $text );
		$text = (string) preg_replace( self::CREDENTIAL, '$1 ' . self::MASK, $text );
		return array() === self::$known ? $text : str_replace( self::$known, self::MASK, $text );
	}

	/**
	 * Evidence, redacted and bounded, from a given depth.
	 *
	 * @param mixed $value Anything.
	 * @param int   $depth Levels left.
	 */
	private static function bounded( mixed $value, int $depth ): mixed {
		if ( is_array( $value ) ) {
			if ( $depth <= 0 ) {
				return '[' . count( $value ) . ' entries]';
			}
			$clean = array();
			foreach ( array_slice( $value, 0, self::MAX_ITEMS, true ) as $key => $item ) {
				$key           = is_string( $key ) ? self::cut( self::strip( $key ), 64 ) : $key;
				$clean[ $key ] = self::is_secret_key( $key ) ? self::MASK : self::bounded( $item, $depth - 1 );
			}
			if ( count( $value ) > self::MAX_ITEMS ) {
				$clean['…'] = ( count( $value ) - self::MAX_ITEMS ) . ' more';
			}
			return $clean;
		}
		if ( is_string( $value ) ) {
			// Redacted before it is cut, so a cut never leaves the start of a token unrecognised.
			return self::cut( self::text( self::strip( $value ) ), self::MAX_LENGTH );
		}
		return is_scalar( $value ) || null === $value ? $value : '[' . get_debug_type( $value ) . ']';
	}

	/**
	 * Whether an array key names a secret.
	 *
	 * @param int|string $key Key.
	 */
	private static function is_secret_key( int|string $key ): bool {
		return is_string( $key ) && 1 === preg_match( self::SECRET_KEYS, $key );
	}

	/**
	 * Text with control characters (and invalid UTF-8) replaced by a space.
	 *
	 * @param string $text Text.
	 */
	private static function strip( string $text ): string {
		$valid = wp_check_invalid_utf8( $text, true );
		return (string) preg_replace( self::CONTROL, ' ', $valid );
	}

	/**
	 * Text cut at a length, in characters, marked when cut.
	 *
	 * @param string $text   Text.
	 * @param int    $length Most characters kept.
	 */
	private static function cut( string $text, int $length ): string {
		return mb_strlen( $text ) > $length ? mb_substr( $text, 0, $length ) . '…' : $text;
	}

	/**
	 * Whether a dotted value starts with a JOSE header: base64url of a JSON object, `{"` after any spaces.
	 * Host names such as api.example.com share the dots but not the header.
	 *
	 * @param string $candidate Three or five dotted segments.
	 */
	private static function is_jose_header( string $candidate ): bool {
		$start = base64_decode( strtr( substr( $candidate, 0, 8 ), '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- reads a token's header, not obfuscation.
		return false !== $start && 1 === preg_match( '/^\{\s*"/', $start );
	}
}
