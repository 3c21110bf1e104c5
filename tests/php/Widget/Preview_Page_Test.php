<?php
/**
 * Tests of the page the overview's "Preview" link opens.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Tests\Widget;

use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\TestCase;
use Causerie\Connector\Widget\Preview_Page;
use Causerie\Connector\Widget\Widget_Options;

/**
 * The link goes to the home page when the rule shows the chatbot there, else to a page it shows on, and
 * nowhere when no page shows it.
 *
 * @phpstan-import-type Settings from Widget_Options
 */
final class Preview_Page_Test extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		// The install's own posts (Hello world, Sample Page) would compete for "latest"; the transaction puts them back.
		foreach ( get_posts(
			array(
				'post_type'   => 'any',
				'post_status' => 'any',
				'numberposts' => -1,
			)
		) as $post ) {
			wp_delete_post( $post->ID, true );
		}
	}

	/**
	 * Publishes a post.
	 *
	 * @param string $type    Post type.
	 * @param string $content Content.
	 * @param int    $ago     How many minutes ago it was published (never in the future, which would schedule it).
	 */
	private static function publish( string $type, string $content = 'Text.', int $ago = 5 ): int {
		$date = gmdate( 'Y-m-d H:i:s', time() - 60 * $ago );
		return (int) wp_insert_post(
			array(
				'post_type'     => $type,
				'post_status'   => 'publish',
				'post_title'    => ucfirst( $type ) . ' ' . $date,
				'post_content'  => $content,
				'post_date_gmt' => $date,
				'post_date'     => get_date_from_gmt( $date ),
			)
		);
	}

	/**
	 * The settings for a rule.
	 *
	 * @param string $placement Placement.
	 * @param array  $types     Chosen types.
	 * @param array  $exclude   Excluded posts.
	 * @phpstan-param list<string> $types
	 * @phpstan-param list<int> $exclude
	 * @phpstan-return Settings
	 */
	private static function rule( string $placement, array $types = array(), array $exclude = array() ): array {
		return Widget_Options::sanitize( compact( 'placement', 'types', 'exclude' ) );
	}

	public function test_everywhere_previews_on_the_home_page(): void {
		self::assertSame( home_url( '/' ), Preview_Page::url( self::rule( 'everywhere' ) ) );
	}

	public function test_chosen_types_preview_on_the_latest_post_of_one_when_the_home_page_lists_posts(): void {
		self::publish( 'page', 'Old.', 30 );
		$latest = self::publish( 'page', 'New.', 20 );
		self::publish( 'post', 'Newer, but not chosen.', 10 );

		self::assertSame( get_permalink( $latest ), Preview_Page::url( self::rule( 'types', array( 'page' ) ) ) );
	}

	public function test_chosen_types_preview_on_the_home_page_when_it_is_a_page_of_a_chosen_type(): void {
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', self::publish( 'page' ) );

		self::assertSame( home_url( '/' ), Preview_Page::url( self::rule( 'types', array( 'page' ) ) ) );
	}

	public function test_an_excluded_home_page_previews_on_a_post_not_excluded(): void {
		$home = self::publish( 'page', 'Home.', 10 );
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', $home );
		$other = self::publish( 'post', 'Other.', 20 );

		self::assertSame( get_permalink( $other ), Preview_Page::url( self::rule( 'except', array(), array( $home ) ) ) );
	}

	public function test_manual_placement_previews_on_a_page_holding_the_block(): void {
		self::publish( 'page', 'No chatbot here.', 10 );
		$with_block = self::publish( 'page', '<!-- wp:causerie/chat /-->', 20 );

		self::assertSame( get_permalink( $with_block ), Preview_Page::url( self::rule( 'manual' ) ) );
	}

	public function test_manual_placement_previews_on_a_post_holding_the_shortcode(): void {
		$with_shortcode = self::publish( 'post', 'Ask us: [causerie_chat]' );

		self::assertSame( get_permalink( $with_shortcode ), Preview_Page::url( self::rule( 'manual' ) ) );
	}

	public function test_manual_placement_without_a_block_or_shortcode_has_no_preview(): void {
		self::publish( 'page', 'No chatbot here.' );

		self::assertNull( Preview_Page::url( self::rule( 'manual' ) ) );
	}

	public function test_the_widget_route_answers_the_preview_address(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'GET', '/' . Admin_Controller::NAMESPACE . '/widget' );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( home_url( '/' ), $data['previewUrl'] );
	}
}
