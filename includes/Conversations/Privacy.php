<?php
/**
 * What the privacy tools of WordPress are told about the chatbot.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Widget\Consent;

/**
 * The suggested privacy policy text, and an eraser that says where a visitor's chat data is.
 *
 * The plugin keeps no lead on the site: the poller and the digest keep a cursor and lead ids, which name no one,
 * and the emails go out without a copy kept. So there is no exporter: the API has no look-up by email, and
 * finding one person would mean reading every lead through the site at each request. The eraser removes
 * nothing; it tells whoever handles the request that Causerie holds the conversations and leads, so the request
 * is not closed as done while the data lives on there.
 */
final class Privacy {

	/**
	 * The eraser's key among WordPress's erasers.
	 */
	public const ERASER = 'causerie-connector';

	/**
	 * Hooks the policy text and the eraser.
	 */
	public function register(): void {
		add_action( 'admin_init', array( $this, 'add_policy_content' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add_eraser' ) );
	}

	/**
	 * Suggests the text on Settings → Privacy → Policy Guide.
	 */
	public function add_policy_content(): void {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		wp_add_privacy_policy_content( __( 'Causerie Connector', 'causerie-connector' ), wp_kses_post( wpautop( $this->policy_text(), false ) ) );
	}

	/**
	 * The suggested text, plain paragraphs.
	 */
	public function policy_text(): string {
		$paragraphs = array(
			'<strong class="privacy-policy-tutorial">' . __( 'Suggested text:', 'causerie-connector' ) . '</strong> '
			. __( 'This site offers a chat assistant provided by Causerie. When you open the chat and send a message, your browser sends your messages, the address of the page you are on and your browser\'s usual technical data (such as your IP address and browser type) directly to Causerie, which answers from the content published on this site.', 'causerie-connector' ),
			__( 'If you leave an email address or a phone number in the chat, it is recorded as a lead with your conversation, so that we can get back to you. Conversations and leads are stored by Causerie on our behalf, not on this site; we read them from Causerie when we need them, and we may be sent an email about a new lead.', 'causerie-connector' ),
			/* translators: %s: the WP Consent API category, such as "functional". */
			sprintf( __( 'When this site asks for your consent to cookies and similar technologies, the chat loads only once you have accepted the "%s" category.', 'causerie-connector' ), Consent::CATEGORY ),
			__( 'To have your conversations and contact details exported or erased, contact us: we will ask Causerie to do it.', 'causerie-connector' ),
		);
		return implode( "\n\n", $paragraphs );
	}

	/**
	 * Adds the eraser.
	 *
	 * @param mixed $erasers WordPress's erasers.
	 * @return array<mixed>
	 */
	public function add_eraser( $erasers ): array {
		$erasers                 = is_array( $erasers ) ? $erasers : array();
		$erasers[ self::ERASER ] = array(
			'eraser_friendly_name' => __( 'Causerie chatbot conversations and leads', 'causerie-connector' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * Removes nothing, and says where the data is.
	 *
	 * @param string $email The requester's address.
	 * @param int    $page  Page of the request.
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	public function erase( $email, $page = 1 ): array {
		return array(
			'items_removed'  => false,
			'items_retained' => false,
			'messages'       => array( __( 'This site keeps no chatbot conversations or leads. Causerie holds them: ask Causerie, from your account, to erase the conversations and leads of this address.', 'causerie-connector' ) ),
			'done'           => true,
		);
	}
}
