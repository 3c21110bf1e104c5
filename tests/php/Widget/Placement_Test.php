<?php
/**
 * Tests of the placement rule.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\Tests\TestCase;
use Causerie\Connector\Widget\Placement;
use Causerie\Connector\Widget\Widget_Options;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each rule, on the pages it should and should not reach.
 */
final class Placement_Test extends TestCase {

	/**
	 * Placement, types, exclusions, the page's singular type and post, and whether the bubble shows.
	 *
	 * @return array<string, array{string, list<string>, list<int>, string|null, int, bool}>
	 */
	public static function pages(): array {
		return array(
			'everywhere reaches an archive'               => array( 'everywhere', array(), array(), null, 0, true ),
			'everywhere reaches a post'                   => array( 'everywhere', array(), array(), 'post', 7, true ),
			'types reaches a chosen type'                 => array( 'types', array( 'page', 'product' ), array(), 'product', 7, true ),
			'types skips another type'                    => array( 'types', array( 'page' ), array(), 'post', 7, false ),
			'types skips archives, even of a chosen type' => array( 'types', array( 'post' ), array(), null, 0, false ),
			'types skips the posts page, which is no single' => array( 'types', array( 'page' ), array(), null, 12, false ),
			'types with none chosen reaches nothing'      => array( 'types', array(), array(), 'page', 7, false ),
			'except skips a listed post'                  => array( 'except', array(), array( 7, 9 ), 'page', 9, false ),
			'except skips a listed posts page'            => array( 'except', array(), array( 12 ), null, 12, false ),
			'except reaches a post not listed'            => array( 'except', array(), array( 7, 9 ), 'page', 8, true ),
			'except reaches archives'                     => array( 'except', array(), array( 7 ), null, 0, true ),
			'manual reaches nothing by itself'            => array( 'manual', array( 'page' ), array(), 'page', 7, false ),
		);
	}

	/**
	 * The rule's answer for one page.
	 *
	 * @param string      $placement Placement.
	 * @param array       $types     Chosen types.
	 * @param array       $exclude   Excluded posts.
	 * @phpstan-param list<string> $types
	 * @phpstan-param list<int> $exclude
	 * @param string|null $type      The page's singular type.
	 * @param int         $post_id   The page's post.
	 * @param bool        $shows     Expected.
	 */
	#[DataProvider( 'pages' )]
	public function test_the_placement_rule( string $placement, array $types, array $exclude, ?string $type, int $post_id, bool $shows ): void {
		$settings = Widget_Options::sanitize(
			array(
				'placement' => $placement,
				'types'     => $types,
				'exclude'   => $exclude,
			)
		);

		self::assertSame( $shows, Placement::matches( $settings, $type, $post_id ) );
	}
}
