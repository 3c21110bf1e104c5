<?php
/**
 * The support report as plain text.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Report;

use Causerie\Connector\Log\Redactor;

/**
 * Renders a Support_Report as text to paste in an email or a ticket. The labels stay in English whatever the
 * site's language, like the copy of Site Health's information, so that support can read every report; the
 * diagnosis texts come as the admin saw them.
 */
final class Support_Report_Text {

	private const TITLES = array(
		'site'        => 'Site',
		'status'      => 'Status',
		'settings'    => 'Settings of the active profile',
		'server'      => 'Authorization server found from the API URL',
		'accessGrant' => 'Access token (the token itself is never included)',
		'liveChecks'  => 'Last live checks',
		'binding'     => 'Site address binding',
		'events'      => 'Recent events, newest first',
	);

	private const LABELS = array(
		'pluginVersion'         => 'Plugin version',
		'wordpressVersion'      => 'WordPress version',
		'phpVersion'            => 'PHP version',
		'multisite'             => 'Multisite',
		'environmentType'       => 'Environment type',
		'siteUrl'               => 'Site address',
		'wpCronDisabled'        => 'WP-Cron disabled (DISABLE_WP_CRON)',
		'persistentObjectCache' => 'Persistent object cache',
		'activeProfile'         => 'Active profile',
		'apiUrl'                => 'API URL',
		'issuer'                => 'Issuer',
		'tokenEndpoint'         => 'Token endpoint',
		'resource'              => 'Resource (RFC 9728)',
		'source'                => 'Found through',
		'revocation'            => 'Revocation endpoint (RFC 7009)',
		'introspection'         => 'Introspection endpoint (RFC 7662)',
		'format'                => 'Token format',
		'expiryKnown'           => 'Expiry stated by the server',
		'clientId'              => 'Client id',
		'clientCredential'      => 'Client secret',
		'requestedScopes'       => 'Requested scopes',
		'lockedFields'          => 'Set in wp-config.php or the environment',
		'held'                  => 'Token held',
		'profile'               => 'Issued for profile',
		'issuedAt'              => 'Issued at',
		'expiresAt'             => 'Expires at',
		'secondsLeft'           => 'Seconds left',
		'renewAt'               => 'Renewal due at',
		'scopes'                => 'Granted scopes',
		'refreshable'           => 'Refresh token issued',
		'clockSkewSeconds'      => 'API clock ahead by (seconds)',
		'moved'                 => 'Address changed since connecting',
		'paused'                => 'Connection paused',
	);

	/**
	 * The report as text.
	 *
	 * @param array<string, mixed> $report       A Support_Report's sections, already redacted.
	 * @param string               $generated_at When it was made (ISO 8601).
	 */
	public static function render( array $report, string $generated_at ): string {
		$lines = array(
			'Causerie Connector support report',
			'Generated at: ' . $generated_at,
			'It holds no secret and no token.',
		);
		foreach ( $report as $section => $content ) {
			$lines[] = '';
			$lines[] = '## ' . ( self::TITLES[ $section ] ?? $section );
			$content = is_array( $content ) ? $content : array();
			array_push(
				$lines,
				...match ( $section ) {
					'status' => self::status( $content ),
					'liveChecks' => self::checks( $content ),
					'events' => self::events( $content ),
					default => self::fields( $content ),
				}
			);
		}
		$text = Redactor::redact( implode( "\n", $lines ) . "\n" );
		return is_string( $text ) ? $text : '';
	}

	/**
	 * One "Label: value" line per field.
	 *
	 * @param array<mixed> $fields Fields.
	 * @return list<string>
	 */
	private static function fields( array $fields ): array {
		$lines = array();
		foreach ( $fields as $key => $value ) {
			if ( 'lockedFields' === $key && is_array( $value ) ) {
				$value = array_map(
					static fn( mixed $lock ): string => is_array( $lock ) ? self::format( $lock['field'] ?? '' ) . ' (' . self::format( $lock['source'] ?? '' ) . ')' : self::format( $lock ),
					$value
				);
			}
			$lines[] = ( self::LABELS[ $key ] ?? (string) $key ) . ': ' . self::format( $value );
		}
		return $lines;
	}

