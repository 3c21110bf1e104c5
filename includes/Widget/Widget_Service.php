<?php
/**
 * Turning the widget on and off, and keeping the bot's description current.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

use Causerie\Connector\Diagnosis\Finding;

/**
 * The one place that changes the widget's option for the owner (the REST route and WP-CLI go through it) and for
 * cron. Turning the widget on registers the site origin and fetches the bot, and stores nothing unless both
 * worked; turning it off always works here, and removing the origin at Causerie follows as a best effort
 * (Origin_Removals keeps what failed for the daily refresh). The bot's `origin` is the origin registered for it.
 *
 * @phpstan-import-type Bot from Widget_Options
 * @phpstan-import-type Settings from Widget_Options
 */
final class Widget_Service {

	public const STATE_OFF         = 'off';
	public const STATE_ON          = 'on';
	public const STATE_HIDDEN      = 'hidden';
	public const STATE_UNAVAILABLE = 'unavailable';

	/**
	 * Constructor.
	 *
	 * @param Widget_Options  $options  The widget's option.
	 * @param Widget_Api      $api      The widget's routes of the API.
	 * @param Origin_Removals $removals Origins left to remove.
	 */
	public function __construct(
		private readonly Widget_Options $options,
		private readonly Widget_Api $api,
		private readonly Origin_Removals $removals
	) {}

	/**
	 * Off (turned off), on (shown to visitors), hidden (on, but the connection is broken) or unavailable (on,
	 * but the bot was never described).
	 */
	public function state(): string {
		return match ( true ) {
			! $this->options->settings()['enabled'] => self::STATE_OFF,
			! $this->options->healthy() => self::STATE_HIDDEN,
			null === $this->options->bot() => self::STATE_UNAVAILABLE,
			default => self::STATE_ON,
		};
	}

	/**
	 * Changes some of the owner's choices. Turning the widget on, or saving while it has no bot yet, needs the API:
	 * when it refuses, nothing changes and the finding says why. A widget already on keeps its bot when a refresh
	 * fails, and the owner's other choices are saved.
	 *
	 * @param array<string, mixed> $changes Settings as Widget_Options::sanitize() takes them; appearance may be partial.
	 */
	public function update( array $changes ): ?Finding {
		$before = $this->options->settings();
		$after  = Widget_Options::sanitize( self::merged( $before, $changes ) );
		if ( $after['enabled'] ) {
			$bot = $this->registered();
			if ( $bot instanceof Finding && ( ! $before['enabled'] || null === $this->options->bot() ) ) {
				return $bot;
			}
			if ( is_array( $bot ) ) {
				$this->keep( $bot );
			}
		} else {
			$this->release();
		}
		$this->options->save_settings( $after );
		$this->remove_stale();
		return null;
	}

	/**
	 * Registers the origin again and fetches the bot, for a widget that is on: the daily refresh, a move of the
	 * site, the connection coming back. For one that is off, only removes what is left to remove.
	 */
	public function refresh(): ?Finding {
		$failed = null;
		if ( $this->options->settings()['enabled'] ) {
			$bot    = $this->registered();
			$failed = $bot instanceof Finding ? $bot : null;
			if ( is_array( $bot ) ) {
				$this->keep( $bot );
			}
		}
		$this->remove_stale();
		return $failed;
	}

	/**
	 * Removes the origins the widget no longer uses, until the API fails: the rest waits for the next refresh.
	 */
	public function remove_stale(): void {
		$bot    = $this->options->bot();
		$in_use = $this->options->settings()['enabled'] && null !== $bot ? $bot['origin'] : '';
		foreach ( $this->removals->pending() as $origin ) {
			$failed = $origin === $in_use ? null : $this->api->remove( $origin );
			// An origin the API refuses to parse can never be removed; anything else may work later.
			if ( null !== $failed && 'request_refused' !== $failed->code ) {
				return;
			}
			$this->removals->forget( $origin );
		}
	}

	/**
	 * The site origin registered and the bot described, or why not.
	 *
	 * @return Bot|Finding
	 */
	private function registered(): array|Finding {
		$origin  = Site_Origin::current();
		$refused = $this->api->register( $origin );
		if ( null !== $refused ) {
			return $refused;
		}
		$bot = $this->api->describe();
		if ( is_array( $bot ) ) {
			$bot['origin'] = $origin;
		}
		return $bot;
	}

	/**
	 * Stores a bot just described; the origin it was registered under before, if another, is left to remove.
	 *
	 * @param array<string, mixed> $bot The bot, with the origin registered for it.
	 *
	 * @phpstan-param Bot $bot
	 */
	private function keep( array $bot ): void {
		$before = $this->options->bot()['origin'] ?? '';
		$this->options->save_bot( $bot );
		$this->removals->forget( $bot['origin'] );
		if ( '' !== $before && $before !== $bot['origin'] ) {
			$this->removals->add( $before );
		}
	}

	/**
	 * Turning off: the bot stays for the screen's preview, and its origin is left to remove.
	 */
	private function release(): void {
		$bot = $this->options->bot();
		if ( null !== $bot && '' !== $bot['origin'] ) {
			$this->removals->add( $bot['origin'] );
			$this->options->save_bot( array( 'origin' => '' ) + $bot );
		}
	}

	/**
	 * The stored choices with some changed; the appearance is changed key by key, lists are replaced.
	 *
	 * @param array<string, mixed> $settings The stored choices.
	 * @param array<string, mixed> $changes  What changes.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param Settings $settings
	 */
	private static function merged( array $settings, array $changes ): array {
		$merged = array_merge( $settings, $changes );
		if ( is_array( $changes['appearance'] ?? null ) ) {
			$merged['appearance'] = array_merge( $settings['appearance'], $changes['appearance'] );
		}
		return $merged;
	}
}
