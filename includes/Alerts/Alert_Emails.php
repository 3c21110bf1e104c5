<?php
/**
 * The words of the alert emails.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Alerts;

use Causerie\Connector\Admin\Settings_Page;
use Causerie\Connector\Diagnosis\Catalog;

/**
 * Plain-text subjects and bodies. They hold the diagnosis in plain words and a link to the plugin's screen,
 * and never a secret, a token or the evidence behind a diagnosis.
 *
 * @phpstan-import-type Diagnosis from \Causerie\Connector\Health\Connection_Status
 * @phpstan-type Email array{subject: string, body: string}
 */
final class Alert_Emails {

	/**
	 * The email sent when the connection breaks.
	 *
	 * @param array<string, mixed> $diagnosis The active diagnosis.
	 * @return array{subject: string, body: string}
	 *
	 * @phpstan-param Diagnosis $diagnosis
	 */
	public function broken( array $diagnosis ): array {
		$steps = array();
		foreach ( $diagnosis['steps'] as $index => $step ) {
			$steps[] = sprintf( '%d. %s', $index + 1, $step );
		}
		return array(
			/* translators: 1: site name, 2: what is wrong, in a sentence. */
			'subject' => sprintf( __( '[%1$s] The Causerie chatbot is disconnected: %2$s', 'causerie-connector' ), $this->site_name(), $diagnosis['title'] ),
			'body'    => implode(
				"\n",
				array(
					/* translators: %s: site address. */
					sprintf( __( 'The chatbot on %s can\'t use the Causerie API any more.', 'causerie-connector' ), home_url() ),
					'',
					$diagnosis['title'],
					$diagnosis['explanation'],
					'',
					__( 'How to fix it:', 'causerie-connector' ),
					implode( "\n", $steps ),
					'',
					__( 'Fix it on the plugin\'s screen:', 'causerie-connector' ),
					$this->screen_url( 'fix' ),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * The email sent when the connection works again.
	 *
	 * @param string $code The diagnosis that was reported.
	 * @return array{subject: string, body: string}
	 */
	public function recovered( string $code ): array {
		return array(
			/* translators: %s: site name. */
			'subject' => sprintf( __( '[%s] The Causerie chatbot is connected again', 'causerie-connector' ), $this->site_name() ),
			'body'    => implode(
				"\n",
				array(
					/* translators: %s: site address. */
					sprintf( __( 'The chatbot on %s can use the Causerie API again.', 'causerie-connector' ), home_url() ),
					'',
					__( 'The problem reported earlier is solved:', 'causerie-connector' ),
					Catalog::describe( $code )['title'],
					'',
					__( 'The connection\'s status and log:', 'causerie-connector' ),
					$this->screen_url( '' ),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * The email sent when an admin pauses this copy of the site while a break was reported: the problem is
	 * no longer watched here, which is neither a recovery nor silence.
	 *
	 * @param string $code The diagnosis that was reported.
	 * @return array{subject: string, body: string}
	 */
	public function paused( string $code ): array {
		return array(
			/* translators: %s: site name. */
			'subject' => sprintf( __( '[%s] The Causerie connection is paused on this copy of the site', 'causerie-connector' ), $this->site_name() ),
			'body'    => implode(
				"\n",
				array(
					/* translators: %s: site address. */
					sprintf( __( 'An administrator paused the Causerie connection on %s, as a copy of another site: it no longer calls the Causerie API, and the chatbot is off here.', 'causerie-connector' ), home_url() ),
					'',
					__( 'The problem reported earlier is no longer watched on this copy:', 'causerie-connector' ),
					Catalog::describe( $code )['title'],
					'',
					__( 'If this site is not a copy, resume the connection on the plugin\'s screen:', 'causerie-connector' ),
					$this->screen_url( '' ),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * The email sent a day before the client secret expires.
	 *
	 * @param int $expires_at Unix time the API gave for the secret's expiry.
	 * @return array{subject: string, body: string}
	 */
	public function expiring( int $expires_at ): array {
		$date = get_option( 'date_format' );
		$time = get_option( 'time_format' );
		$when = wp_date( ( is_string( $date ) ? $date : 'Y-m-d' ) . ' ' . ( is_string( $time ) ? $time : 'H:i' ), $expires_at );
		return array(
			/* translators: %s: site name. */
			'subject' => sprintf( __( '[%s] The Causerie client secret expires tomorrow', 'causerie-connector' ), $this->site_name() ),
			'body'    => implode(
				"\n",
				array(
					/* translators: 1: site address, 2: date and time. */
					sprintf( __( 'Causerie says the client secret that %1$s uses expires on %2$s. Then the chatbot stops working.', 'causerie-connector' ), home_url(), (string) $when ),
					'',
					__( 'How to avoid it:', 'causerie-connector' ),
					'1. ' . __( 'In the Causerie dashboard, open your app\'s credentials and generate a new client secret.', 'causerie-connector' ),
					'2. ' . __( 'Paste the new secret in the Credentials section and save: the plugin checks it before it replaces the old one.', 'causerie-connector' ),
					'',
					$this->screen_url( '' ),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * Why this email came, and where to change its address.
	 */
	private function footer(): string {
		return __( 'The Causerie Connector plugin sends one email when a problem starts, at most one a day while it lasts, and one when it ends. The address of these emails can be changed on the plugin\'s screen.', 'causerie-connector' );
	}

	/**
	 * The site's name as plain text, as core's own emails show it.
	 */
	private function site_name(): string {
		$name = get_option( 'blogname' );
		return wp_specialchars_decode( is_string( $name ) ? $name : '', ENT_QUOTES );
	}

	/**
	 * The plugin's screen, opened on a section.
	 *
	 * @param string $section A fragment the screen reacts to ("fix" opens the fix wizard), or empty.
	 */
	private function screen_url( string $section ): string {
		return admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) . ( '' === $section ? '' : '#' . $section );
	}
}
