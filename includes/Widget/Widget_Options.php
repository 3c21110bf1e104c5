<?php
/**
 * The chat widget's configuration: the owner's choices, the bot as the API last described it, and whether the
 * connection was healthy at the last look.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Widget;

/**
 * One small autoloaded option, so a page view decides whether and how to show the widget without a query or a
 * remote call. Only the owner's screen, WP-CLI and cron write it. It must always exist: a missing option costs
 * a query on every page view (WordPress looks it up, then remembers the miss only for that request).
 *
 * - settings: what the owner chose (see sanitize());
 * - bot: what `GET /v1/widget` answered, as the page needs it, with the site origin registered for it;
 * - healthy: whether the last check found the connection working (the widget hides, never breaks, when not);
 * - problem: the diagnosis code that hid it, for the screen and the CLI.
 *
 * @phpstan-type Appearance array{color: string, position: string, greeting: string, launcherText: string}
 * @phpstan-type Settings array{enabled: bool, placement: string, types: list<string>, exclude: list<int>, appearance: Appearance, consent: string}
 * @phpstan-type Bot array{botId: string, scriptUrl: string, chatUrl: string, greeting: string, color: string, textColor: string, position: string, origin: string, fetchedAt: int}
 */
final class Widget_Options {

	public const OPTION = 'causerie_connector_widget';

	/**
	 * Where the bubble shows by itself: on every page, on chosen post types' single views, on every page but
	 * listed posts, or nowhere (only where a block or shortcode asks for it).
	 */
	public const PLACEMENTS = array( 'everywhere', 'types', 'except', 'manual' );

	public const POSITIONS = array( 'bottom-right', 'bottom-left' );

	/**
	 * Without the WP Consent API: load at once, or wait for the page to signal consent.
	 */
	public const CONSENT = array( 'none', 'signal' );

	/**
	 * Posts listed for types or exclusions, at most: the option stays small.
	 */
	public const MAX_LISTED = 200;

	/**
	 * What a new install starts with: off, and everywhere once turned on.
	 *
	 * @return Settings
	 */
	public static function defaults(): array {
		return array(
			'enabled'    => false,
			'placement'  => 'everywhere',
			'types'      => array(),
			'exclude'    => array(),
			'appearance' => array(
				'color'        => '',
				'position'     => '',
				'greeting'     => '',
				'launcherText' => '',
			),
			'consent'    => 'none',
		);
	}

	/**
	 * Keeps known keys with valid values, and defaults for the rest. Empty appearance values follow the bot.
	 *
	 * @param mixed $value Stored or given settings.
	 * @return Settings
	 */
	public static function sanitize( mixed $value ): array {
		$value    = is_array( $value ) ? $value : array();
		$settings = self::defaults();
		if ( is_bool( $value['enabled'] ?? null ) ) {
			$settings['enabled'] = $value['enabled'];
		}
		if ( in_array( $value['placement'] ?? null, self::PLACEMENTS, true ) ) {
			$settings['placement'] = $value['placement'];
		}
		if ( is_array( $value['types'] ?? null ) ) {
			$types             = array_filter( $value['types'], static fn( $type ): bool => is_string( $type ) && '' !== $type && sanitize_key( $type ) === $type );
			$settings['types'] = array_slice( array_values( array_unique( $types ) ), 0, self::MAX_LISTED );
		}
		if ( is_array( $value['exclude'] ?? null ) ) {
			$ids                 = array_filter( $value['exclude'], static fn( $id ): bool => is_int( $id ) && $id > 0 );
			$settings['exclude'] = array_slice( array_values( array_unique( $ids ) ), 0, self::MAX_LISTED );
		}
		$appearance = is_array( $value['appearance'] ?? null ) ? $value['appearance'] : array();
		$color      = $appearance['color'] ?? '';
		if ( is_string( $color ) && 1 === preg_match( '/^#[0-9a-f]{6}$/', $color ) ) {
			$settings['appearance']['color'] = $color;
		}
		if ( in_array( $appearance['position'] ?? null, self::POSITIONS, true ) ) {
			$settings['appearance']['position'] = $appearance['position'];
		}
		foreach ( array(
			'greeting'     => 200,
			'launcherText' => 40,
		) as $key => $max ) {
			if ( is_string( $appearance[ $key ] ?? null ) ) {
				$settings['appearance'][ $key ] = mb_substr( trim( sanitize_text_field( $appearance[ $key ] ) ), 0, $max );
			}
		}
		if ( in_array( $value['consent'] ?? null, self::CONSENT, true ) ) {
			$settings['consent'] = $value['consent'];
		}
		return $settings;
	}

