<?php
/**
 * The `wp causerie widget` commands.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\CLI;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Widget\Widget_Service;
use WP_CLI;

/**
 * Shows and switches the chat widget, through the same service as the plugin's screen: turning it on registers
 * this site's address at Causerie and fetches the bot, or fails and changes nothing.
 *
 * ## EXIT STATUS
 *
 *     0  done; for status: the widget is off, or on and shown to visitors
 *     1  the command failed: the API refused to turn the widget on (the error names the diagnosis)
 *     2  status: the widget is on but its bot was never fetched, so visitors don't see it yet
 *     3  status: the widget is on but hidden, because the connection is broken
 */
final class Widget_Command {

	/**
	 * Constructor.
	 *
	 * @param Widget_Options $options The widget's option.
	 * @param Widget_Service $service Turns it on and off.
	 */
	public function __construct(
		private readonly Widget_Options $options,
		private readonly Widget_Service $service
	) {}

	/**
	 * Shows whether visitors see the chat widget, without calling the API.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : text: key=value pairs on one line (state, problem, placement, bot, origin, fetched_at, and message when hidden); json: the same as an object.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 off or shown, 2 on without a bot yet, 3 hidden by a broken connection.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie widget status
	 *     state=on problem=- placement=everywhere bot=bot_da0077d17ea6aebd9752 origin=https://example.org fetched_at=2026-05-04T10:00:00+00:00
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function status( array $args, array $assoc_args ): void {
		$state   = $this->service->state();
		$bot     = $this->options->bot();
		$problem = Widget_Service::STATE_HIDDEN === $state ? $this->options->problem() : null;
		$status  = array(
			'state'     => $state,
			'problem'   => $problem,
			'placement' => $this->options->settings()['placement'],
			'botId'     => $bot['botId'] ?? null,
			'origin'    => null === $bot || '' === $bot['origin'] ? null : $bot['origin'],
			'fetchedAt' => null === $bot || 0 === $bot['fetchedAt'] ? null : gmdate( 'c', $bot['fetchedAt'] ),
		);
		if ( 'json' === Output::format( $assoc_args, 'text' ) ) {
			Output::json( $status + array( 'message' => null === $problem ? null : Catalog::title( $problem ) ) );
		} else {
			$pairs = array(
				'state'      => $state,
				'problem'    => $problem ?? '-',
				'placement'  => $status['placement'],
				'bot'        => $status['botId'] ?? '-',
				'origin'     => $status['origin'] ?? '-',
				'fetched_at' => $status['fetchedAt'] ?? '-',
			);
			if ( null !== $problem ) {
				$pairs['message'] = '"' . addcslashes( Catalog::title( $problem ), '"\\' ) . '"';
			}
			WP_CLI::line( implode( ' ', array_map( static fn( string $key, string $text ): string => $key . '=' . $text, array_keys( $pairs ), $pairs ) ) );
		}
		$code = match ( $state ) {
			Widget_Service::STATE_HIDDEN => Exit_Code::BROKEN,
			Widget_Service::STATE_UNAVAILABLE => Exit_Code::ATTENTION,
			default => Exit_Code::OK,
		};
		if ( Exit_Code::OK !== $code ) {
			WP_CLI::halt( $code );
		}
	}

	/**
	 * Turns the chat widget on: registers this site's address at Causerie and fetches the bot.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie widget enable
	 *     Success: The chat widget is on.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function enable( array $args, array $assoc_args ): void {
		$refused = $this->service->update( array( 'enabled' => true ) );
		if ( null !== $refused ) {
			Output::fail( $refused );
		}
		WP_CLI::success(
			Widget_Service::STATE_HIDDEN === $this->service->state()
				? __( 'The chat widget is on, but hidden from visitors until the connection is fixed: run wp causerie check.', 'causerie-connector' )
				: __( 'The chat widget is on.', 'causerie-connector' )
		);
	}

	/**
	 * Turns the chat widget off. Always works here; this site's address is removed at Causerie when it answers.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp causerie widget disable
	 *     Success: The chat widget is off.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function disable( array $args, array $assoc_args ): void {
		$this->service->update( array( 'enabled' => false ) );
		WP_CLI::success( __( 'The chat widget is off.', 'causerie-connector' ) );
	}
}
