<?php
/**
 * A Site Health test result in core's shape.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Diagnosis\Catalog;

/**
 * Builds what core's Site Health screen shows for a test: label, status, badge, description, actions and
 * the test's id. A problem is told with the diagnosis's own title, explanation and steps, and links to the
 * fix on the plugin's screen, so Site Health and the plugin say the same thing.
 *
 * @phpstan-type Result array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
 */
final class Site_Health_Result {

	public const GOOD        = 'good';
	public const RECOMMENDED = 'recommended';
	public const CRITICAL    = 'critical';

	/**
	 * The fragment that makes the plugin's screen open its fix wizard.
	 */
	public const FIX_FRAGMENT = '#fix';

	/**
	 * A passed test.
	 *
	 * @param string $test   Core test id.
	 * @param string $label  What is fine, in one line.
	 * @param string $detail What was measured.
	 * @phpstan-return Result
	 */
	public static function good( string $test, string $label, string $detail ): array {
		return self::make( $test, self::GOOD, $label, array( $detail ), array(), false );
	}

	/**
	 * A failed test, told by its diagnosis.
	 *
	 * @param string $test   Core test id.
	 * @param string $code   Diagnosis code.
	 * @param string $status recommended or critical.
	 * @param string $detail What was measured, in words; empty for none.
	 * @phpstan-return Result
	 */
	public static function problem( string $test, string $code, string $status, string $detail = '' ): array {
		$fix = Catalog::describe( $code );
		return self::make( $test, $status, $fix['title'], array( $fix['explanation'], $detail ), $fix['steps'], true );
	}

	/**
	 * A failed live check, critical or recommended by how bad it is.
	 *
	 * @param string       $test   Core test id.
	 * @param Check_Result $check  The check that failed.
	 * @param string       $detail What was measured, in words; empty for none.
	 * @phpstan-return Result
	 */
	public static function failed_check( string $test, Check_Result $check, string $detail = '' ): array {
		return self::problem( $test, $check->code, self::status_of( $check ), $detail );
	}

	/**
	 * A test that could not run because the connection fails earlier: recommended, as core reports a test
	 * it could not run.
	 *
	 * @param string $test  Core test id.
	 * @param string $label What could not be checked, in one line.
	 * @phpstan-return Result
	 */
	public static function not_checked( string $test, string $label ): array {
		return self::make(
			$test,
			self::RECOMMENDED,
			$label,
			array( __( 'This needs a working connection to Causerie, and the connection fails earlier: the "Causerie connection" test names the cause.', 'causerie-connector' ) ),
			array(),
			true
		);
	}

	/**
	 * A result with its own words, for what has no diagnosis code.
	 *
	 * @param string   $test       Core test id.
	 * @param string   $status     good, recommended or critical.
	 * @param string   $label      One line.
	 * @param string[] $paragraphs Explanation; empty strings are left out.
	 * @param string[] $steps      Ordered steps of the fix.
	 * @param bool     $fix        Whether to link to the fix wizard rather than the screen.
	 * @phpstan-param list<string> $paragraphs
	 * @phpstan-param list<string> $steps
	 * @phpstan-return Result
	 */
	public static function make( string $test, string $status, string $label, array $paragraphs, array $steps, bool $fix ): array {
		$description = '';
		foreach ( $paragraphs as $paragraph ) {
			$description .= '' === $paragraph ? '' : '<p>' . esc_html( $paragraph ) . '</p>';
		}
		if ( array() !== $steps ) {
			$description .= '<ol>' . implode( '', array_map( static fn( string $step ): string => '<li>' . esc_html( $step ) . '</li>', $steps ) ) . '</ol>';
		}
		$url = admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) . ( $fix ? self::FIX_FRAGMENT : '' );
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Causerie', 'causerie-connector' ),
				'color' => 'blue',
			),
			'description' => $description,
			'actions'     => sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url( $url ),
				esc_html( $fix ? __( 'Fix it on the Causerie screen', 'causerie-connector' ) : __( 'Open the Causerie screen', 'causerie-connector' ) )
			),
			'test'        => $test,
		);
	}

	/**
	 * A time in the site's date and time format and time zone.
	 *
	 * @param int $time Unix time.
	 */
	public static function local_time( int $time ): string {
		$date   = get_option( 'date_format' );
		$clock  = get_option( 'time_format' );
		$format = ( is_string( $date ) && '' !== $date ? $date : 'Y-m-d' ) . ' ' . ( is_string( $clock ) && '' !== $clock ? $clock : 'H:i' );
		$local  = wp_date( $format, $time );
		return false === $local ? gmdate( 'c', $time ) : $local;
	}

	/**
	 * Critical when the check failed and the chatbot is down; recommended for warnings and for what only
	 * needs an admin's attention (a paused copy, credentials not entered yet).
	 *
	 * @param Check_Result $check A check that did not pass.
	 */
	public static function status_of( Check_Result $check ): string {
		$severity = Catalog::severity( $check->code );
		return Check_Result::ERROR === $check->status && 'info' !== $severity ? self::CRITICAL : self::RECOMMENDED;
	}
}
