<?php
/**
 * The widget follows the connection's health.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

use Causerie\Connector\Health\Check_Result;
use Causerie\Connector\Health\Live_Checks;

/**
 * Every run of the live checks (the daily cron check, the screen's, WP-CLI's) records whether the widget may
 * show: a broken connection hides it, never breaks it, and a healthy run shows it again. Page views only read
 * what this wrote. A run that finds the connection working while the widget is on without a bot fetches it.
 */
final class Widget_Health {

	/**
	 * Constructor.
	 *
	 * @param Widget_Options $options The widget's option.
	 * @param Widget_Service $service Fetches the bot.
	 */
	public function __construct(
		private readonly Widget_Options $options,
		private readonly Widget_Service $service
	) {}

	/**
	 * Listens to the checks.
	 */
	public function register(): void {
		add_action( Live_Checks::CHECKED, array( $this, 'checked' ) );
	}

	/**
	 * Records what the checks found.
	 *
	 * @param mixed $results The checks' results.
	 */
	public function checked( mixed $results ): void {
		if ( ! is_array( $results ) ) {
			return;
		}
		$problem = self::problem_of( array_filter( $results, static fn( mixed $result ): bool => $result instanceof Check_Result ) );
		$this->options->set_health( null === $problem, $problem );
		if ( null === $problem && $this->options->settings()['enabled'] && null === $this->options->bot() ) {
			$this->service->refresh();
		}
	}

	/**
	 * The code of the first failed check that stops the widget, or null when none does. A warning never hides it;
	 * nor does a clock out of step while the API still answers (the token check fails when it matters), nor a
	 * missing scope the widget does not need (read:conversations, write:knowledge).
	 *
	 * @param Check_Result[] $results The checks, in their order.
	 */
	public static function problem_of( array $results ): ?string {
		foreach ( $results as $result ) {
			if ( Check_Result::ERROR !== $result->status || 'clock' === $result->id ) {
				continue;
			}
			$granted = $result->evidence['granted'] ?? null;
			if ( 'scopes' === $result->id && is_array( $granted ) && in_array( Widget_Api::SCOPE, $granted, true ) ) {
				continue;
			}
			return '' === $result->code ? 'request_refused' : $result->code;
		}
		return null;
	}
}