	/**
	 * The state and the diagnosis with its steps.
	 *
	 * @param array<mixed> $status Status section.
	 * @return list<string>
	 */
	private static function status( array $status ): array {
		$lines     = array( 'State: ' . self::format( $status['state'] ?? null ) );
		$diagnosis = $status['diagnosis'] ?? null;
		if ( is_array( $diagnosis ) ) {
			$lines[] = 'Diagnosis: ' . self::format( $diagnosis['code'] ?? null ) . ' (' . self::format( $diagnosis['severity'] ?? null ) . ') ' . self::format( $diagnosis['title'] ?? null );
			$lines[] = 'Explanation: ' . self::format( $diagnosis['explanation'] ?? null );
			$steps   = $diagnosis['steps'] ?? array();
			foreach ( array_values( is_array( $steps ) ? $steps : array() ) as $index => $step ) {
				$lines[] = sprintf( '  %d. %s', $index + 1, self::format( $step ) );
			}
		} else {
			$lines[] = 'Diagnosis: none';
		}
		$lines[] = 'Last checked at: ' . self::format( $status['checkedAt'] ?? null );
		$healed  = $status['healed'] ?? null;
		if ( is_array( $healed ) ) {
			$lines[] = 'Repaired by itself at ' . self::format( $healed['at'] ?? null ) . ': ' . self::format( $healed['code'] ?? null );
		}
		return $lines;
	}

	/**
	 * One line per check: status, diagnosis and evidence.
	 *
	 * @param array<mixed> $last Live checks section.
	 * @return list<string>
	 */
	private static function checks( array $last ): array {
		$checks = $last['checks'] ?? null;
		if ( ! is_array( $checks ) || array() === $checks ) {
			return array( 'Never run.' );
		}
		$lines = array( 'Checked at: ' . self::format( $last['checkedAt'] ?? null ) );
		foreach ( $checks as $check ) {
			$check = is_array( $check ) ? $check : array();
			$code  = $check['code'] ?? '';
			$line  = '- ' . self::format( $check['id'] ?? null ) . ': ' . self::format( $check['status'] ?? null );
			if ( is_string( $code ) && '' !== $code ) {
				$line .= ', ' . $code . ': ' . self::format( $check['message'] ?? null );
			}
			$evidence = $check['evidence'] ?? array();
			$lines[]  = $line . ( array() === $evidence ? '' : ' ' . self::format( $evidence ) );
		}
		return $lines;
	}

	/**
	 * One line per event: time, kind, code and context.
	 *
	 * @param array<mixed> $events Events section.
	 * @return list<string>
	 */
	private static function events( array $events ): array {
		if ( array() === $events ) {
			return array( 'None recorded.' );
		}
		$lines = array();
		foreach ( $events as $event ) {
			$event   = is_array( $event ) ? $event : array();
			$context = $event['context'] ?? array();
			$lines[] = self::format( $event['createdAt'] ?? null ) . ' ' . self::format( $event['kind'] ?? null ) . ' ' . self::format( $event['code'] ?? null )
				. ( array() === $context ? '' : ' ' . self::format( $context ) );
		}
		return $lines;
	}

	/**
	 * A value in a few readable characters.
	 *
	 * @param mixed $value Value.
	 */
	private static function format( mixed $value ): string {
		if ( null === $value ) {
			return '-';
		}
		if ( is_bool( $value ) ) {
			return $value ? 'yes' : 'no';
		}
		if ( is_scalar( $value ) ) {
			return '' === (string) $value ? '-' : (string) $value;
		}
		if ( is_array( $value ) && array_is_list( $value ) && array() === array_filter( $value, static fn( mixed $item ): bool => ! is_scalar( $item ) ) ) {
			return array() === $value ? 'none' : implode( ', ', array_map( static fn( mixed $item ): string => self::format( $item ), $value ) );
		}
		return (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}
}
