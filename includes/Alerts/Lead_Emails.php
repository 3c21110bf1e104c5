<?php
/**
 * The words of the lead emails.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Alerts;

use Causerie\Connector\Admin\Settings_Page;

/**
 * Plain-text subjects and bodies for a new lead, at once or in the day's digest: the contact details the
 * visitor left, when and on which site, and a link to the Conversations tab.
 *
 * @phpstan-type Lead array{id: string, conversationId: string, email: string|null, phone: string|null, capturedAt: string, origin: string}
 */
final class Lead_Emails {

	/**
	 * The email for one lead.
	 *
	 * @param array<string, mixed> $lead The lead.
	 * @return array{subject: string, body: string}
	 *
	 * @phpstan-param Lead $lead
	 */
	public function instant( array $lead ): array {
		return array(
			/* translators: 1: site name, 2: the visitor's email or phone number. */
			'subject' => sprintf( __( '[%1$s] New lead from the chatbot: %2$s', 'causerie-connector' ), $this->site_name(), $this->contact( $lead ) ),
			'body'    => implode(
				"\n",
				array(
					__( 'A visitor left their contact details in the chat:', 'causerie-connector' ),
					'',
					$this->details( $lead ),
					'',
					__( 'The conversation:', 'causerie-connector' ),
					$this->screen_url(),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * The day's digest.
	 *
	 * @param list<array<string, mixed>> $leads The leads since the last digest, oldest first.
	 * @return array{subject: string, body: string}
	 *
	 * @phpstan-param list<Lead> $leads
	 */
	public function digest( array $leads ): array {
		$parts = array();
		foreach ( $leads as $index => $lead ) {
			$parts[] = sprintf( '%d. %s', $index + 1, str_replace( "\n", "\n   ", $this->details( $lead ) ) );
		}
		return array(
			/* translators: 1: site name, 2: number of leads. */
			'subject' => sprintf( _n( '[%1$s] %2$d new lead from the chatbot', '[%1$s] %2$d new leads from the chatbot', count( $leads ), 'causerie-connector' ), $this->site_name(), count( $leads ) ),
			'body'    => implode(
				"\n",
				array(
					__( 'Visitors left their contact details in the chat since the last digest:', 'causerie-connector' ),
					'',
					implode( "\n\n", $parts ),
					'',
					__( 'The conversations:', 'causerie-connector' ),
					$this->screen_url(),
					'',
					$this->footer(),
				)
			),
		);
	}

	/**
	 * The email or, without one, the phone number.
	 *
	 * @param array<string, mixed> $lead The lead.
	 * @phpstan-param Lead $lead
	 */
	private function contact( array $lead ): string {
		return (string) ( $lead['email'] ?? $lead['phone'] ?? '' );
	}

	/**
	 * The lead's details, one a line.
	 *
	 * @param array<string, mixed> $lead The lead.
	 * @phpstan-param Lead $lead
	 */
	private function details( array $lead ): string {
		$lines = array();
		if ( null !== $lead['email'] ) {
			/* translators: %s: email address. */
			$lines[] = sprintf( __( 'Email: %s', 'causerie-connector' ), $lead['email'] );
		}
		if ( null !== $lead['phone'] ) {
			/* translators: %s: phone number. */
			$lines[] = sprintf( __( 'Phone: %s', 'causerie-connector' ), $lead['phone'] );
		}
		$time = strtotime( $lead['capturedAt'] );
		$date = get_option( 'date_format' );
		$hour = get_option( 'time_format' );
		$when = false === $time ? $lead['capturedAt'] : (string) wp_date( ( is_string( $date ) ? $date : 'Y-m-d' ) . ' ' . ( is_string( $hour ) ? $hour : 'H:i' ), $time );
		/* translators: %s: date and time. */
		$lines[] = sprintf( __( 'Left on: %s', 'causerie-connector' ), $when );
		/* translators: %s: the site address the chat ran on. */
		$lines[] = sprintf( __( 'On: %s', 'causerie-connector' ), $lead['origin'] );
		return implode( "\n", $lines );
	}

	/**
	 * Why this email came, and where to change it.
	 */
	private function footer(): string {
		return __( 'The Causerie Connector plugin sends these emails because lead emails are turned on. Turn them off, or change their address, in the Conversations tab of the plugin\'s screen.', 'causerie-connector' );
	}

	/**
	 * The site's name as plain text, as core's own emails show it.
	 */
	private function site_name(): string {
		$name = get_option( 'blogname' );
		return wp_specialchars_decode( is_string( $name ) ? $name : '', ENT_QUOTES );
	}

	/**
	 * The Conversations tab of the plugin's screen.
	 */
	private function screen_url(): string {
		return admin_url( 'options-general.php?page=' . Settings_Page::SLUG ) . '#conversations';
	}
}
