<?php
/**
 * The `causerie/chat` block and the `[causerie_chat]` shortcode.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * One output for both: an inline chat panel (`data-causerie-inline`, which the widget script fills in its own
 * shadow root) or a button that opens the bubble (`data-causerie-open`). Either loads the widget on its page,
 * whatever the placement rule, so `manual` means "only where a block or shortcode is". While the widget is not
 * shown (off, or hidden by a broken connection) both render nothing: visitors never see a dead button.
 */
final class Chat_Embed {

	public const BLOCK = 'causerie/chat';

	public const SHORTCODE = 'causerie_chat';

	/**
	 * The block's folder in the build (block.json and its editor script, from src/block).
	 */
	public const BLOCK_DIR = 'build/block';

	public const MODES = array( 'panel', 'button' );

	/**
	 * Constructor.
	 *
	 * @param string         $plugin_file Main plugin file, for the block's folder.
	 * @param Widget_Front   $front       Loads the widget on the page.
	 * @param Widget_Options $options   Whether the widget is shown.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Widget_Front $front,
		private readonly Widget_Options $options
	) {}

	/**
	 * Registers the block and the shortcode on init.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_embeds' ) );
	}

	/**
	 * The block, from its block.json, and the shortcode.
	 */
	public function register_embeds(): void {
		// Outside the admin nothing edits blocks: leaving the editor script out spares a page view reading its
		// asset file and registering a script it never prints.
		$front = is_admin() ? null : array( $this, 'without_editor_script' );
		if ( null !== $front ) {
			add_filter( 'block_type_metadata', $front );
		}
		register_block_type( dirname( $this->plugin_file ) . '/' . self::BLOCK_DIR, array( 'render_callback' => array( $this, 'render_block' ) ) );
		if ( null !== $front ) {
			remove_filter( 'block_type_metadata', $front );
		}
		add_shortcode( self::SHORTCODE, array( $this, 'render_shortcode' ) );
	}

	/**
	 * The block's metadata without its editor script.
	 *
	 * @param array<string, mixed> $metadata A block type's metadata.
	 * @return array<string, mixed>
	 */
	public function without_editor_script( array $metadata ): array {
		if ( self::BLOCK === ( $metadata['name'] ?? null ) ) {
			unset( $metadata['editorScript'] );
		}
		return $metadata;
	}

	/**
	 * The block's markup, with the wrapper attributes the editor's supports add (alignment, class name).
	 *
	 * @param array<string, mixed> $attributes The block's attributes.
	 */
	public function render_block( array $attributes ): string {
		return $this->render( $attributes, static fn( array $extra ): string => get_block_wrapper_attributes( $extra ) );
	}

	/**
	 * The shortcode's markup: `[causerie_chat mode="panel|button" label="…"]`.
	 *
	 * @param array<int|string, string>|string $atts The shortcode's attributes (a string when there are none).
	 */
	public function render_shortcode( array|string $atts = '' ): string {
		$atts = shortcode_atts(
			array(
				'mode'  => 'panel',
				'label' => '',
			),
			is_array( $atts ) ? $atts : array(),
			self::SHORTCODE
		);
		return $this->render(
			$atts,
			static function ( array $extra ): string {
				$html = '';
				foreach ( $extra as $name => $value ) {
					$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
				}
				return ltrim( $html );
			}
		);
	}

	/**
	 * The shared markup, or nothing when the widget is not shown.
	 *
	 * @param array<mixed> $attributes Mode and label.
	 * @param \Closure     $wrapper    The wrapper's attributes, escaped, from extra ones.
	 * @phpstan-param \Closure(array<string, string>): string $wrapper
	 */
	private function render( array $attributes, \Closure $wrapper ): string {
		if ( ! $this->options->shown() ) {
			return '';
		}
		$this->front->load();
		$mode  = in_array( $attributes['mode'] ?? null, self::MODES, true ) ? $attributes['mode'] : 'panel';
		$label = is_string( $attributes['label'] ?? null ) ? trim( $attributes['label'] ) : '';
		if ( 'button' === $mode ) {
			$label = '' !== $label ? $label : __( 'Chat with us', 'causerie-connector' );
			return sprintf(
				'<div %s><button type="button" class="wp-element-button causerie-chat__button" data-causerie-open>%s</button></div>',
				$wrapper( array( 'class' => 'causerie-chat causerie-chat--button' ) ),
				esc_html( $label )
			);
		}
		$extra = array(
			'class'                => 'causerie-chat causerie-chat--panel',
			'data-causerie-inline' => '',
		);
		if ( '' !== $label ) {
			$extra['data-causerie-title'] = $label;
		}
		return sprintf( '<div %s></div>', $wrapper( $extra ) );
	}
}
