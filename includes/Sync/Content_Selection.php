<?php
/**
 * Which content goes to the chatbot's knowledge.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Published posts of the chosen public post types (posts and pages by default, and WooCommerce's products when
 * present), never a draft, a private or password-protected post, or one an editor left out with the switch in
 * the editor's sidebar.
 */
final class Content_Selection {

	public const OPTION = 'causerie_connector_sync_types';

	/**
	 * The post's switch: '1' leaves it out.
	 */
	public const EXCLUDE_META = '_causerie_exclude';

	/**
	 * Chosen when the admin has chosen nothing yet, where they exist.
	 */
	private const DEFAULT_TYPES = array( 'post', 'page', 'product' );

	/**
	 * The public post types an admin may choose, name → label.
	 *
	 * @return array<string, string>
	 */
	public function available(): array {
		$types = array();
		foreach ( get_post_types( array( 'public' => true ), 'objects' ) as $name => $type ) {
			if ( 'attachment' !== $name ) {
				$types[ (string) $name ] = is_string( $type->labels->name ?? null ) ? $type->labels->name : (string) $name;
			}
		}
		return $types;
	}

	/**
	 * The chosen post types that exist.
	 *
	 * @return list<string>
	 */
	public function types(): array {
		$chosen = get_option( self::OPTION );
		$chosen = is_array( $chosen ) ? array_filter( $chosen, 'is_string' ) : self::DEFAULT_TYPES;
		return array_values( array_intersect( $chosen, array_keys( $this->available() ) ) );
	}

	/**
	 * Saves the choice.
	 *
	 * @param array $types Post types, each among available().
	 * @return list<string> The types no longer chosen, whose posts must leave the knowledge base.
	 *
	 * @phpstan-param list<string> $types
	 */
	public function choose( array $types ): array {
		$before = $this->types();
		update_option( self::OPTION, array_values( array_unique( $types ) ), false );
		return array_values( array_diff( $before, $this->types() ) );
	}

	/**
	 * Whether a post goes to the knowledge base as it is now.
	 *
	 * @param \WP_Post|null $post The post, or null when it is gone.
	 */
	public function includes( ?\WP_Post $post ): bool {
		$included = null !== $post
			&& 'publish' === $post->post_status
			&& '' === $post->post_password
			&& in_array( $post->post_type, $this->types(), true )
			&& '1' !== get_post_meta( $post->ID, self::EXCLUDE_META, true );
		/**
		 * Whether a post goes to the chatbot's knowledge.
		 *
		 * @param bool          $included Whether it does, by the plugin's rules.
		 * @param \WP_Post|null $post     The post.
		 */
		return null !== $post && (bool) apply_filters( 'causerie_connector_sync_includes', $included, $post );
	}

	/**
	 * Ids of the posts included, a page at a time in id order, from after $after.
	 *
	 * @param int               $after The last id of the previous page.
	 * @param int               $limit How many.
	 * @param list<string>|null $only  Chosen types to keep to, or null for all of them.
	 * @return list<int>
	 */
	public function ids( int $after, int $limit, ?array $only = null ): array {
		$types = null === $only ? $this->types() : array_values( array_intersect( $this->types(), $only ) );
		if ( array() === $types ) {
			return array();
		}
		$wpdb = Queue::wpdb();
		// A query of ids alone, by keyset: WP_Query would load and cache whole posts, and page by OFFSET.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- a read of core tables by keyset; the types are registered names, reduced to the characters a post type's name may hold; WPCS 2.3 predates %i.
		$ids = $wpdb->get_col(
			$wpdb->prepare(
				'SELECT p.ID FROM %i p LEFT JOIN %i m ON m.post_id = p.ID AND m.meta_key = %s WHERE p.ID > %d AND p.post_status = \'publish\' AND p.post_password = \'\' AND ( m.meta_value IS NULL OR m.meta_value <> \'1\' ) AND p.post_type IN ',
				$wpdb->posts,
				$wpdb->postmeta,
				self::EXCLUDE_META,
				$after
			) . self::names( $types ) . $wpdb->prepare( ' ORDER BY p.ID LIMIT %d', $limit )
		);
		// phpcs:enable
		return array_map( 'intval', $ids );
	}

	/**
	 * An SQL list of names: `('post','page')`.
	 *
	 * @param array $names The names.
	 *
	 * @phpstan-param list<string> $names
	 */
	public static function names( array $names ): string {
		return "('" . implode( "','", array_map( static fn( string $name ): string => (string) preg_replace( '/[^a-z0-9_-]/', '', strtolower( $name ) ), $names ) ) . "')";
	}

	/**
	 * How many posts of each available type are included now.
	 *
	 * @return array<string, int>
	 */
	public function counts(): array {
		$wpdb = Queue::wpdb();
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- one grouped count for the screen; WPCS 2.3 predates %i.
		$rows   = $wpdb->get_results( (string) $wpdb->prepare( "SELECT p.post_type, COUNT(*) AS n FROM %i p LEFT JOIN %i m ON m.post_id = p.ID AND m.meta_key = %s WHERE p.post_status = 'publish' AND p.post_password = '' AND ( m.meta_value IS NULL OR m.meta_value <> '1' ) GROUP BY p.post_type", $wpdb->posts, $wpdb->postmeta, self::EXCLUDE_META ), ARRAY_A );
		$counts = array_fill_keys( array_keys( $this->available() ), 0 );
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$type = is_array( $row ) && is_string( $row['post_type'] ?? null ) ? $row['post_type'] : '';
			if ( isset( $counts[ $type ] ) && is_array( $row ) && is_numeric( $row['n'] ?? null ) ) {
				$counts[ $type ] = (int) $row['n'];
			}
		}
		return $counts;
	}
}
