<?php
/**
 * A post as the knowledge base's documents.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * What a visitor reads: the blocks and shortcodes rendered by the_content, reduced to text with its headings,
 * with the title, address, language, last change and terms. A post over the API's size limit is split at
 * paragraph boundaries into parts (each titled "… (2/3)"), and trimmed past MAX_PARTS.
 *
 * @phpstan-type Documents array{parts: list<array{source_id: string, document: array<string, mixed>}>, hash: string, fit: string}
 */
final class Document_Builder {

	/**
	 * Bytes of content per document: the API's limit (131,072) less room for a part's heading.
	 */
	public const MAX_BYTES = 130000;

	/**
	 * Parts a post is split into at most.
	 */
	public const MAX_PARTS = 8;

	/**
	 * Terms sent at most, as the API allows.
	 */
	private const MAX_TERMS = 200;

	/**
	 * Constructor.
	 *
	 * @param Source_Ids $ids The post's ids in the knowledge base.
	 */
	public function __construct( private readonly Source_Ids $ids ) {}

	/**
	 * The documents of a post, and one hash of them all.
	 *
	 * @param \WP_Post $post A published post.
	 * @return Documents
	 */
	public function build( \WP_Post $post ): array {
		$title  = html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$title  = '' === trim( $title ) ? (string) $post->ID : mb_substr( $title, 0, 900 );
		$common = array(
			'url'      => (string) get_permalink( $post ),
			'language' => self::language( $post ),
			'modified' => (string) get_post_modified_time( 'Y-m-d\TH:i:s\Z', true, $post ),
			'terms'    => self::terms( $post ),
		);
		$fitted = self::fit( Html_Text::markdown( $this->render( $post ) ) );
		$chunks = $fitted[0];
		$fit    = $fitted[1];
		$parts  = array();
		foreach ( $chunks as $index => $content ) {
			$count   = count( $chunks );
			$parts[] = array(
				'source_id' => $this->ids->of( $post->ID, $index + 1 ),
				'document'  => array( 'title' => $count > 1 ? sprintf( '%s (%d/%d)', $title, $index + 1, $count ) : $title ) + $common + array(
					'content'      => $content,
					'content_hash' => hash( 'sha256', $content ),
				),
			);
		}
		/**
		 * The documents a post becomes in the chatbot's knowledge: a multilingual plugin sets each one's language.
		 *
		 * @param list<array{source_id: string, document: array<string, mixed>}> $parts The documents.
		 * @param \WP_Post                                                      $post  The post.
		 */
		/**
		 * The filtered documents, trusted to keep their shape.
		 *
		 * @var list<array{source_id: string, document: array<string, mixed>}> $parts
		 */
		$parts = (array) apply_filters( 'causerie_connector_sync_documents', $parts, $post );
		return array(
			'parts' => $parts,
			'hash'  => hash( 'sha256', (string) wp_json_encode( $parts ) ),
			'fit'   => $fit,
		);
	}

	/**
	 * The post's content as a visitor's page shows it.
	 *
	 * @param \WP_Post $post The post.
	 */
	private function render( \WP_Post $post ): string {
		global $wp_query;
		$previous        = $GLOBALS['post'] ?? null;
		$GLOBALS['post'] = $post; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the_content's filters read the global post, as in the loop; restored below.
		setup_postdata( $post );
		// Some filters act only in the loop's main query; outside it they leave the content as it is.
		$html            = apply_filters( 'the_content', get_the_content( null, false, $post ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter, applied as a theme does.
		$GLOBALS['post'] = $previous; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restored.
		if ( $previous instanceof \WP_Post ) {
			setup_postdata( $previous );
		} elseif ( $wp_query instanceof \WP_Query ) {
			$wp_query->reset_postdata();
		}
		return is_string( $html ) ? $html : '';
	}

	/**
	 * Content cut to the size limit: parts at paragraph boundaries, the rest trimmed.
	 *
	 * @param string $text The content.
	 * @return array{list<string>, string} The parts, and '', 'split' or 'trimmed'.
	 */
	private static function fit( string $text ): array {
		if ( strlen( $text ) <= self::MAX_BYTES ) {
			return array( array( $text ), '' );
		}
		$parts   = array();
		$current = '';
		foreach ( explode( "\n\n", $text ) as $paragraph ) {
			$length = strlen( $paragraph );
			while ( $length > self::MAX_BYTES ) {
				// One paragraph over the limit: cut on a character boundary.
				$head      = mb_strcut( $paragraph, 0, self::MAX_BYTES, 'UTF-8' );
				$parts[]   = trim( $current . $head );
				$current   = '';
				$paragraph = substr( $paragraph, strlen( $head ) );
				$length    = strlen( $paragraph );
			}
			if ( strlen( $current ) + strlen( $paragraph ) + 2 > self::MAX_BYTES ) {
				$parts[] = trim( $current );
				$current = '';
			}
			$current .= $paragraph . "\n\n";
		}
		$parts[] = trim( $current );
		$parts   = array_values( array_filter( $parts, static fn( string $part ): bool => '' !== $part ) );
		return count( $parts ) > self::MAX_PARTS ? array( array_slice( $parts, 0, self::MAX_PARTS ), 'trimmed' ) : array( $parts, 'split' );
	}

	/**
	 * The post's language as a BCP 47 tag: the site's, which a multilingual plugin may set per post.
	 *
	 * @param \WP_Post $post The post.
	 */
	private static function language( \WP_Post $post ): string {
		$tag = str_replace( '_', '-', (string) get_bloginfo( 'language' ) );
		/**
		 * The language of a post sent to the chatbot's knowledge, as a BCP 47 tag.
		 *
		 * @param string   $tag  The site's language.
		 * @param \WP_Post $post The post.
		 */
		$tag = apply_filters( 'causerie_connector_sync_language', $tag, $post );
		return is_string( $tag ) && 1 === preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/', $tag ) ? $tag : 'en';
	}

	/**
	 * The names of the post's terms in its public taxonomies.
	 *
	 * @param \WP_Post $post The post.
	 * @return list<string>
	 */
	private static function terms( \WP_Post $post ): array {
		$names   = array();
		$default = get_option( 'default_category' );
		$default = is_numeric( $default ) ? (int) $default : 0;
		foreach ( get_object_taxonomies( $post->post_type, 'objects' ) as $taxonomy ) {
			if ( ! $taxonomy->public ) {
				continue;
			}
			$terms = get_the_terms( $post, $taxonomy->name );
			foreach ( is_array( $terms ) ? $terms : array() as $term ) {
				$name = trim( html_entity_decode( $term->name, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
				// The default category says nothing of the post: it is where posts go when none is chosen.
				if ( '' !== $name && ! ( 'category' === $term->taxonomy && $default === $term->term_id ) ) {
					$names[] = mb_substr( $name, 0, 200 );
				}
			}
		}
		return array_slice( array_values( array_unique( $names ) ), 0, self::MAX_TERMS );
	}
}
