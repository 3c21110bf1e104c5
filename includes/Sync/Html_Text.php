<?php
/**
 * A page's markup reduced to the text a visitor reads.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Markdown-flavoured text: headings keep their level (`## Prices`), list items their dash, table rows their
 * cells, quotes their `>`; links keep their words. Scripts, styles, forms, embeds and images go: a chatbot
 * answers from words, and markup would cost the knowledge base's size limit for nothing.
 */
final class Html_Text {

	/**
	 * Elements whose content is not read as text.
	 */
	private const SKIPPED = array( 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'form', 'button', 'select', 'textarea', 'object', 'canvas', 'video', 'audio', 'head' );

	/**
	 * Elements that end a block of text.
	 */
	private const BLOCKS = array( 'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'figure', 'figcaption', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'pre', 'hr', 'details', 'summary', 'address' );

	/**
	 * The text of a piece of markup.
	 *
	 * @param string $html Markup, as the_content gives it.
	 */
	public static function markdown( string $html ): string {
		if ( '' === trim( $html ) ) {
			return '';
		}
		$document = new \DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NONET | LIBXML_NOERROR | LIBXML_NOWARNING );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$body = $document->getElementsByTagName( 'body' )->item( 0 );
		$text = null === $body ? '' : self::children( $body );
		$text = (string) preg_replace( '/[ \t]+\n/', "\n", $text );
		return trim( (string) preg_replace( "/\n{3,}/", "\n\n", $text ) );
	}

	/**
	 * The text of a node's children.
	 *
	 * @param \DOMNode $node The node.
	 */
	private static function children( \DOMNode $node ): string {
		$text = '';
		foreach ( $node->childNodes as $child ) { // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- the DOM's own name.
			$text .= self::node( $child );
		}
		return $text;
	}

	/**
	 * The text of one node.
	 *
	 * @param \DOMNode $node The node.
	 */
	private static function node( \DOMNode $node ): string {
		if ( $node instanceof \DOMText ) {
			return (string) preg_replace( '/\s+/u', ' ', $node->data );
		}
		if ( ! $node instanceof \DOMElement ) {
			return '';
		}
		$tag = strtolower( $node->tagName ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- the DOM's own name.
		if ( in_array( $tag, self::SKIPPED, true ) ) {
			return '';
		}
		if ( 1 === preg_match( '/^h([1-6])$/', $tag, $level ) ) {
			return "\n\n" . str_repeat( '#', (int) $level[1] ) . ' ' . self::line( self::children( $node ) ) . "\n\n";
		}
		return match ( $tag ) {
			'br' => "\n",
			'li' => "\n- " . self::line( self::children( $node ) ),
			'td', 'th' => ' | ' . self::line( self::children( $node ) ),
			'blockquote' => "\n\n> " . str_replace( "\n", "\n> ", trim( self::children( $node ) ) ) . "\n\n",
			'pre' => "\n\n" . trim( $node->textContent ) . "\n\n", // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- the DOM's own name.
			'img' => '',
			default => in_array( $tag, self::BLOCKS, true ) ? "\n\n" . trim( self::children( $node ) ) . "\n\n" : self::children( $node ),
		};
	}

	/**
	 * Text on one line.
	 *
	 * @param string $text The text.
	 */
	private static function line( string $text ): string {
		return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	}
}
