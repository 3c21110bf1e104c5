<?php
/**
 * What a visitor's page view costs with the plugin active, measured against the same site without it.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Front;

use Causerie\Connector\Tests\CLI\Command_TestCase;
use Causerie\Connector\Tests\CLI\Wp_Cli;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each view is rendered in a PHP process of its own (page-view.php), on the WP-CLI test site connected to the
 * sandbox, so that nothing this process loaded or cached counts: the plugin inactive (the same site and
 * database, the plugin left out of the active plugins), active with the widget off, and active with it on.
 */
final class Page_View_Test extends Command_TestCase {

	/**
	 * The plugin's own files a page view may load, at most: the main file, the composition root and what the
	 * front end registers (translations; the widget's option, consent, front end and block/shortcode; and,
	 * with the widget on, its placement rule).
	 */
	private const MAX_PLUGIN_FILES = 8;

	/**
	 * Pages a visitor opens, by path; `{post}` is a published post's id.
	 *
	 * @return array<string, array{string}>
	 */
	public static function pages(): array {
		return array(
			'the home page' => array( '/' ),
			'a single post' => array( '/?p={post}' ),
		);
	}

	/**
	 * As many database queries as without the plugin, no outbound request, and a handful of the plugin's files.
	 *
	 * @param string $path The page.
	 */
	#[DataProvider( 'pages' )]
	public function test_a_page_view_makes_no_more_queries_no_request_and_loads_a_handful_of_files( string $path ): void {
		$views = $this->views( $path );

		foreach ( array( 'widget off', 'widget on' ) as $case ) {
			self::assertSame( $views['inactive']['queries'], $views[ $case ]['queries'], "database queries with the $case, against the plugin inactive" );
			self::assertSame( array(), $views[ $case ]['requests'], "outbound requests with the $case" );
			$own = array_values( array_filter( $views[ $case ]['files'], static fn( string $file ): bool => ! str_starts_with( $file, 'vendor/' ) ) );
			self::assertContains( 'includes/Plugin.php', $own, "the plugin ran with the $case" );
			self::assertLessThanOrEqual( self::MAX_PLUGIN_FILES, count( $own ), "the plugin's files loaded with the $case:\n" . implode( "\n", $own ) );
		}
		self::assertSame( array(), $views['inactive']['requests'], 'outbound requests with the plugin inactive' );
		self::assertNotContains( 'includes/Plugin.php', $views['inactive']['files'], 'the baseline ran without the plugin' );
	}

	/**
	 * The page holds none of the connection's credentials.
	 *
	 * @param string $path The page.
	 */
	#[DataProvider( 'pages' )]
	public function test_a_page_view_shows_no_secret_no_access_token_and_no_client_id( string $path ): void {
		$views = $this->views( $path );

		foreach ( array( 'widget off', 'widget on' ) as $case ) {
			self::assertNotSame( '', $views[ $case ]['token'], 'the site holds an access token' );
			foreach ( array(
				'the client secret' => self::SECRET,
				'the access token'  => $views[ $case ]['token'],
				'the client id'     => 'wp-development',
			) as $what => $secret ) {
				self::assertSame( 0, substr_count( $views[ $case ]['html'], $secret ), "$what in the page with the $case" );
			}
		}
	}

	/**
	 * The page rendered three ways, on a site connected to the sandbox with a published post.
	 *
	 * @param string $path The page; `{post}` is replaced by the post's id.
	 * @return array<string, array{queries: int, requests: list<string>, files: list<string>, token: string, html: string}>
	 */
	private function views( string $path ): array {
		$this->connect();
		self::assertSame( 0, Wp_Cli::fixture( array( 'posts', '1' ) )['status'] );
		$post = Wp_Cli::sql( "SELECT ID FROM wp_posts WHERE post_title = 'Fixture post 1' AND post_status = 'publish'" )[0][0] ?? '';
		self::assertNotSame( '', $post );
		$path = str_replace( '{post}', $post, $path );

		// A site's first views store what later views read (the theme's file patterns, for one): not the plugin's cost.
		self::view( $path, 'inactive' );
		self::view( $path, 'active' );
		$views = array();
		foreach ( array(
			'inactive'   => array( 'inactive', 'off' ),
			'widget off' => array( 'active', 'off' ),
			'widget on'  => array( 'active', 'on' ),
		) as $case => $how ) {
			list( $state, $widget ) = $how;
			self::widget( $widget );
			$views[ $case ] = self::view( $path, $state );
			self::assertStringContainsString( '</html>', $views[ $case ]['html'], "the page rendered ($case)" );
			if ( '/' !== $path ) {
				self::assertStringContainsString( 'Fixture post 1', $views[ $case ]['html'], "the post rendered ($case)" );
			}
		}
		return $views;
	}

	/**
	 * Turns the widget on or off on the WP-CLI site, through the same script as the bench.
	 *
	 * @param string $widget `on` or `off`.
	 */
	private static function widget( string $widget ): void {
		$script = dirname( __DIR__, 3 ) . '/bin/wp/widget.php';
		exec( 'cd ' . escapeshellarg( Wp_Cli::site() ) . ' && WP_URL=' . escapeshellarg( Wp_Cli::URL ) . ' ' . implode( ' ', array_map( 'escapeshellarg', array( PHP_BINARY, $script, $widget, Sandbox::url() ) ) ) . ' 2>&1', $output, $status );
		self::assertSame( 0, $status, implode( "\n", $output ) );
	}

	/**
	 * One page view in a PHP process of its own.
	 *
	 * @param string $path  The page.
	 * @param string $state `active` or `inactive`.
	 * @return array{queries: int, requests: list<string>, files: list<string>, token: string, html: string}
	 */
	private static function view( string $path, string $state ): array {
		$result = (string) tempnam( sys_get_temp_dir(), 'causerie-view' );
		$script = __DIR__ . '/page-view.php';
		exec( implode( ' ', array_map( 'escapeshellarg', array( PHP_BINARY, $script, Wp_Cli::site(), Wp_Cli::URL, $path, $state, $result ) ) ) . ' 2>&1', $output, $status );
		$data = json_decode( (string) file_get_contents( $result ), true );
		unlink( $result );
		self::assertSame( 0, $status, implode( "\n", $output ) );
		self::assertIsArray( $data, implode( "\n", $output ) );
		self::assertIsInt( $data['queries'] ?? null );
		self::assertIsString( $data['html'] ?? null );
		self::assertIsString( $data['token'] ?? null );
		return array(
			'queries'  => $data['queries'],
			'requests' => array_values( array_filter( (array) ( $data['requests'] ?? array() ), 'is_string' ) ),
			'files'    => array_values( array_filter( (array) ( $data['files'] ?? array() ), 'is_string' ) ),
			'token'    => $data['token'],
			'html'     => $data['html'],
		);
	}
}
