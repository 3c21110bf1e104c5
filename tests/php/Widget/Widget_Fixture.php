<?php
/**
 * A shown widget, for the widget's tests.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\Widget\Chat_Embed;
use Causerie\Connector\Widget\Consent;
use Causerie\Connector\Widget\Widget_Front;
use Causerie\Connector\Widget\Widget_Options;

/**
 * The front-end services as the composition root builds them, over the real option, with the Consent API's
 * presence given (defining wp_has_consent() in the test process would last for every later test).
 */
final class Widget_Fixture {

	public const SCRIPT_URL = 'https://cdn.causerie.example/widget/v1/widget.js';

	public readonly Widget_Options $options;
	public readonly Widget_Front $front;
	public readonly Chat_Embed $embed;

	/**
	 * Constructor.
	 *
	 * @param bool $consent_api Whether the WP Consent API is active.
	 */
	public function __construct( bool $consent_api = false ) {
		$file          = dirname( __DIR__, 3 ) . '/causerie-connector.php';
		$this->options = new Widget_Options();
		$this->front   = new Widget_Front( $file, '1.2.3', $this->options, new Consent( $file, static fn(): bool => $consent_api ) );
		$this->embed   = new Chat_Embed( $file, $this->front, $this->options );
		// A fresh script registry, set up as core sets it up before any plugin's page-view hook.
		$GLOBALS['wp_scripts'] = null;
		wp_scripts();
	}

	/**
	 * Turns the widget on, with the bot as the API described it.
	 *
	 * @param array<string, mixed> $settings Settings over the defaults.
	 * @param array<string, mixed> $bot      Bot fields over a plain bot.
	 */
	public function show( array $settings = array(), array $bot = array() ): void {
		$this->options->save_settings( array_merge( Widget_Options::defaults(), array( 'enabled' => true ), $settings ) );
		$this->options->save_bot(
			array_merge(
				array(
					'botId'     => 'bot_da0077d17ea6aebd9752',
					'scriptUrl' => self::SCRIPT_URL,
					'chatUrl'   => 'https://chat.causerie.example/chat/v1',
					'greeting'  => 'Bonjour ! How can I help?',
					'color'     => '#2271b1',
					'textColor' => '#ffffff',
					'position'  => 'bottom-right',
					'origin'    => 'http://127.0.0.1:8890',
					'fetchedAt' => 1765000000,
				),
				$bot
			)
		);
	}

	/**
	 * What a page view adds: the scripts it enqueued and the configuration element printed in the footer.
	 *
	 * @return array{scripts: list<string>, footer: string}
	 */
	public function page_view(): array {
		$this->front->place();
		ob_start();
		$this->front->print_config();
		$footer = (string) ob_get_clean();
		return array(
			'scripts' => array_values( wp_scripts()->queue ),
			'footer'  => $footer,
		);
	}

	/**
	 * The configuration a footer holds, decoded.
	 *
	 * @param string $footer The footer's HTML.
	 * @return array<string, mixed>
	 */
	public static function config_in( string $footer ): array {
		$tags = new \WP_HTML_Tag_Processor( $footer );
		while ( $tags->next_tag( array( 'tag_name' => 'script' ) ) ) {
			if ( Widget_Front::CONFIG_ID === $tags->get_attribute( 'id' ) && 'application/json' === $tags->get_attribute( 'type' ) ) {
				$config = json_decode( $tags->get_modifiable_text(), true );
				/**
				 * A JSON object, with string keys.
				 *
				 * @var array<string, mixed>
				 */
				return is_array( $config ) ? $config : array();
			}
		}
		return array();
	}
}
