<?php
/**
 * A page where visitors see the chatbot, for the screen's "Preview" link.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * The home page when the placement rule reaches it; otherwise the latest published post it reaches, or, with
 * placement "manual", the latest one that holds the Chatbot block or shortcode. Null when there is none, so the
 * screen never links to a page without the chatbot.
 *
 * @phpstan-import-type Settings from Widget_Options
 */
final class Preview_Page {

	/**
	 * The address of a page that shows the chatbot.
	 *
	 * @param array $settings The owner's choices.
	 * @phpstan-param Settings $settings
	 */
	public static function url( array $settings ): ?string {
		$front_id = get_option( 'page_on_front' );
		$front    = 'page' === get_option( 'show_on_front' ) && is_numeric( $front_id ) ? get_post( (int) $front_id ) : null;
		if ( $front instanceof \WP_Post
			? Placement::matches( $settings, $front->post_type, $front->ID )
			: Placement::matches( $settings, null, 0 ) ) {
			return home_url( '/' );
		}
		$post = 'manual' === $settings['placement'] ? self::embedding() : self::placed( $settings );
		if ( null === $post ) {
			return null;
		}
		$link = get_permalink( $post );
		return false === $link ? null : $link;
	}

	/**
	 * The latest published post of a type the rule reaches, and not excluded.
	 *
	 * @param array $settings The owner's choices.
	 * @phpstan-param Settings $settings
	 */
	private static function placed( array $settings ): ?\WP_Post {
		$types = 'types' === $settings['placement'] ? $settings['types'] : self::public_types();
		if ( array() === $types ) {
			return null;
		}
		return self::latest(
			array(
				'post_type'    => $types,
				'post__not_in' => 'except' === $settings['placement'] ? $settings['exclude'] : array(),
			)
		);
	}

	/**
	 * The latest published post whose content asks for the chatbot, by block or by shortcode.
	 */
	private static function embedding(): ?\WP_Post {
		foreach ( array( '<!-- wp:' . Chat_Embed::BLOCK, '[' . Chat_Embed::SHORTCODE ) as $marker ) {
			$post = self::latest(
				array(
					'post_type' => self::public_types(),
					's'         => $marker,
					'sentence'  => true,
				)
			);
			// The search also matches titles and excerpts: only the content places the chatbot.
			if ( null !== $post && str_contains( $post->post_content, $marker ) ) {
				return $post;
			}
		}
		return null;
	}

	/**
	 * The latest published post matching a query.
	 *
	 * @param array<string, mixed> $query Query arguments.
	 */
	private static function latest( array $query ): ?\WP_Post {
		$found = new \WP_Query(
			$query + array(
				'post_status'         => 'publish',
				'posts_per_page'      => 1,
				'orderby'             => 'date',
				'has_password'        => false,
				'ignore_sticky_posts' => true,
				'no_found_rows'       => true,
			)
		);
		$first = $found->posts[0] ?? null;
		return $first instanceof \WP_Post ? $first : null;
	}

	/**
	 * The public post types, attachments aside.
	 *
	 * @return list<string>
	 */
	private static function public_types(): array {
		return array_values( array_diff( get_post_types( array( 'public' => true ) ), array( 'attachment' ) ) );
	}
}
