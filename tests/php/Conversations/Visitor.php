<?php
/**
 * A visitor of the site chatting with the sandbox's bot, for the conversations tests.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Conversations;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Api_Response;
use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Tests\Sandbox;

/**
 * Talks to the chat service as a browser would (an Origin registered for the bot, no token), so the sandbox
 * holds real conversations and leads for the plugin to read.
 */
final class Visitor {

	/**
	 * The origin the visitor's browser sends.
	 */
	public const ORIGIN = 'https://shop.example.test';

	/**
	 * Every scope: the seeded development client has them all.
	 */
	public const ALL_SCOPES = array( 'read:widget', 'write:knowledge', Conversations_Api::SCOPE );

	/**
	 * The chat service and the bot, from the API's widget configuration.
	 *
	 * @param string $chat_url The chat service.
	 * @param string $bot_id   The bot's public id.
	 */
	private function __construct(
		private readonly string $chat_url,
		private readonly string $bot_id
	) {}

	/**
	 * Registers the origin for the client's bot through the API and returns a visitor of it.
	 *
	 * @param Api_Client $api A client of the connected site.
	 * @throws \RuntimeException When the API refuses.
	 */
	public static function of( Api_Client $api ): self {
		$put = $api->request( 'PUT', '/v1/widget/origins/' . rawurlencode( self::ORIGIN ) );
		$get = $api->request( 'GET', '/v1/widget' );
		if ( ! $put instanceof Api_Response || ! $get instanceof Api_Response || ! is_array( $get->data ) ) {
			throw new \RuntimeException( 'The widget configuration could not be read' );
		}
		$chat = $get->data['chat_url'] ?? null;
		$bot  = $get->data['bot_id'] ?? null;
		if ( ! is_string( $chat ) || ! is_string( $bot ) ) {
			throw new \RuntimeException( 'The widget configuration has no bot' );
		}
		return new self( $chat, $bot );
	}

	/**
	 * Saves the development client in the site's own store with the scopes asked for, as the settings screen
	 * does, so the plugin's registered routes and jobs use it.
	 *
	 * @param string[] $scopes Scopes to ask for.
	 * @param string   $client A seeded client.
	 */
	public static function connect_site( array $scopes = self::ALL_SCOPES, string $client = 'wp-development' ): void {
		( new Credential_Store( new Encryption(), new Overrides() ) )->save( wp_get_environment_type(), Sandbox::credentials( $client ) + array( 'scopes' => $scopes ) );
		( new Site_Binding() )->bind();
	}

	/**
	 * Sends a message; the conversation's id.
	 *
	 * @param string $text         The question.
	 * @param string $conversation The conversation to go on with; empty for a new one.
	 */
	public function ask( string $text, string $conversation = '' ): string {
		$answer = $this->post( '/bots/' . $this->bot_id . '/messages', array( 'text' => $text ) + ( '' === $conversation ? array() : array( 'conversationId' => $conversation ) ) );
		return is_string( $answer['conversationId'] ?? null ) ? $answer['conversationId'] : '';
	}

	/**
	 * Starts a conversation and leaves an email in its form: the conversation's id.
	 *
	 * @param string $email The visitor's address.
	 */
	public function lead( string $email ): string {
		$conversation = $this->ask( 'Can someone call me about an order?' );
		$this->post( '/bots/' . $this->bot_id . '/conversations/' . $conversation . '/lead', array( 'email' => $email ) );
		return $conversation;
	}

	/**
	 * A POST to the chat service, as the widget sends it.
	 *
	 * @param string               $path Under the chat service.
	 * @param array<string, mixed> $body JSON body.
	 * @return array<mixed>
	 * @throws \RuntimeException When the service refuses.
	 */
	private function post( string $path, array $body ): array {
		$response = wp_remote_post(
			$this->chat_url . $path,
			array(
				'headers' => array(
					'Content-Type' => 'application/json',
					'Origin'       => self::ORIGIN,
				),
				'body'    => (string) wp_json_encode( $body ),
				'timeout' => 10,
			)
		);
		$status   = (int) wp_remote_retrieve_response_code( $response );
		if ( $status < 200 || $status >= 300 ) {
			throw new \RuntimeException( 'The chat service refused: ' . wp_remote_retrieve_body( $response ) );
		}
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		return is_array( $decoded ) ? $decoded : array();
	}
}
