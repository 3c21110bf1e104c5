<?php
/**
 * The knowledge panel of the block editor's document sidebar.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;
use Causerie\Connector\Sync\Queue_Report;

/**
 * An editor leaves a post out of the chatbot's knowledge with a switch, and sees whether the post is there and
 * since when. The switch is the post meta `_causerie_exclude`, saved by the editor with the post, so anyone who
 * may edit the post may flip it; the state is a read-only field of the post in the REST API's edit context.
 * Registered on rest_api_init and enqueued on enqueue_block_editor_assets: nothing of it loads elsewhere.
 */
final class Editor_Panel {

	public const SCRIPT_HANDLE = 'causerie-connector-editor';

	/**
	 * The post's field with its state.
	 */
	public const FIELD = 'causerie_knowledge';

	/**
	 * Constructor.
	 *
	 * @param string            $plugin_file Main plugin file, for the script's address.
	 * @param Content_Selection $selection   Which post types go.
	 * @param Queue_Report      $queue       Whether a change waits to be sent.
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly Content_Selection $selection,
		private readonly Queue_Report $queue
	) {}

	/**
	 * Hooks the meta, the field and the script.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_fields' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue' ) );
	}

	/**
	 * The switch and the state, on each chosen post type.
	 */
	public function register_fields(): void {
		foreach ( $this->selection->types() as $type ) {
			register_post_meta(
				$type,
				Content_Selection::EXCLUDE_META,
				array(
					'type'          => 'boolean',
					'single'        => true,
					'default'       => false,
					'show_in_rest'  => true,
					'description'   => __( 'Whether the post is left out of the chatbot\'s knowledge.', 'causerie-connector' ),
					'auth_callback' => static fn( $allowed, $key, $post_id ): bool => current_user_can( 'edit_post', is_numeric( $post_id ) ? (int) $post_id : 0 ),
				)
			);
			register_rest_field(
				$type,
				self::FIELD,
				array(
					'get_callback' => array( $this, 'state' ),
					'schema'       => array(
						'description' => __( 'Where the post stands in the chatbot\'s knowledge.', 'causerie-connector' ),
						'type'        => 'object',
						'context'     => array( 'edit' ),
						'readonly'    => true,
					),
				)
			);
		}
	}

	/**
	 * A post's state: in the knowledge base (since when, whole, split or trimmed), failed with why, waiting.
	 *
	 * @param mixed $post The post, as the REST API prepares it.
	 * @return array{state: string, at: string|null, fit: string, parts: int, error: string, waiting: bool}
	 */
	public function state( $post ): array {
		$post_id = is_array( $post ) && is_numeric( $post['id'] ?? null ) ? (int) $post['id'] : 0;
		$record  = Post_Record::get( $post_id );
		return array(
			'state'   => $record['state'] ?? 'absent',
			'at'      => null === $record || 0 === $record['at'] ? null : gmdate( 'c', $record['at'] ),
			'fit'     => $record['fit'] ?? '',
			'parts'   => count( $record['parts'] ?? array() ),
			'error'   => $record['error'] ?? '',
			'waiting' => $this->queue->waiting( $post_id ),
		);
	}

	/**
	 * The panel's script, in the editor of a chosen post type.
	 */
	public function enqueue(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $screen || ! in_array( $screen->post_type, $this->selection->types(), true ) ) {
			return;
		}
		$asset = Asset_File::read( dirname( $this->plugin_file ) . '/build/editor.asset.php' );
		wp_enqueue_script( self::SCRIPT_HANDLE, plugins_url( 'build/editor.js', $this->plugin_file ), $asset['dependencies'], $asset['version'], array( 'in_footer' => true ) );
		wp_set_script_translations( self::SCRIPT_HANDLE, 'causerie-connector', dirname( $this->plugin_file ) . '/languages' );
	}
}
