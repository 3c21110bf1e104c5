<?php
/**
 * No page or payload holds the secret or a token.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\Secrets;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\Tests\CLI\Command_TestCase;
use Causerie\Connector\Tests\CLI\Wp_Cli;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * On a site connected to the sandbox, with a token and a refresh token in hand, each surface of Surfaces is
 * grepped for the client secret, the access token and the refresh token the site holds, and for either half
 * of each (a truncated token is still a leak), and for anything shaped like a JWT.
 */
final class Secret_Grep_Test extends Command_TestCase {

	/**
	 * A JWT anywhere in a text: its header always starts with eyJ, base64 of {".
	 */
	private const JWT = '/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/';

	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'administrator' );
		$saved = rest_do_request( self::post( 'settings', Sandbox::credentials() ) );
		self::assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		self::assertSame( 200, rest_do_request( self::post( 'checks', array() ) )->get_status() );
	}

	/**
	 * Every surface.
	 *
	 * @return array<string, array{string, \Closure(): string}>
	 */
	public static function surfaces(): array {
		return Surfaces::all();
	}

	/**
	 * A POST with a JSON body.
	 *
	 * @param string               $route Route under the namespace.
	 * @param array<string, mixed> $body  Fields.
	 */
	private static function post( string $route, array $body ): \WP_REST_Request {
		$request = new \WP_REST_Request( 'POST', '/' . Admin_Controller::NAMESPACE . '/' . $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( (object) $body ) );
		return $request;
	}

	/**
	 * The secret and the tokens a site holds now, read from it.
	 *
	 * @param string $where Surfaces::SITE or Surfaces::CLI.
	 * @return list<string>
	 */
	private static function secrets( string $where ): array {
		if ( Surfaces::SITE === $where ) {
			$token  = ( new Token_Store( new Encryption() ) )->get();
			$tokens = null === $token ? array() : array( $token->access_token, (string) $token->refresh_token );
		} else {
			// The site's own code reads its own store, once WordPress has loaded, and stops before the command runs.
			$read   = 'WP_CLI::add_wp_hook( "wp_loaded", static function () {'
				. ' $token = ( new Causerie\\Connector\\Auth\\Token_Store( new Causerie\\Connector\\Credentials\\Encryption() ) )->get();'
				. ' echo json_encode( null === $token ? array() : array( $token->access_token, (string) $token->refresh_token ) ); exit; } );';
			$tokens = json_decode( Wp_Cli::run( array( 'status', '--exec=' . $read ) )['stdout'], true );
			$tokens = is_array( $tokens ) ? array_filter( $tokens, 'is_string' ) : array();
		}
		$tokens = array_filter( $tokens, static fn( string $token ): bool => '' !== $token );
		self::assertNotEmpty( $tokens, 'the ' . $where . ' holds no token to look for' );
		return array_values( array_merge( array( Sandbox::credentials()['clientSecret'] ), $tokens ) );
	}

	/**
	 * Each needle, and either half of it.
	 *
	 * @param string[] $secrets Secrets and tokens.
	 * @return array<string, string> By what each is.
	 */
	private static function needles( array $secrets ): array {
		$needles = array();
		foreach ( $secrets as $index => $secret ) {
			$half                                  = intdiv( strlen( $secret ), 2 );
			$needles[ 'secret ' . $index ]         = $secret;
			$needles[ 'first half of ' . $index ]  = substr( $secret, 0, $half );
			$needles[ 'second half of ' . $index ] = substr( $secret, $half );
		}
		return $needles;
	}

	/**
	 * A surface holds neither the secret nor a token, whole or in half.
	 *
	 * @param string   $where  Surfaces::SITE or Surfaces::CLI.
	 * @param \Closure $render Renders the surface.
	 *
	 * @phpstan-param \Closure(): string $render
	 */
	#[DataProvider( 'surfaces' )]
	public function test_no_surface_holds_the_secret_or_a_token( string $where, \Closure $render ): void {
		if ( Surfaces::CLI === $where ) {
			$this->connect();
			self::assertSame( 0, $this->wp( array( 'check' ) )['status'] );
		}
		$before = self::secrets( $where );

		$text = $render();

		self::assertNotSame( '', trim( $text ) );
		// A command may renew the token: the one it replaced and the one it got are both needles.
		foreach ( self::needles( array_values( array_unique( array_merge( $before, self::secrets( $where ) ) ) ) ) as $what => $needle ) {
			self::assertStringNotContainsString( $needle, $text, $what );
			self::assertStringNotContainsString( trim( (string) wp_json_encode( $needle ), '"' ), $text, $what . ', JSON-escaped' );
		}
		self::assertDoesNotMatchRegularExpression( self::JWT, $text );
	}

	public function test_every_get_route_is_a_surface(): void {
		$listed = array_keys( Surfaces::all() );
		foreach ( rest_get_server()->get_routes( Admin_Controller::NAMESPACE ) as $route => $handlers ) {
			$path = (string) preg_replace( '#\(\?P<(\w+)>[^)]+\)#', '*', substr( (string) $route, strlen( '/' . Admin_Controller::NAMESPACE . '/' ) ) );
			$gets = array_filter( (array) $handlers, static fn( mixed $handler ): bool => is_array( $handler ) && is_array( $handler['methods'] ?? null ) && true === ( $handler['methods']['GET'] ?? false ) );
			if ( '' === $path || array() === $gets || isset( Surfaces::excluded_routes()[ $path ] ) ) {
				continue;
			}
			$pattern = '#^REST: GET ' . str_replace( '\*', '[\w-]+', preg_quote( $path, '#' ) ) . '( |$)#';
			self::assertNotEmpty( preg_grep( $pattern, $listed ), 'no surface for GET ' . $path );
		}
	}
}
