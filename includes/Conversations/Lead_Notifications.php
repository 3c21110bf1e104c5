<?php
/**
 * Whether, how and to whom new leads are emailed.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Alerts\Alert_Recipient;

/**
 * One small option: `mode` (off, instant or daily; off by default) and `email`, empty for the alert emails'
 * recipient. Declared once with register_setting(), so whoever writes it goes through the sanitizer.
 *
 * @phpstan-type Notifications array{mode: string, email: string}
 */
final class Lead_Notifications {

	public const OPTION = 'causerie_connector_lead_notifications';

	public const OFF     = 'off';
	public const INSTANT = 'instant';
	public const DAILY   = 'daily';
	public const MODES   = array( self::OFF, self::INSTANT, self::DAILY );

	/**
	 * Constructor.
	 *
	 * @param Alert_Recipient $recipient Where alerts go, the address used when none is chosen.
	 */
	public function __construct( private readonly Alert_Recipient $recipient ) {}

	/**
	 * Declares the setting.
	 */
	public function register(): void {
		// The back office registers on REST, admin and WP-CLI requests once init has run.
		if ( did_action( 'init' ) > 0 ) {
			$this->register_setting();
			return;
		}
		add_action( 'init', array( $this, 'register_setting' ) );
	}

	/**
	 * Declares the option with its type, default and sanitizer.
	 */
	public function register_setting(): void {
		register_setting(
			Alert_Recipient::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'description'       => __( 'Emails about new chatbot leads: off, at once or daily, and their address.', 'causerie-connector' ),
				'default'           => self::sanitize( null ),
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Keeps a known mode and a valid address; anything else falls back to off and the alert recipient.
	 *
	 * @param mixed $value Submitted value.
	 * @return array<string, string>
	 * @phpstan-return Notifications
	 */
	public static function sanitize( $value ): array {
		$value = is_array( $value ) ? $value : array();
		$mode  = $value['mode'] ?? null;
		return array(
			'mode'  => in_array( $mode, self::MODES, true ) ? $mode : self::OFF,
			'email' => Alert_Recipient::sanitize( $value['email'] ?? '' ),
		);
	}

	/**
	 * The mode and the address the emails go to: the chosen one, else the alert recipient.
	 *
	 * @return array<string, string>
	 * @phpstan-return Notifications
	 */
	public function settings(): array {
		$stored = self::sanitize( get_option( self::OPTION ) );
		return array(
			'mode'  => $stored['mode'],
			'email' => '' === $stored['email'] ? $this->recipient->address() : $stored['email'],
		);
	}

	/**
	 * The mode alone.
	 */
	public function mode(): string {
		return self::sanitize( get_option( self::OPTION ) )['mode'];
	}

	/**
	 * Stores the choice; an address equal to the alert recipient's is kept as "follow the alerts".
	 *
	 * @param string $mode  One of MODES.
	 * @param string $email A valid address, or empty.
	 */
	public function save( string $mode, string $email ): void {
		$email = $email === $this->recipient->address() ? '' : $email;
		update_option(
			self::OPTION,
			array(
				'mode'  => $mode,
				'email' => $email,
			),
			true // Read on every admin page (the digest's schedule): autoloaded, so that costs no query.
		);
	}
}