	/**
	 * The owner's choices.
	 *
	 * @return Settings
	 */
	public function settings(): array {
		return self::sanitize( $this->all()['settings'] ?? null );
	}

	/**
	 * Stores the owner's choices, sanitized.
	 *
	 * @param array<string, mixed> $settings Settings as sanitize() takes them.
	 */
	public function save_settings( array $settings ): void {
		$this->write( array( 'settings' => self::sanitize( $settings ) ) );
	}

	/**
	 * The bot as the API last described it, or null before the first answer.
	 *
	 * @return Bot|null
	 */
	public function bot(): ?array {
		$bot = $this->all()['bot'] ?? null;
		if ( ! is_array( $bot ) || ! is_string( $bot['botId'] ?? null ) || ! is_string( $bot['scriptUrl'] ?? null ) || ! is_string( $bot['chatUrl'] ?? null ) ) {
			return null;
		}
		$text = static fn( string $key ): string => is_string( $bot[ $key ] ?? null ) ? $bot[ $key ] : '';
		return array(
			'botId'     => $bot['botId'],
			'scriptUrl' => $bot['scriptUrl'],
			'chatUrl'   => $bot['chatUrl'],
			'greeting'  => $text( 'greeting' ),
			'color'     => $text( 'color' ),
			'textColor' => $text( 'textColor' ),
			'position'  => $text( 'position' ),
			'origin'    => $text( 'origin' ),
			'fetchedAt' => is_int( $bot['fetchedAt'] ?? null ) ? $bot['fetchedAt'] : 0,
		);
	}

	/**
	 * Keeps the bot's description, or forgets it.
	 *
	 * @param array<string, mixed>|null $bot As bot() returns it.
	 */
	public function save_bot( ?array $bot ): void {
		$this->write( array( 'bot' => $bot ) );
	}

	/**
	 * Whether the last look found the connection healthy. A new install counts as healthy until a check says not.
	 */
	public function healthy(): bool {
		return false !== ( $this->all()['healthy'] ?? true );
	}

	/**
	 * The diagnosis code that hides the widget, if any.
	 */
	public function problem(): ?string {
		$problem = $this->all()['problem'] ?? null;
		return is_string( $problem ) ? $problem : null;
	}

	/**
	 * Records the connection's health, with the code that broke it. Writes only on change, as checks run often.
	 *
	 * @param bool        $healthy Whether the connection works.
	 * @param string|null $problem The diagnosis code when it does not.
	 */
	public function set_health( bool $healthy, ?string $problem = null ): void {
		$problem = $healthy ? null : $problem;
		if ( $this->healthy() !== $healthy || $this->problem() !== $problem ) {
			$this->write(
				array(
					'healthy' => $healthy,
					'problem' => $problem,
				)
			);
		}
	}

	/**
	 * Whether a page may show the widget: turned on, the bot known, and the connection healthy.
	 */
	public function shown(): bool {
		return $this->settings()['enabled'] && $this->healthy() && null !== $this->bot();
	}

	/**
	 * Creates the option, autoloaded, when it is missing: on activation and on the admin side of an update.
	 */
	public function ensure(): void {
		if ( false === get_option( self::OPTION ) ) {
			add_option( self::OPTION, array( 'settings' => self::defaults() ), '', true );
		}
	}

	/**
	 * The stored array; read from the autoloaded options, so it costs no query.
	 *
	 * @return array<string, mixed>
	 */
	private function all(): array {
		$stored = get_option( self::OPTION, array() );
		/**
		 * Written only by write(), with string keys.
		 *
		 * @var array<string, mixed>
		 */
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * Changes some keys, keeping the option autoloaded; null removes a key.
	 *
	 * @param array<string, mixed> $changes Key → value.
	 */
	private function write( array $changes ): void {
		$stored = $this->all();
		foreach ( $changes as $key => $value ) {
			if ( null === $value ) {
				unset( $stored[ $key ] );
			} else {
				$stored[ $key ] = $value;
			}
		}
		update_option( self::OPTION, $stored, true );
	}
}
