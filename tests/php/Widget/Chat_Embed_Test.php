<?php
/**
 * Tests of the chat block and shortcode.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\Tests\TestCase;
use Causerie\Connector\Widget\Chat_Embed;
use Causerie\Connector\Widget\Widget_Front;

/**
 * The block and the shortcode give the same markup, load the widget on their page whatever the placement, and
 * give nothing while the widget is not shown.
 */
final class Chat_Embed_Test extends TestCase {

	private Widget_Fixture $widget;

	private ?\WP_Block_Type $block = null;

	/**
	 * The shortcode's callback as the plugin registered it.
	 *
	 * @var callable|null
	 */
	private $shortcode = null;

	protected function setUp(): void {
		parent::setUp();
		// This test's own services render the block and the shortcode; the plugin's come back after.
		$block           = \WP_Block_Type_Registry::get_instance()->unregister( Chat_Embed::BLOCK );
		$this->block     = false === $block ? null : $block;
		$this->shortcode = $this->registered_shortcode();
		$this->widget    = new Widget_Fixture();
		$this->widget->embed->register_embeds();
	}

	protected function tearDown(): void {
		\WP_Block_Type_Registry::get_instance()->unregister( Chat_Embed::BLOCK );
		if ( null !== $this->block ) {
			register_block_type( $this->block );
		}
		add_shortcode( Chat_Embed::SHORTCODE, $this->shortcode ?? '__return_empty_string' );
		$GLOBALS['wp_scripts']     = null;
		$GLOBALS['current_screen'] = null;
		parent::tearDown();
	}

	/**
	 * The shortcode's callback as registered now.
	 */
	private function registered_shortcode(): ?callable {
		global $shortcode_tags;
		$callback = is_array( $shortcode_tags ) ? ( $shortcode_tags[ Chat_Embed::SHORTCODE ] ?? null ) : null;
		return is_callable( $callback ) ? $callback : null;
	}

	public function test_the_block_is_declared_by_its_block_json(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( Chat_Embed::BLOCK );

		self::assertInstanceOf( \WP_Block_Type::class, $block );
		self::assertSame( 3, $block->api_version );
		self::assertSame(
			array(
				'mode'  => array(
					'type'    => 'string',
					'enum'    => array( 'panel', 'button' ),
					'default' => 'panel',
				),
				'label' => array(
					'type'    => 'string',
					'default' => '',
				),
			),
			array_intersect_key( (array) $block->attributes, array_flip( array( 'mode', 'label' ) ) )
		);
		self::assertSame( array(), $block->editor_script_handles, 'a page view registers no editor script' );
	}

	public function test_in_the_admin_the_block_comes_with_its_editor_script(): void {
		set_current_screen( 'post' );
		\WP_Block_Type_Registry::get_instance()->unregister( Chat_Embed::BLOCK );
		$this->widget->embed->register_embeds();

		$block = \WP_Block_Type_Registry::get_instance()->get_registered( Chat_Embed::BLOCK );
		self::assertInstanceOf( \WP_Block_Type::class, $block );
		self::assertNotEmpty( $block->editor_script_handles );
		self::assertTrue( wp_script_is( $block->editor_script_handles[0], 'registered' ) );
	}

	public function test_a_panel_block_loads_the_widget_on_a_manual_page(): void {
		$this->widget->show( array( 'placement' => 'manual' ) );

		$html = do_blocks( '<!-- wp:causerie/chat {"label":"Ask the shop"} /-->' );
		$page = $this->widget->page_view();

		$panel = new \WP_HTML_Tag_Processor( $html );
		self::assertTrue( $panel->next_tag( array( 'tag_name' => 'div' ) ) );
		self::assertTrue( $panel->has_class( 'wp-block-causerie-chat' ) );
		self::assertSame( '', $panel->get_attribute( 'data-causerie-inline' ) );
		self::assertSame( 'Ask the shop', $panel->get_attribute( 'data-causerie-title' ) );
		self::assertSame( array( Widget_Front::SCRIPT_HANDLE ), $page['scripts'] );
		self::assertSame( 'bot_da0077d17ea6aebd9752', Widget_Fixture::config_in( $page['footer'] )['botId'] ?? null );
	}

	public function test_a_button_block_opens_the_bubble_with_its_label_escaped(): void {
		$this->widget->show();

		$html = do_blocks( '<!-- wp:causerie/chat {"mode":"button","label":"Talk \u003cb\u003eto\u003c/b\u003e us"} /-->' );

		$button = new \WP_HTML_Tag_Processor( $html );
		self::assertTrue( $button->next_tag( array( 'tag_name' => 'button' ) ) );
		self::assertTrue( $button->get_attribute( 'data-causerie-open' ) );
		self::assertStringContainsString( '>Talk &lt;b&gt;to&lt;/b&gt; us</button>', $html );
	}

	public function test_the_shortcode_gives_the_blocks_markup(): void {
		$this->widget->show( array( 'placement' => 'manual' ) );

		$button = do_shortcode( '[causerie_chat mode="button" label="Questions?"]' );
		$panel  = do_shortcode( '[causerie_chat]' );

		self::assertSame( '<div class="causerie-chat causerie-chat--button"><button type="button" class="wp-element-button causerie-chat__button" data-causerie-open>Questions?</button></div>', $button );
		self::assertSame( '<div class="causerie-chat causerie-chat--panel" data-causerie-inline=""></div>', $panel );
		self::assertSame( array( Widget_Front::SCRIPT_HANDLE ), $this->widget->page_view()['scripts'] );
	}

	public function test_an_unknown_mode_falls_back_to_the_panel(): void {
		$this->widget->show();

		self::assertStringContainsString( 'data-causerie-inline', do_shortcode( '[causerie_chat mode="popup"]' ) );
	}

	public function test_while_the_widget_is_not_shown_the_block_and_shortcode_render_nothing(): void {
		$this->widget->show();
		$this->widget->options->set_health( false, 'token_revoked' );

		self::assertSame( '', trim( do_blocks( '<!-- wp:causerie/chat {"mode":"button"} /-->' ) ) );
		self::assertSame( '', do_shortcode( '[causerie_chat]' ) );
		self::assertSame( array(), $this->widget->page_view()['scripts'] );
	}
}
