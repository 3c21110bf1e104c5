<?php
/**
 * The `wp causerie report` command.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\CLI;

use Causerie\Connector\Report\Support_Report;
use WP_CLI;

/**
 * Prints the support report.
 */
final class Report_Command {

	/**
	 * Constructor.
	 *
	 * @param Support_Report $report Builds the report.
	 */
	public function __construct( private readonly Support_Report $report ) {}

	/**
	 * Prints the redacted support report, to send to Causerie's support.
	 *
	 * Versions, environment, settings, token schedule, status, last live checks, site binding and recent events: the report the plugin's screen offers to copy. It never holds the secret or a token.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: the plain-text report; json: generatedAt, report (the data) and text, as GET /causerie/v1/report answers.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie report > causerie-report.txt
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$report = $this->report->generate();
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( $report );
			return;
		}
		WP_CLI::line( rtrim( $report['text'] ) );
	}
}
