<?php
/**
 * Where the bubble shows by itself.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * The owner's placement rule, judged against what the page shows. Pure: the page view's facts come in as
 * arguments, so the rule is the same for a test and for WordPress's main query.
 *
 * @phpstan-import-type Settings from Widget_Options
 */
final class Placement {

	/**
	 * Whether the rule places the bubble on a page.
	 *
	 * @param array       $settings      The owner's choices.
	 * @param string|null $singular_type The post type of a singular view; null on archives, search, 404.
	 * @param int         $post_id       The post the page shows (a singular view, or the posts page); 0 for none.
	 * @phpstan-param Settings $settings
	 */
	public static function matches( array $settings, ?string $singular_type, int $post_id ): bool {
		return match ( $settings['placement'] ) {
			'everywhere' => true,
			'types'      => null !== $singular_type && in_array( $singular_type, $settings['types'], true ),
			'except'     => 0 === $post_id || ! in_array( $post_id, $settings['exclude'], true ),
			// Manual: only where a block or shortcode asks for it (Chat_Embed), never from here.
			default      => false,
		};
	}
}
