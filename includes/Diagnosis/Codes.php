<?php
/**
 * The diagnosis codes shared with the admin app.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Diagnosis;

/**
 * Reads codes.json, the one list of codes that both PHP and TypeScript use, so the two can't drift.
 */
final class Codes {

	/**
	 * Parsed codes, read once per request.
	 *
	 * @var array<string, array{severity: string, source: string}>|null
	 */
	private static ?array $codes = null;

	/**
	 * Every code with its severity and source.
	 *
	 * @return array<string, array{severity: string, source: string}>
	 */
	public static function all(): array {
		if ( null === self::$codes ) {
			$json        = file_get_contents( __DIR__ . '/codes.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file shipped with the plugin.
			$decoded     = json_decode( false === $json ? '' : $json, true );
			$codes       = is_array( $decoded ) && isset( $decoded['codes'] ) && is_array( $decoded['codes'] ) ? $decoded['codes'] : array();
			self::$codes = array();
			foreach ( $codes as $code => $meta ) {
				if ( is_array( $meta ) && isset( $meta['severity'], $meta['source'] ) && is_string( $meta['severity'] ) && is_string( $meta['source'] ) ) {
					self::$codes[ (string) $code ] = array(
						'severity' => $meta['severity'],
						'source'   => $meta['source'],
					);
				}
			}
		}
		return self::$codes;
	}

	/**
	 * Whether a code is defined.
	 *
	 * @param string $code Diagnosis code.
	 */
	public static function exists( string $code ): bool {
		return isset( self::all()[ $code ] );
	}
}
