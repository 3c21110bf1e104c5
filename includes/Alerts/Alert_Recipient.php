<?php
/**
 * Who gets the connection's alert emails.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Alerts;

/**
 * One address of the site owner's choosing, or the site's admin email when none is set. Declared once with
 * register_setting(), so update_option() sanitizes it whoever writes it.
 */
final class Alert_Recipient {

	public const OPTION = 'causerie_connector_alert_email';
	public const GROUP  = 'causerie_connector';

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
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'string',
				'description'       => __( 'Address of the Causerie alert emails; empty for the site\'s admin email.', 'causerie-connector' ),
				'default'           => '',
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Keeps a valid address, or nothing.
	 *
	 * @param mixed $value Submitted value.
	 */
	public static function sanitize( $value ): string {
		$email = is_string( $value ) ? sanitize_email( $value ) : '';
		return '' !== $email && false !== is_email( $email ) ? $email : '';
	}

	/**
	 * The address chosen for alerts; empty when none is.
	 */
	public function custom(): string {
		$email = get_option( self::OPTION, '' );
		return is_string( $email ) ? $email : '';
	}

	/**
	 * Where alerts go: the chosen address, else the site's admin email.
	 */
	public function address(): string {
		$custom = $this->custom();
		if ( '' !== $custom ) {
			return $custom;
		}
		$admin = get_option( 'admin_email', '' );
		return is_string( $admin ) ? $admin : '';
	}

	/**
	 * Stores the chosen address; empty goes back to the admin email.
	 *
	 * @param string $email A valid address, or empty.
	 */
	public function save( string $email ): void {
		if ( '' === $email ) {
			delete_option( self::OPTION );
			return;
		}
		update_option( self::OPTION, $email, false );
	}
}
