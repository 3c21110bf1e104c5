<?php
/**
 * Tests of what a post becomes in the knowledge base.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Sync;

use Causerie\Connector\Sync\Document_Builder;
use Causerie\Connector\Sync\Html_Text;
use Causerie\Connector\Sync\Source_Ids;
use Causerie\Connector\Tests\TestCase;

/**
 * The text a visitor reads, with its headings and lists, and nothing of the markup, scripts or styles; the
 * title, address, language, date and terms beside it; a post over the size limit split or trimmed.
 */
final class Document_Builder_Test extends TestCase {

	public function test_markup_becomes_text_with_its_headings_lists_tables_and_quotes(): void {
		$text = Html_Text::markdown(
			'<h2>Our <em>prices</em></h2><p>Tea and&nbsp;coffee, <a href="/menu">see the menu</a>.</p>'
			. '<ul><li>Tea: 2 €</li><li>Coffee: 3 €</li></ul><figure><table><tr><th>Day</th><td>Hours</td></tr></table></figure>'
			. '<blockquote><p>Best café</p></blockquote><script>track()</script><style>.x{color:red}</style><form><input name="q"><button>Go</button></form>'
		);

		self::assertSame( "## Our prices\n\nTea and coffee, see the menu.\n\n- Tea: 2 €\n- Coffee: 3 €\n\n| Day | Hours\n\n> Best café", $text );
	}

	public function test_a_published_post_becomes_one_document_with_its_title_address_language_date_and_terms(): void {
		$post_id = $this->post( '<!-- wp:heading --><h2>Opening hours</h2><!-- /wp:heading --><!-- wp:paragraph --><p>9 to 5.</p><!-- /wp:paragraph -->' );
		wp_set_post_tags( $post_id, 'hours, shop' );
		$post = get_post( $post_id );
		self::assertInstanceOf( \WP_Post::class, $post );

		$built = ( new Document_Builder( new Source_Ids() ) )->build( $post );

		self::assertCount( 1, $built['parts'] );
		self::assertSame( '', $built['fit'] );
		$document = $built['parts'][0]['document'];
		self::assertSame( ( new Source_Ids() )->of( $post_id ), $built['parts'][0]['source_id'] );
		self::assertSame( 'Shop & hours', $document['title'] );
		self::assertSame( get_permalink( $post_id ), $document['url'] );
		self::assertMatchesRegularExpression( '/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/', self::text( $document['language'] ) );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', self::text( $document['modified'] ) );
		self::assertSame( array( 'hours', 'shop' ), $document['terms'] );
		self::assertSame( "## Opening hours\n\n9 to 5.", $document['content'] );
		self::assertSame( hash( 'sha256', "## Opening hours\n\n9 to 5." ), $document['content_hash'] );
	}

	public function test_the_same_post_builds_the_same_hash_and_a_change_another(): void {
		$post_id = $this->post( '<p>One.</p>' );
		$builder = new Document_Builder( new Source_Ids() );
		$post    = get_post( $post_id );
		self::assertInstanceOf( \WP_Post::class, $post );
		$first = $builder->build( $post )['hash'];

		self::assertSame( $first, $builder->build( $post )['hash'] );
		$post->post_content = '<p>Two.</p>';
		self::assertNotSame( $first, $builder->build( $post )['hash'] );
	}

	public function test_a_post_over_the_limit_is_split_at_paragraphs_and_past_the_last_part_trimmed(): void {
		$paragraph = str_repeat( 'Word ', 2000 );
		$builder   = new Document_Builder( new Source_Ids() );
		$split     = get_post( $this->post( str_repeat( '<p>' . $paragraph . '</p>', 30 ) ) );
		self::assertInstanceOf( \WP_Post::class, $split );

		$built = $builder->build( $split );

		self::assertSame( 'split', $built['fit'] );
		self::assertCount( 3, $built['parts'] );
		self::assertSame( 'Shop & hours (2/3)', $built['parts'][1]['document']['title'] );
		self::assertSame( ( new Source_Ids() )->of( $split->ID, 2 ), $built['parts'][1]['source_id'] );
		foreach ( $built['parts'] as $part ) {
			self::assertLessThanOrEqual( Document_Builder::MAX_BYTES, strlen( self::text( $part['document']['content'] ) ) );
			self::assertStringEndsWith( 'Word', self::text( $part['document']['content'] ), 'cut between paragraphs' );
		}

		$huge = get_post( $this->post( str_repeat( '<p>' . $paragraph . '</p>', 120 ) ) );
		self::assertInstanceOf( \WP_Post::class, $huge );
		$trimmed = $builder->build( $huge );
		self::assertSame( 'trimmed', $trimmed['fit'] );
		self::assertCount( Document_Builder::MAX_PARTS, $trimmed['parts'] );
	}

	public function test_a_source_id_names_only_this_sites_posts(): void {
		$ids = new Source_Ids();

		self::assertSame( array( 42, 1 ), $ids->parse( $ids->of( 42 ) ) );
		self::assertSame( array( 42, 3 ), $ids->parse( $ids->of( 42, 3 ) ) );
		self::assertNull( $ids->parse( 'site-000000000000:post-42' ) );
		self::assertNull( $ids->parse( 'doc_4f1c' ) );
		self::assertNull( $ids->parse( $ids->prefix() . 'post-42:part-1' ) );
	}

	/**
	 * A document's field, which must be text.
	 *
	 * @param mixed $value The field.
	 */
	private static function text( $value ): string {
		self::assertIsString( $value );
		return $value;
	}

	/**
	 * A published post.
	 *
	 * @param string $content Its content.
	 */
	private function post( string $content ): int {
		$post_id = wp_insert_post(
			array(
				'post_title'   => 'Shop &amp; hours',
				'post_content' => $content,
				'post_status'  => 'publish',
			)
		);
		self::assertIsInt( $post_id );
		return $post_id;
	}
}
