<?php
/**
 * The Chatbot column of the posts lists.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Admin;

use Causerie\Connector\Sync\Content_Selection;
use Causerie\Connector\Sync\Post_Record;

/**
 * On the list of a chosen post type, says of each post whether the chatbot knows it: sent (and when), waiting,
 * not sent (and why) or left out. It reads the post's sync record, which the list's query has already loaded
 * with the rest of the posts' meta: no query a row.
 */
final class Posts_Column {

	public const COLUMN = 'causerie_knowledge';

	/**
	 * Constructor.
	 *
	 * @param Content_Selection $selection Which posts go.
	 */
	public function __construct( private readonly Content_Selection $selection ) {}

	/**
	 * Hooks the column on the posts list screens only.
	 */
	public function register(): void {
		add_action( 'load-edit.php', array( $this, 'load' ) );
	}

	/**
	 * Adds the column when the list shows a chosen post type.
	 */
	public function load(): void {
		$screen = get_current_screen();
		$type   = null === $screen ? '' : $screen->post_type;
		if ( '' === $type || ! in_array( $type, $this->selection->types(), true ) ) {
			return;
		}
		add_filter( "manage_{$type}_posts_columns", array( $this, 'columns' ) );
		add_action( "manage_{$type}_posts_custom_column", array( $this, 'cell' ), 10, 2 );
	}

	/**
	 * The columns, with ours.
	 *
	 * @param array<string, string> $columns The list's columns.
	 * @return array<string, string>
	 */
	public function columns( $columns ): array {
		$columns[ self::COLUMN ] = __( 'Chatbot', 'causerie-connector' );
		return $columns;
	}

	/**
	 * Prints a post's cell.
	 *
	 * @param string $column  The column.
	 * @param int    $post_id The post.
	 */
	public function cell( $column, $post_id ): void {
		if ( self::COLUMN === $column ) {
			$post = get_post( (int) $post_id );
			echo esc_html( $this->text( $post instanceof \WP_Post ? $post : null ) );
		}
	}

	/**
	 * What the cell says of a post.
	 *
	 * @param \WP_Post|null $post The post.
	 */
	public function text( ?\WP_Post $post ): string {
		if ( null === $post ) {
			return '';
		}
		$record = Post_Record::get( $post->ID );
		if ( ! $this->selection->includes( $post ) ) {
			// A draft was never meant to be sent; a published post kept out was left out by a choice.
			return 'publish' === $post->post_status ? __( 'Left out', 'causerie-connector' ) : '—';
		}
		if ( null === $record || strtotime( $post->post_modified_gmt . ' UTC' ) > $record['at'] ) {
			return __( 'Waiting to be sent', 'causerie-connector' );
		}
		if ( Post_Record::FAILED === $record['state'] ) {
			/* translators: %s: why the knowledge base refused the post, as it said it. */
			return sprintf( __( 'Not sent: %s', 'causerie-connector' ), $record['error'] );
		}
		$text = sprintf(
			/* translators: %s: how long ago, such as "2 hours". */
			__( 'In the knowledge base · %s ago', 'causerie-connector' ),
			human_time_diff( $record['at'] )
		);
		return match ( $record['fit'] ) {
			'split'   => $text . ' · ' . sprintf(
				/* translators: %d: how many documents the post was split into. */
				_n( 'Split into %d part', 'Split into %d parts', count( $record['parts'] ), 'causerie-connector' ),
				count( $record['parts'] )
			),
			'trimmed' => $text . ' · ' . __( 'Trimmed', 'causerie-connector' ),
			default   => $text,
		};
	}
}
