<?php
/**
 * The widget's routes of the API, through the one API client.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\Http\Destination;

/**
 * Reads the bot's description and registers or removes the site origins it may run on (docs/causerie-api.md §8).
 * What the API describes goes into visitors' pages, so it is checked before anyone keeps it: a bot id that is a
 * plain token, and script and chat addresses that pass the plugin's address policy for this site's environment
 * (https, no credentials, no reserved address), as every address the plugin itself calls must.
 *
 * @phpstan-import-type Bot from Widget_Options
 */
final class Widget_Api {

	public const CONFIG  = '/v1/widget';
	public const ORIGINS = '/v1/widget/origins/';

	/**
	 * The scope every widget route needs.
	 */
	public const SCOPE = Scopes::READ_WIDGET;

	/**
	 * A public bot id: `bot_` and hex digits today; letters, digits, `_` and `-` are all a page may need.
	 */
	private const BOT_ID = '/^[A-Za-z0-9_-]{1,64}$/';

	private const COLOR = '/^#[0-9a-fA-F]{6}$/';

	/**
	 * Longest script or chat address kept, and longest greeting.
	 */
	private const MAX_URL      = 2048;
	private const MAX_GREETING = 200;

	/**
	 * Constructor.
	 *
	 * @param Api_Client     $api       Authenticated calls.
	 * @param Address_Policy $addresses The rule for every address the plugin uses.
	 */
	public function __construct(
		private readonly Api_Client $api,
		private readonly Address_Policy $addresses
	) {}

	/**
	 * The bot as a page needs it, not yet tied to an origin, or why it can't be had.
	 *
	 * @return Bot|Finding
	 */
	public function describe(): array|Finding {
		$answer = $this->api->request( 'GET', self::CONFIG );
		if ( $answer instanceof Finding ) {
			return $answer;
		}
		$data   = $answer->data ?? array();
		$bot_id = $data['bot_id'] ?? null;
		if ( ! is_string( $bot_id ) || 1 !== preg_match( self::BOT_ID, $bot_id ) ) {
			return self::invalid( 'bot_id', Address_Policy::REASON_INVALID );
		}
		$urls = array();
		foreach ( array( 'script_url', 'chat_url' ) as $field ) {
			$url = $this->address( $data[ $field ] ?? null );
			if ( is_array( $url ) ) {
				return self::invalid( $field, $url['reason'], $url['address'] );
			}
			$urls[ $field ] = $url;
		}
		$theme    = is_array( $data['theme'] ?? null ) ? $data['theme'] : array();
		$color    = static fn( mixed $value ): string => is_string( $value ) && 1 === preg_match( self::COLOR, $value ) ? strtolower( $value ) : '';
		$greeting = is_string( $data['greeting'] ?? null ) ? mb_substr( trim( sanitize_text_field( $data['greeting'] ) ), 0, self::MAX_GREETING ) : '';
		return array(
			'botId'     => $bot_id,
			'scriptUrl' => $urls['script_url'],
			'chatUrl'   => $urls['chat_url'],
			'greeting'  => $greeting,
			'color'     => $color( $theme['color'] ?? null ),
			'textColor' => $color( $theme['text_color'] ?? null ),
			'position'  => in_array( $theme['position'] ?? null, Widget_Options::POSITIONS, true ) ? $theme['position'] : '',
			'origin'    => '',
			'fetchedAt' => time(),
		);
	}

	/**
	 * Registers an origin for the bot; registering one already there is done too.
	 *
	 * @param string $origin scheme://host[:port].
	 */
	public function register( string $origin ): ?Finding {
		$answer = $this->api->request( 'PUT', self::ORIGINS . rawurlencode( $origin ) );
		return $answer instanceof Finding ? $answer : null;
	}

	/**
	 * Removes an origin; one that was not there is gone too.
	 *
	 * @param string $origin scheme://host[:port].
	 */
	public function remove( string $origin ): ?Finding {
		$answer = $this->api->request( 'DELETE', self::ORIGINS . rawurlencode( $origin ) );
		return $answer instanceof Finding ? $answer : null;
	}

	/**
	 * A script or chat address as the policy normalises it, or why it is refused.
	 *
	 * @param mixed $url What the API sent.
	 * @return string|array{reason: string, address: string}
	 */
	private function address( mixed $url ): string|array {
		if ( ! is_string( $url ) || strlen( $url ) > self::MAX_URL ) {
			return array(
				'reason'  => Address_Policy::REASON_INVALID,
				'address' => '',
			);
		}
		// Visitors' browsers resolve the host, not this server: the rule is checked without a lookup.
		$destination = $this->addresses->parse( $url, wp_get_environment_type() );
		return $destination instanceof Destination ? $destination->url() : $destination;
	}

	/**
	 * The finding for a description that can't go into a page.
	 *
	 * @param string $field   The API's field at fault.
	 * @param string $reason  An Address_Policy reason.
	 * @param string $address The host at fault, if any.
	 */
	private static function invalid( string $field, string $reason, string $address = '' ): Finding {
		return new Finding(
			'widget_config_invalid',
			array(
				'url'     => self::CONFIG,
				'field'   => $field,
				'reason'  => $reason,
				'address' => $address,
			)
		);
	}
}
