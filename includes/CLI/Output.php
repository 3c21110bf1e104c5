<?php
/**
 * How the WP-CLI commands print.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Diagnosis\Catalog;
use WP_CLI;
use WP_CLI\Formatter;
use WP_Error;

/**
 * One way to print for every command: data through WP-CLI's formatter on STDOUT, nothing else there in a
 * machine format, and every error on STDERR as "Error: <message> [<code>]", the code being a stable
 * diagnosis or error code a script can match.
 */
final class Output {

	/**
	 * The format asked for.
	 *
	 * @param array<string, mixed> $assoc_args Options of the command.
	 * @param string               $fallback   The command's default format.
	 */
	public static function format( array $assoc_args, string $fallback ): string {
		$format = $assoc_args['format'] ?? $fallback;
		return is_string( $format ) ? $format : $fallback;
	}

	/**
	 * Rows, as a table, CSV, JSON or YAML.
	 *
	 * @param array<array<string, mixed>> $items      Rows.
	 * @param array<string, mixed>        $assoc_args Options of the command (format, fields).
	 * @param string[]                    $fields     Columns shown unless --fields names others.
	 */
	public static function items( array $items, array $assoc_args, array $fields ): void {
		$json      = 'json' === self::format( $assoc_args, 'table' );
		$formatter = new Formatter( $assoc_args, $fields );
		$formatter->display_items( array_values( $items ) );
		if ( $json ) {
			// One document per line, so that `wp @all` output splits cleanly between sites.
			WP_CLI::line();
		}
	}

	/**
	 * One record, as Field/Value rows (table, CSV) or as a document (JSON, YAML).
	 *
	 * @param array<string, mixed> $item       The record.
	 * @param array<string, mixed> $assoc_args Options of the command (format).
	 */
	public static function item( array $item, array $assoc_args ): void {
		if ( 'json' === self::format( $assoc_args, 'table' ) ) {
			self::json( $item );
			return;
		}
		$formatter = new Formatter( $assoc_args, array_keys( $item ) );
		$formatter->display_item( $item );
	}

	/**
	 * A document as one line of JSON.
	 *
	 * @param mixed $data Anything JSON can hold.
	 */
	public static function json( mixed $data ): void {
		WP_CLI::line( (string) wp_json_encode( $data ) );
	}

	/**
	 * The message of a diagnosis, with its code.
	 *
	 * @param Finding $finding What went wrong.
	 */
	public static function describe( Finding $finding ): string {
		return sprintf( '%1$s [%2$s]', Catalog::title( $finding->code ), $finding->code );
	}

	/**
	 * Prints the reason on STDERR and stops with the exit code.
	 *
	 * @param Finding|WP_Error|string $reason A diagnosis, a REST error or a message.
	 * @param int                     $code   Exit code.
	 */
	public static function fail( $reason, int $code = Exit_Code::FAILED ): never {
		$message = is_string( $reason ) ? $reason : ( $reason instanceof Finding ? self::describe( $reason ) : self::from_error( $reason ) );
		WP_CLI::error( $message, false );
		WP_CLI::halt( $code );
	}

	/**
	 * The message of a REST error: its diagnosis when it has one, else the field at fault and its message, or the
	 * message and the fields core's schema checks refused.
	 *
	 * @param WP_Error $error The error.
	 */
	private static function from_error( WP_Error $error ): string {
		$data      = $error->get_error_data();
		$data      = is_array( $data ) ? $data : array();
		$diagnosis = $data['diagnosis'] ?? null;
		if ( is_array( $diagnosis ) && is_string( $diagnosis['code'] ?? null ) ) {
			return self::describe( new Finding( $diagnosis['code'] ) );
		}
		$message = $error->get_error_message();
		// The screen shows a message beside its field; a terminal has only the text to say which one.
		$field = $data['field'] ?? null;
		if ( is_string( $field ) && '' !== $field && ! str_contains( $message, $field ) ) {
			$message = $field . ': ' . $message;
		}
		// Schema failures name each field and the rule it breaks, never the value.
		$params = $data['params'] ?? null;
		if ( is_array( $params ) ) {
			$message .= ' ' . implode( ' ', array_filter( $params, 'is_string' ) );
		}
		return sprintf( '%1$s [%2$s]', $message, (string) $error->get_error_code() );
	}
}
